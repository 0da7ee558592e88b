#include "legal_refs.h"

namespace casesift::synth {

std::string_view CplArticle(const Date& decided, Cpl article) {
  static constexpr std::string_view kArticles[][3] = {
      {"第六十四条", "第六十七条", "第六十七条"},
      {"第一百四十四条", "第一百四十七条", "第一百四十七条"},
      {"第一百四十五条", "第一百四十八条", "第一百四十八条"},
      {"第一百一十九条", "第一百二十二条", "第一百二十二条"},
      {"第一百五十四条", "第一百五十七条", "第一百五十七条"},
      {"第一百七十条", "第一百七十七条", "第一百七十七条"},
      {"第二百五十三条", "第二百六十条", "第二百六十四条"},
      {"第二百二十五条", "第二百三十二条", "第二百三十六条"},
  };
  int revision = decided.year >= 2024 ? 2 : decided.year >= 2022 ? 1 : 0;
  return kArticles[static_cast<int>(article)][revision];
}

bool CivilCode(const Date& decided) { return decided.year >= 2021; }

std::string_view FinalEnforcementArticle(const Date& decided) {
  return decided.year >= 2022 ? "第五百一十七条" : "第五百一十九条";
}

}  // namespace casesift::synth
