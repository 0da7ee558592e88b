// The courts synthetic documents come from, with their 法院代字 (法〔2015〕137号), the
// pre-2016 abbreviations used in `…字第…号` case numbers, and the court that hears their
// appeals. Shanghai's basic courts dominate, as in the project's scenarios; a few courts
// of other provinces add variety. Codes follow DOMAIN.md §2 (the Shanghai ones other
// than 沪0115 are derived there and marked UNVERIFIED).
//
// Thread safety: immutable static tables.
#ifndef CASESIFT_TOOLS_CASE_SYNTH_COURTS_H_
#define CASESIFT_TOOLS_CASE_SYNTH_COURTS_H_

#include <string_view>
#include <vector>

#include "rng.h"

namespace casesift::synth {

struct AppealCourt {
  std::string_view name;           // 上海市第一中级人民法院
  std::string_view code;           // 沪01
  std::string_view legacy_abbr;    // 沪一中
  std::string_view legacy_second;  // 民一（民）终字: the pre-2016 type for appeals
};

struct Court {
  std::string_view name;          // 上海市浦东新区人民法院
  std::string_view code;          // 沪0115
  std::string_view legacy_abbr;   // 浦
  std::string_view legacy_first;  // 民一（民）初字
  std::string_view city;          // 上海市, 广东省广州市: address prefix
  std::string_view district;      // 浦东新区
  std::string_view id_prefix;     // 3101: province and city digits of local ID numbers
  std::string_view firm_prefix;   // 上海: how local law firms' names begin
  const AppealCourt* appeal;
  int first_year;  // the court (under this name) exists from this year
};

// A basic court, weighted towards Shanghai and Pudong. Never one founded after `year`.
const Court& PickBasicCourt(Rng& rng, int year);

// The basic courts of Shanghai (沪01xx), in code order.
std::vector<const Court*> ShanghaiCourts();

// 上海知识产权法院 (沪73), for intellectual-property cases. Its appeals go to 上海市高级人民法院.
const Court& IpCourt();
// 上海知识产权法院 as the court of appeal for Shanghai basic courts' IP cases.
const AppealCourt& IpAppealCourt();

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_COURTS_H_
