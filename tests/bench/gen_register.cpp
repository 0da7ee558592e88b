// bench-gen-register: a synthetic business register and the records to join with it, the
// inputs of tests/bench/entity_join_speed.sh.
//
//   bench-gen-register [--seed N] [--count N] [--ref FILE] [--csv FILE]
//                      [--left FILE] [--left-count N] [--hit PERCENT] [--names]
//
// The register has one row per company: uscc (an 18-character unified social credit code,
// GB 32100, with valid check characters), name (place + trade name + industry + legal form,
// 上海华鼎商贸有限公司), legal_rep, status, registered (a date), capital_yuan and address (a
// Shanghai address). Rows are about 230 bytes of JSON. --csv writes the same rows as CSV: a
// header row, RFC 4180 quoting (about one address in 50 holds a comma, one in 200 quotes),
// CR LF line ends.
//
// The left side is exactly --hit percent of records whose company is in the register, the rest
// absent from it, in shuffled order; several records may name one company. By default they are
// case records {"case_no", "cause", "defendant", "defendant_uscc", "claim_yuan"}: a join on
// defendant_uscc=uscc pairs exactly the hits, once each. With --names they are company names
// as documents write them, {"case_no", "name", "variant", "truth_uscc"}: for a hit the register
// name, the same (variant "exact") or changed one way (two characters swapped, a homophone
// typo, the legal form dropped or changed, traditional characters, the place moved into
// brackets after the trade name, the place dropped), truth_uscc its company's code; for a miss
// a name not in the register, truth_uscc null.
//
// The bytes depend only on the options: std::mt19937_64 is fully specified by the standard, and
// every value derives from its raw output by integer arithmetic. Credit codes are distinct by
// construction (a company's organisation code is a fixed permutation of its index), and so are
// the register's names (a name already given is drawn again). Everything is invented: no row
// describes a real company or person.

#include <fmt/core.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "bench_random.h"

namespace {

using casesift::bench::Random;
using std::string_view;

// ---- tables ----------------------------------------------------------------------------------

struct District {
  string_view code;  // the region code inside a credit code
  string_view name;
  int weight;
};
constexpr District kDistricts[] = {
    {"310115", "浦东新区", 24}, {"310112", "闵行区", 10}, {"310104", "徐汇区", 7},
    {"310105", "长宁区", 5},    {"310106", "静安区", 7},  {"310107", "普陀区", 5},
    {"310109", "虹口区", 4},    {"310110", "杨浦区", 5},  {"310101", "黄浦区", 5},
    {"310113", "宝山区", 6},    {"310114", "嘉定区", 7},  {"310117", "松江区", 7},
    {"310118", "青浦区", 5},    {"310120", "奉贤区", 5},  {"310116", "金山区", 3},
    {"310151", "崇明区", 3},
};

struct Place {
  string_view name;
  int weight;
};
constexpr Place kPlaces[] = {{"上海", 70}, {"北京", 4}, {"深圳", 4}, {"广州", 3},
                             {"杭州", 4},  {"苏州", 4}, {"南京", 3}, {"宁波", 3},
                             {"无锡", 2},  {"合肥", 1}, {"成都", 1}, {"武汉", 1}};

constexpr string_view kTradeChars =
    "华鼎鑫达盛恒通宏远泰丰瑞祥锦汇联创博信诚德源昌嘉隆永兴弘豪佳和润安腾威越美捷迅顺天金银晟煜骏"
    "星辰宇浩凯晨启众邦益智锐图蓝亿诺纳融耀乾坤川海新明睿航";
constexpr string_view kIndustries[] = {
    "商贸",     "贸易",     "信息技术", "建筑工程",   "物业管理", "餐饮管理",   "网络科技",
    "商务咨询", "汽车服务", "实业",     "供应链管理", "文化传媒", "装饰工程",   "物流",
    "电子商务", "生物科技", "投资管理", "人力资源",   "机械设备", "新能源科技", "医疗器械",
    "广告",     "教育科技", "环保科技", "包装材料",   "服饰",     "食品",       "化工"};
struct Form {
  string_view name;
  int weight;
};
constexpr Form kForms[] = {
    {"有限公司", 72}, {"有限责任公司", 14}, {"股份有限公司", 8}, {"实业有限公司", 6}};

constexpr string_view kSurnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
    "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
    "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜",
    "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "陆", "顾", "钱", "欧阳"};
constexpr string_view kGivenChars =
    "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁建国志文新海峰春林东学俊宇浩凯晨芳娜敏静丽艳娟霞秀英"
    "玲桂兰燕萍红梅琳莉雪慧婷颖洁琴云倩佳欣";
constexpr string_view kRoads[] = {"张杨路",   "世纪大道", "浦东南路",     "峨山路",   "虹梅路",
                                  "漕宝路",   "田林路",   "肇嘉浜路",     "长宁路",   "天山路",
                                  "南京西路", "共和新路", "真北路",       "曹杨路",   "四平路",
                                  "控江路",   "淮海中路", "西藏南路",     "四川北路", "同济路",
                                  "牡丹江路", "曹安公路", "嘉松北路",     "新松江路", "沪青平公路",
                                  "南桥路",   "朱泾路",   "城桥镇东门路", "莘庄路",   "七莘路"};
constexpr string_view kBuildings[] = {"汇金大厦", "申江大厦", "科创中心", "金桥大楼", "华新广场"};

struct Status {
  string_view name;
  int weight;
};
constexpr Status kStatuses[] = {{"存续", 52}, {"在业", 24}, {"注销", 15}, {"吊销", 9}};

constexpr string_view kCauses[] = {"买卖合同纠纷",     "服务合同纠纷", "建设工程施工合同纠纷",
                                   "房屋租赁合同纠纷", "劳动争议",     "民间借贷纠纷",
                                   "金融借款合同纠纷", "承揽合同纠纷", "运输合同纠纷",
                                   "侵害商标权纠纷"};
constexpr string_view kCourtCodes[] = {"沪0115", "沪0112", "沪0104", "沪0105", "沪0106", "沪0107",
                                       "沪0110", "沪0113", "沪0114", "沪0117", "沪01",   "沪02"};

// Simplified characters of the tables and their traditional forms, in pairs.
constexpr string_view kTraditional =
    "华華达達远遠丰豐锦錦汇匯联聯创創诚誠兴興润潤腾騰顺順银銀骏駿凯凱启啟众眾锐銳图圖蓝藍亿億诺諾"
    "纳納贸貿术術筑築业業饮飲络絡务務询詢车車实實应應链鏈传傳装裝饰飾电電资資机機设設备備责責"
    "广廣苏蘇宁寧无無锡錫汉漢门門东東云雲发發网網环環护護疗療";
// Trade characters and a character that sounds the same, in pairs: the typos of a dictation.
constexpr string_view kHomophones =
    "华化鼎顶鑫新达大盛胜恒衡通同宏鸿远源泰太丰峰瑞锐祥翔锦金汇惠联连博波诚成德得昌长嘉佳隆龙永勇"
    "兴星豪浩和合润闰安岸腾藤威伟越悦美梅捷杰迅讯顺舜天田银寅骏俊宇雨凯开晨辰启琪众重邦帮益亿"
    "智志诺娜融荣耀曜川传海凯新欣明铭睿瑞航杭";
static_assert(kTradeChars.size() % 3 == 0 && kGivenChars.size() % 3 == 0 &&
              kTraditional.size() % 6 == 0 && kHomophones.size() % 6 == 0);

// The left side's names, by how a document changes the register's name.
enum Variant {
  kExact,
  kSwap,
  kTypo,
  kNoForm,
  kOtherForm,
  kTraditionalChars,
  kBracketPlace,
  kAsciiBracketPlace,
  kNoPlace
};
struct VariantWeight {
  Variant variant;
  string_view name;
  int weight;
};
constexpr VariantWeight kVariants[] = {{kExact, "exact", 20},
                                       {kSwap, "swap", 12},
                                       {kTypo, "typo", 12},
                                       {kNoForm, "no_form", 12},
                                       {kOtherForm, "other_form", 8},
                                       {kTraditionalChars, "traditional", 12},
                                       {kBracketPlace, "bracket_place", 12},
                                       {kAsciiBracketPlace, "ascii_bracket_place", 6},
                                       {kNoPlace, "no_place", 6}};

// ---- numbers, dates, credit codes --------------------------------------------------------------

void AppendInt(std::string* out, int64_t value, int width = 0) {
  char digits[24];
  char* end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  for (int pad = width - int(end - digits); pad > 0; --pad) out->push_back('0');
  out->append(digits, end);
}

// Days since 1970-01-01 as YYYY-MM-DD (Howard Hinnant's civil_from_days).
void AppendDate(std::string* out, int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int month = int(mp < 10 ? mp + 3 : mp - 9);
  AppendInt(out, yoe + era * 400 + (month <= 2), 4);
  out->push_back('-');
  AppendInt(out, month, 2);
  out->push_back('-');
  AppendInt(out, doy - (153 * mp + 2) / 5 + 1, 2);
}

constexpr string_view kUsccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr uint64_t kOrgSpace = 852891037441;  // 31^8 organisation code bodies
constexpr uint64_t kOrgStep = 0x2545F4914F6CDD1D % kOrgSpace;
static_assert(kOrgStep % 31 != 0, "the step must be prime to 31^8 for a permutation");

// a * b % kOrgSpace without overflow: kOrgSpace < 2^40, so each product below is under 2^61.
uint64_t MulMod(uint64_t a, uint64_t b) {
  a %= kOrgSpace;
  const uint64_t high = a * (b >> 20) % kOrgSpace;
  return ((high << 20) % kOrgSpace + a * (b & 0xFFFFF)) % kOrgSpace;
}

uint64_t Mix(uint64_t x) {  // splitmix64's finaliser
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
  return x ^ (x >> 31);
}

// The credit code of the company with this index (indexes at or past --count are companies
// outside the register): 91 (an enterprise), the region code of its district, an organisation
// code (GB 11714, with its check character) and the GB 32100 check character. Distinct indexes
// below 31^8 give distinct codes.
std::string Uscc(uint64_t index, uint64_t salt, const District& district) {
  std::string code = "91";
  code += district.code;
  uint64_t body = (MulMod(index, kOrgStep) + salt) % kOrgSpace;
  char org[8];
  for (int i = 7; i >= 0; --i, body /= 31) org[i] = kUsccChars[body % 31];
  constexpr int kOrgWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 8; ++i) {
    sum += (org[i] <= '9' ? org[i] - '0' : org[i] - 'A' + 10) * kOrgWeights[i];
    code.push_back(org[i]);
  }
  const int org_check = 11 - sum % 11;
  code.push_back(org_check == 10 ? 'X' : org_check == 11 ? '0' : char('0' + org_check));
  constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  sum = 0;
  for (int i = 0; i < 17; ++i) sum += int(kUsccChars.find(code[i])) * kWeights[i];
  code.push_back(kUsccChars[(31 - sum % 31) % 31]);
  return code;
}

// The district of a company: a function of its index, so that a code can be made again.
const District& DistrictOf(uint64_t index, uint64_t salt) {
  uint64_t total = 0;
  for (const District& d : kDistricts) total += d.weight;
  uint64_t x = Mix(index ^ salt) % total;
  for (const District& d : kDistricts) {
    if (x < uint64_t(d.weight)) return d;
    x -= d.weight;
  }
  return kDistricts[0];
}

// ---- names -------------------------------------------------------------------------------------

// A company's name in parts; the register writes place + trade + industry + form.
struct Name {
  string_view place;
  std::string trade;  // two or three characters
  string_view industry;
  string_view form;

  std::string Joined() const {
    std::string out(place);
    out += trade;
    out += industry;
    out += form;
    return out;
  }
};

Name RandomName(Random& r) {
  Name name;
  name.place = r.Weighted(std::span<const Place>(kPlaces)).name;
  name.trade = r.Char(kTradeChars);
  name.trade += r.Char(kTradeChars);
  if (r.Percent(30)) name.trade += r.Char(kTradeChars);
  name.industry = r.Pick(kIndustries);
  name.form = r.Weighted(std::span<const Form>(kForms)).name;
  return name;
}

uint64_t Fnv1a(string_view text) {
  uint64_t hash = 0xCBF29CE484222325;
  for (const char c : text) hash = (hash ^ uint8_t(c)) * 0x100000001B3;
  return hash;
}

std::string PersonName(Random& r) {
  std::string name(r.Pick(kSurnames));
  if (r.Percent(70)) name += r.Char(kGivenChars);
  name += r.Char(kGivenChars);
  return name;
}

// Replaces each character of `text` found at even positions of `pairs` by the one after it.
std::string MapChars(string_view text, string_view pairs) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const size_t length = (uint8_t(text[i]) >= 0xE0) ? 3 : 1;
    const string_view c = text.substr(i, length);
    size_t at = string_view::npos;
    if (length == 3) {
      for (size_t j = 0; j + 6 <= pairs.size(); j += 6) {
        if (pairs.substr(j, 3) == c) at = j;
      }
    }
    out += at == string_view::npos ? c : pairs.substr(at + 3, 3);
    i += length;
  }
  return out;
}

// The register's name as a document may write it.
std::string VariantOf(Random& r, const Name& name, Variant variant) {
  Name changed = name;
  switch (variant) {
    case kExact:
      break;
    case kSwap: {  // two neighbouring characters of the trade name
      const size_t at = 3 * r.Below(changed.trade.size() / 3 - 1);
      std::string& t = changed.trade;
      t = t.substr(0, at) + t.substr(at + 3, 3) + t.substr(at, 3) + t.substr(at + 6);
      break;
    }
    case kTypo: {  // one trade character by one that sounds the same
      const size_t at = 3 * r.Below(changed.trade.size() / 3);
      const std::string replaced = changed.trade.substr(0, at) +
                                   MapChars(string_view(changed.trade).substr(at, 3), kHomophones) +
                                   changed.trade.substr(at + 3);
      changed.trade = replaced != changed.trade ? replaced : MapChars(changed.trade, kHomophones);
      break;
    }
    case kNoForm:
      changed.form = "";
      break;
    case kOtherForm:
      changed.form = name.form == "有限公司" ? "有限责任公司" : "有限公司";
      break;
    case kTraditionalChars:
      return MapChars(name.Joined(), kTraditional);
    case kBracketPlace:
    case kAsciiBracketPlace: {
      const bool full = variant == kBracketPlace;
      std::string out = name.trade;
      out += name.industry;
      out += full ? "（" : "(";
      out += name.place;
      out += full ? "）" : ")";
      out += name.form;
      return out;
    }
    case kNoPlace:
      changed.place = "";
      break;
  }
  return changed.Joined();
}

// ---- output ------------------------------------------------------------------------------------

void AppendJsonString(std::string* out, string_view value) {
  out->push_back('"');
  for (const char c : value) {
    if (c == '"' || c == '\\') out->push_back('\\');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendCsvField(std::string* out, string_view value) {
  if (value.find_first_of(",\"\r\n") == string_view::npos) {
    *out += value;
    return;
  }
  out->push_back('"');
  for (const char c : value) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

// A file written in chunks; "-" is standard output.
class Sink {
 public:
  bool Open(const std::string& path) {
    path_ = path;
    if (path.empty()) return true;
    file_ = path == "-" ? stdout : std::fopen(path.c_str(), "wb");
    if (file_ == nullptr) {
      fmt::print(stderr, "bench-gen-register: cannot write '{}': {}\n", path, std::strerror(errno));
      return false;
    }
    return true;
  }
  bool on() const { return file_ != nullptr; }
  std::string& buffer() { return buffer_; }
  bool Flush(bool last) {
    if (file_ == nullptr || (!last && buffer_.size() < (4 << 20))) return true;
    ok_ = ok_ && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) == buffer_.size();
    buffer_.clear();
    if (last) ok_ = (file_ == stdout ? std::fflush(file_) : std::fclose(file_)) == 0 && ok_;
    if (!ok_) {
      fmt::print(stderr, "bench-gen-register: writing '{}' failed: {}\n", path_,
                 std::strerror(errno));
    }
    return ok_;
  }

 private:
  std::string path_;
  FILE* file_ = nullptr;
  std::string buffer_;
  bool ok_ = true;
};

// ---- the register ------------------------------------------------------------------------------

struct Options {
  uint64_t seed = 1;
  uint64_t count = 1000;
  uint64_t left_count = 0;  // 0: --count
  uint64_t hit = 70;
  bool names = false;
  std::string ref, csv, left;
};

// What the left side needs of a company.
struct Kept {
  std::string uscc;
  Name name;
};

void WriteCompany(Random& r, const std::string& uscc, const District& district,
                  const std::string& name, Sink* json, Sink* csv) {
  const std::string legal_rep = PersonName(r);
  const string_view status = r.Weighted(std::span<const Status>(kStatuses)).name;
  std::string registered;
  AppendDate(&registered, 9131 + int64_t(r.Below(10957)));  // 1995-01-01 to 2024-12-31
  const int64_t capital = int64_t(r.Between(1, 5000)) * (r.Percent(80) ? 10000 : 1000) +
                          (r.Percent(10) ? int64_t(r.Below(10000)) : 0);
  std::string address = "上海市";
  address += district.name;
  address += r.Pick(kRoads);
  AppendInt(&address, r.Between(1, 3999));
  if (r.Percent(30)) {
    address += "弄";
    AppendInt(&address, r.Between(1, 60));
  }
  address += "号";
  if (r.Permille(5)) {
    address += "\"";
    address += r.Pick(kBuildings);
    address += "\"";
  } else if (r.Percent(2)) {
    address += ", ";
  }
  if (r.Percent(35)) {
    AppendInt(&address, r.Between(1, 12));
    address += "幢";
  }
  AppendInt(&address, r.Between(1, 30));
  AppendInt(&address, r.Between(1, 20), 2);
  address += "室";
  if (json->on()) {
    std::string& out = json->buffer();
    out += "{\"uscc\":\"";
    out += uscc;
    out += "\",\"name\":";
    AppendJsonString(&out, name);
    out += ",\"legal_rep\":";
    AppendJsonString(&out, legal_rep);
    out += ",\"status\":\"";
    out += status;
    out += "\",\"registered\":\"";
    out += registered;
    out += "\",\"capital_yuan\":";
    AppendInt(&out, capital);
    out += ",\"address\":";
    AppendJsonString(&out, address);
    out += "}\n";
  }
  if (csv->on()) {
    std::string& out = csv->buffer();
    for (const string_view field : {string_view(uscc), string_view(name), string_view(legal_rep),
                                    status, string_view(registered)}) {
      AppendCsvField(&out, field);
      out.push_back(',');
    }
    AppendInt(&out, capital);
    out.push_back(',');
    AppendCsvField(&out, address);
    out += "\r\n";
  }
}

void AppendCaseNo(Random& r, std::string* out) {
  *out += "(";
  AppendInt(out, r.Between(2016, 2024));
  *out += ")";
  *out += r.Pick(kCourtCodes);
  *out += r.Percent(85) ? "民初" : "民终";
  AppendInt(out, r.Between(1, 60000));
  *out += "号";
}

// The left side: hits of the register and misses, shuffled.
bool WriteLeft(const Options& options, const std::vector<Kept>& kept,
               const std::unordered_set<uint64_t>& taken, uint64_t salt, Sink* left) {
  Random r(options.seed ^ 0x9E3779B97F4A7C15);
  const uint64_t n = options.left_count > 0 ? options.left_count : options.count;
  std::vector<bool> hits(n, false);
  const uint64_t wanted = (n * options.hit + 50) / 100;
  for (uint64_t i = 0; i < wanted; ++i) hits[i] = true;
  for (uint64_t i = n; i > 1; --i) {  // Fisher-Yates
    const uint64_t j = r.Below(i);
    const bool swapped = hits[i - 1];
    hits[i - 1] = hits[j];
    hits[j] = swapped;
  }
  std::string line;
  for (uint64_t i = 0; i < n; ++i) {
    std::string& out = left->buffer();
    out += "{\"case_no\":";
    line.clear();
    AppendCaseNo(r, &line);
    AppendJsonString(&out, line);
    const Kept* company = hits[i] ? &kept[r.Below(kept.size())] : nullptr;
    Name name = company != nullptr ? company->name : RandomName(r);
    if (company == nullptr) {  // a name, or a code, of a company outside the register
      while (taken.count(Fnv1a(name.Joined())) != 0) name = RandomName(r);
    }
    if (options.names) {
      const VariantWeight& variant =
          company != nullptr ? r.Weighted(std::span<const VariantWeight>(kVariants)) : kVariants[0];
      const std::string written = VariantOf(r, name, variant.variant);
      out += ",\"name\":";
      AppendJsonString(&out, written);
      out += ",\"variant\":\"";  // "exact" too when a change changed nothing
      out += company == nullptr         ? "absent"
             : written == name.Joined() ? kVariants[0].name
                                        : variant.name;
      out += company != nullptr ? "\",\"truth_uscc\":\"" + company->uscc + "\"}\n"
                                : "\",\"truth_uscc\":null}\n";
    } else {
      std::string uscc;
      if (company != nullptr) {
        uscc = company->uscc;
      } else {
        const uint64_t index = options.count + r.Below(std::max<uint64_t>(options.count, 1));
        uscc = Uscc(index, salt, DistrictOf(index, salt));
      }
      out += ",\"cause\":\"";
      out += r.Pick(kCauses);
      out += "\",\"defendant\":";
      AppendJsonString(&out, name.Joined());
      out += ",\"defendant_uscc\":\"";
      out += uscc;
      out += "\",\"claim_yuan\":";
      AppendInt(&out, int64_t(r.Between(1, 9999)) * (r.Percent(50) ? 100 : 1));
      if (r.Percent(30)) {
        out += '.';
        AppendInt(&out, r.Between(1, 99), 2);
      }
      out += "}\n";
    }
    if (!left->Flush(false)) return false;
  }
  return left->Flush(true);
}

constexpr char kUsage[] =
    "usage: bench-gen-register [--seed N] [--count N] [--ref FILE] [--csv FILE]\n"
    "                          [--left FILE] [--left-count N] [--hit PERCENT] [--names]\n"
    "Writes a synthetic business register and records to join with it; the same options give\n"
    "the same bytes. FILE - is standard output.\n"
    "  --seed N         random seed (default 1)\n"
    "  --count N        companies in the register (default 1000)\n"
    "  --ref FILE       write the register as JSON Lines: uscc, name, legal_rep, status,\n"
    "                   registered, capital_yuan, address\n"
    "  --csv FILE       write the register as CSV (header row, RFC 4180 quoting, CR LF)\n"
    "  --left FILE      write the left side: case records with defendant_uscc (join them on\n"
    "                   defendant_uscc=uscc)\n"
    "  --left-count N   records on the left side (default: --count)\n"
    "  --hit PERCENT    percent of left records whose company is in the register (default 70)\n"
    "  --names          the left side is names as documents write them, with the variant and\n"
    "                   the register's code (truth_uscc): join them on name\n";

bool ParseNumber(string_view text, uint64_t* value) {
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, *value);
  return ec == std::errc() && ptr == end && !text.empty();
}

// Returns 0 to go on, or the exit status to stop with (-1: 0 after --help).
int ParseOptions(int argc, char** argv, Options* options) {
  for (int i = 1; i < argc; ++i) {
    const string_view arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      fmt::print("{}", kUsage);
      return -1;
    }
    if (arg == "--names") {
      options->names = true;
      continue;
    }
    std::string* file = arg == "--ref"    ? &options->ref
                        : arg == "--csv"  ? &options->csv
                        : arg == "--left" ? &options->left
                                          : nullptr;
    uint64_t* number = arg == "--seed"         ? &options->seed
                       : arg == "--count"      ? &options->count
                       : arg == "--left-count" ? &options->left_count
                       : arg == "--hit"        ? &options->hit
                                               : nullptr;
    if (file == nullptr && number == nullptr) {
      fmt::print(stderr, "bench-gen-register: unknown option '{}'\n{}", arg, kUsage);
      return 2;
    }
    if (i + 1 >= argc) {
      fmt::print(stderr, "bench-gen-register: {} needs a value\n{}", arg, kUsage);
      return 2;
    }
    const string_view value = argv[++i];
    if (file != nullptr) {
      *file = value;
    } else if (!ParseNumber(value, number) || (*number == 0 && arg != "--seed" && arg != "--hit")) {
      fmt::print(stderr, "bench-gen-register: {} needs a positive whole number, not '{}'\n", arg,
                 value);
      return 2;
    }
  }
  if (options->hit > 100 || options->count >= kOrgSpace / 2) {
    fmt::print(stderr, "bench-gen-register: --hit is at most 100, --count below {}\n",
               kOrgSpace / 2);
    return 2;
  }
  if (options->ref.empty() && options->csv.empty() && options->left.empty()) {
    fmt::print(stderr, "bench-gen-register: nothing to write: give --ref, --csv or --left\n{}",
               kUsage);
    return 2;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (const int status = ParseOptions(argc, argv, &options); status != 0) {
    return status < 0 ? 0 : status;
  }
  Sink json, csv, left;
  if (!json.Open(options.ref) || !csv.Open(options.csv) || !left.Open(options.left)) return 1;
  if (csv.on()) csv.buffer() += "uscc,name,legal_rep,status,registered,capital_yuan,address\r\n";
  Random r(options.seed);
  const uint64_t salt = r.Below(kOrgSpace);
  std::unordered_set<uint64_t> taken;  // the names given, hashed
  taken.reserve(options.count);
  std::vector<Kept> kept;
  if (left.on()) kept.reserve(options.count);
  for (uint64_t i = 0; i < options.count; ++i) {
    const District& district = DistrictOf(i, salt);
    std::string uscc = Uscc(i, salt, district);
    Name name = RandomName(r);
    std::string joined = name.Joined();
    while (!taken.insert(Fnv1a(joined)).second) {
      name = RandomName(r);
      joined = name.Joined();
    }
    WriteCompany(r, uscc, district, joined, &json, &csv);
    if (!json.Flush(false) || !csv.Flush(false)) return 1;
    if (left.on()) kept.push_back({std::move(uscc), std::move(name)});
  }
  if (!json.Flush(true) || !csv.Flush(true)) return 1;
  if (left.on() && !WriteLeft(options, kept, taken, salt, &left)) return 1;
  return 0;
}
