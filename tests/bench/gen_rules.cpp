// bench-gen-rules: a set of realistic screening rules (design/RULES.md) for the rule-match
// benchmark (tests/bench/rule_match_speed.sh), over the records bench-gen-cases writes.
//
//   bench-gen-rules [--count N] [--seed N] -o DIR [--one FILE]
//
// Writes N rules (default 800) into DIR/rules-NNN.yaml, eight to a file separated by `---`, and
// with --one the single rule of the benchmark's 1-rule run into FILE; that file's comment line
// `# jq: FILTER` is the same rule as a jq filter, for the jq peer and the count check.
//
// The rules are shaped like the ones a supervision office writes: a cause or a few causes, a
// court, an amount threshold, the kind and side of a party, keywords and regular expressions on
// names, addresses and identifiers, array quantifiers, `not` and `N of x*` conditions, `let`
// values, named lists, fieldref, and (one rule in twenty) correlation rules over an input rule
// of their own. Each rule combines several conditions, so most match a small fraction of the
// records, as real ones do. Everything uses only what `rule-match --check` accepts today (no
// |norm or |core).
//
// The bytes depend only on the seed and the count (std::mt19937_64's raw output, integer
// arithmetic, as bench-gen-cases does). Each rule's id is unique: a family name and its index.

#include <fmt/core.h>

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "bench_random.h"

namespace {

using std::string;
using std::string_view;

using casesift::bench::Random;

// ---- what the rules name -------------------------------------------------------------------
// Mostly values that bench-gen-cases writes; a few real ones it does not (rules name causes and
// courts that a given data set lacks).

constexpr string_view kCivilCauses[] = {"民间借贷纠纷",
                                        "离婚纠纷",
                                        "机动车交通事故责任纠纷",
                                        "金融借款合同纠纷",
                                        "信用卡纠纷",
                                        "买卖合同纠纷",
                                        "劳动争议",
                                        "物业服务合同纠纷",
                                        "服务合同纠纷",
                                        "房屋租赁合同纠纷",
                                        "建设工程施工合同纠纷",
                                        "追偿权纠纷",
                                        "继承纠纷",
                                        "网络购物合同纠纷",
                                        "劳务合同纠纷",
                                        "房屋买卖合同纠纷",
                                        "合同纠纷",
                                        "保证合同纠纷",
                                        "股权转让纠纷",
                                        "医疗损害责任纠纷",
                                        "教育培训合同纠纷",
                                        "商品房预售合同纠纷",
                                        "借款合同纠纷",
                                        "生命权、身体权、健康权纠纷"};
constexpr string_view kPrepaidCauses[] = {"服务合同纠纷", "教育培训合同纠纷", "网络购物合同纠纷",
                                          "买卖合同纠纷"};
constexpr string_view kLabourCauses[] = {"劳动争议", "劳务合同纠纷", "工资纠纷",
                                         "追索劳动报酬纠纷"};
constexpr string_view kDebtCauses[] = {"民间借贷纠纷", "金融借款合同纠纷", "借款合同纠纷",
                                       "借款纠纷",     "欠款纠纷",         "保证合同纠纷"};
constexpr string_view kCriminalCauses[] = {
    "诈骗罪",     "合同诈骗罪", "非法吸收公众存款罪",  "帮助信息网络犯罪活动罪",
    "开设赌场罪", "集资诈骗罪", "掩饰、隐瞒犯罪所得罪"};
struct Court {
  string_view name, province, city;
};
constexpr Court kCourts[] = {
    {"上海市浦东新区人民法院", "上海市", "上海"},
    {"上海市闵行区人民法院", "上海市", "上海"},
    {"上海市徐汇区人民法院", "上海市", "上海"},
    {"上海市第一中级人民法院", "上海市", "上海"},
    {"上海市长宁区人民法院", "上海市", "上海"},
    {"北京市朝阳区人民法院", "北京市", "北京"},
    {"北京市海淀区人民法院", "北京市", "北京"},
    {"北京市第三中级人民法院", "北京市", "北京"},
    {"广东省深圳市南山区人民法院", "广东省", "深圳"},
    {"广东省广州市天河区人民法院", "广东省", "广州"},
    {"广东省深圳市中级人民法院", "广东省", "深圳"},
    {"浙江省杭州市西湖区人民法院", "浙江省", "杭州"},
    {"浙江省杭州市中级人民法院", "浙江省", "杭州"},
    {"江苏省南京市鼓楼区人民法院", "江苏省", "南京"},
    {"四川省成都市武侯区人民法院", "四川省", "成都"},
    {"湖北省武汉市江岸区人民法院", "湖北省", "武汉"},
    {"安徽省合肥市蜀山区人民法院", "安徽省", "合肥"},
};
constexpr string_view kProvinces[] = {"河南省",         "安徽省", "四川省", "湖南省",
                                      "江西省",         "湖北省", "河北省", "山东省",
                                      "广西壮族自治区", "重庆市", "福建省"};
constexpr string_view kIdPrefixes[] = {"4113", "3412", "4101", "5101", "4301", "3601",
                                       "1301", "3701", "4501", "5001", "3501", "4201"};
constexpr string_view kIndustries[] = {
    "教育科技",   "健身服务", "商务咨询", "投资管理", "融资租赁",   "供应链管理", "家政服务",
    "房地产开发", "网络科技", "文化传媒", "旅游",     "人力资源",   "汽车服务",   "餐饮管理",
    "医疗器械",   "装饰工程", "物业管理", "电子商务", "新能源科技", "生物科技"};
constexpr string_view kTradeChars[] = {"鑫", "达", "华", "盛", "恒", "通", "宏", "远", "泰", "丰",
                                       "瑞", "祥", "锦", "汇", "联", "创", "博", "信", "诚", "德",
                                       "源", "昌", "嘉", "隆", "永", "兴", "弘", "豪", "佳", "和"};
constexpr string_view kBanks[] = {"招商银行",     "平安银行",     "交通银行",
                                  "中国工商银行", "中国建设银行", "中国银行"};
constexpr string_view kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
constexpr string_view kGiven[] = {"伟", "芳", "娜", "敏", "静", "强",   "磊", "军", "洋",   "勇",
                                  "艳", "杰", "涛", "明", "超", "秀英", "华", "平", "建国", "志强"};
constexpr int64_t kLargeClaims[] = {500000, 1000000, 2000000, 3000000, 5000000, 8000000};

// ---- YAML text -------------------------------------------------------------------------------

// A scalar as YAML reads it back as this string: plain when that is safe, else single-quoted.
string Q(string_view s) {
  bool plain = !s.empty() && s.find_first_of(":#,[]{}&*!|>'\"%@`\\") == string_view::npos &&
               s.front() != '-' && s.front() != '?' && s.front() != ' ' && s.back() != ' ' &&
               !(s.front() >= '0' && s.front() <= '9') && s != "true" && s != "false" &&
               s != "null" && s != "yes" && s != "no";
  if (plain) return string(s);
  string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

template <typename Items>
string Flow(const Items& items) {
  string out = "[";
  for (const auto& item : items) {
    if (out.size() > 1) out += ", ";
    out += Q(item);
  }
  return out + "]";
}

string Firm(Random& r, string_view city, string_view industry) {
  string name(city);
  name += r.Pick(kTradeChars);
  name += r.Pick(kTradeChars);
  name += industry;
  name += r.Percent(75) ? "有限公司" : "有限责任公司";
  return name;
}

string Person(Random& r) {
  string name(r.Pick(kSurnames));
  return name += r.Pick(kGiven);
}

// Two values of `items`, drawn in order.
template <typename T, size_t N>
std::pair<T, T> Two(Random& r, const T (&items)[N]) {
  const T first = r.Pick(items);
  return {first, r.Pick(items)};
}

// One rule document being written: the header, then detection lines.
class RuleText {
 public:
  // Draws from `r` one value at a time (the order of a call's arguments is unspecified).
  RuleText(Random& r, string_view id, string_view title, string_view description,
           string_view recipient) {
    const int version = r.Between(1, 4);
    const string_view status = r.Percent(70) ? "experimental" : "test";
    const string_view level = r.Pick({"low", "medium", "medium", "high", "high", "critical"});
    out_ = fmt::format("id: {}\ntitle: {}\nversion: {}\nstatus: {}\nlevel: {}\nrecipient: {}\n", id,
                       Q(title), version, status, level, recipient);
    out_ += fmt::format("description: {}\n", Q(description));
    if (r.Percent(30)) out_ += "falsepositives: [当事人确有正当理由]\n";
  }
  void Raw(string_view text) { out_ += text; }
  void BeginDetection() { out_ += "detection:\n"; }
  // A selection: its name, then `key: value` lines (nested ones indented by two more spaces).
  void Select(string_view name) { out_ += fmt::format("  {}:\n", name); }
  // An empty value opens a nested map (a quantifier's).
  void Entry(string_view key, string_view value, int depth = 0) {
    out_ += fmt::format("{:{}}{}:{}{}\n", "", 4 + 2 * depth, key, value.empty() ? "" : " ", value);
  }
  void Condition(string_view condition) { out_ += fmt::format("  condition: {}\n", condition); }
  void Lead(Random& r, string_view subject, string_view evidence) {
    if (r.Percent(30)) return;  // the default lead
    out_ += fmt::format("lead:\n  key:\n    - case_no\n  subject: {}\n  evidence: {}\n", Q(subject),
                        evidence);
  }
  string Take() { return std::move(out_); }

 private:
  string out_;
};

// ---- the families of rules ----------------------------------------------------------------------
// Each writes one rule with the given id.

string AmountCause(Random& r, string_view id) {
  const Court& court = r.Pick(kCourts);
  const string_view cause = r.Pick(kCivilCauses);
  const int64_t claim = r.Pick(kLargeClaims);
  const bool settled = r.Percent(60);
  RuleText t(r, id, fmt::format("{}{}大额{}", court.name, cause, settled ? "调解撤诉" : "案件"),
             fmt::format("诉请金额{}元以上的{}，重点审查虚假诉讼。", claim, cause), "审判监督");
  t.BeginDetection();
  t.Select("scope");
  t.Entry("cause", Q(cause));
  if (r.Percent(70)) {
    t.Entry("court", Q(court.name));
  } else {
    t.Entry("court|startswith", Q(court.province));
    t.Entry("case_no_parts.year|gte", fmt::format("{}", r.Between(2019, 2023)));
  }
  t.Select("large");
  t.Entry("claim_yuan|gte", fmt::format("{}", claim));
  if (settled) {
    t.Select("settled");
    t.Entry("outcome|in", "[mediated, withdrawn]");
  }
  t.Condition(settled ? "scope and large and settled" : "scope and large");
  t.Lead(r, "parties[side=defendant].name", "[cause, claim_yuan, outcome]");
  return t.Take();
}

string Prepaid(Random& r, string_view id) {
  const Court& court = r.Pick(kCourts);
  auto industries = r.Some(kIndustries, size_t(r.Between(1, 2)));
  RuleText t(r, id, fmt::format("预付式消费: {}经营者被诉", industries[0]),
             "消费者诉经营者的服务、培训、购物合同纠纷，关注卷款跑路风险。", "市商务委");
  t.BeginDetection();
  t.Select("prepaid");
  t.Entry("cause|in", Flow(r.Some(kPrepaidCauses, size_t(r.Between(2, 3)))));
  t.Select("operator");
  t.Entry("parties[side=defendant,kind=org].name|contains", Flow(industries));
  if (r.Percent(50)) t.Entry("parties[side=defendant,kind=org].name|startswith", Q(court.city));
  t.Select("consumer");
  t.Entry("parties[side=plaintiff].kind", "person");
  t.Select("local");
  t.Entry("court|startswith", Q(court.province));
  t.Condition("prepaid and operator and consumer and local");
  t.Lead(r, "parties[side=defendant,kind=org].name", "[cause, claim_yuan, court]");
  return t.Take();
}

string Migrant(Random& r, string_view id) {
  const Court& court = r.Pick(kCourts);
  auto from = r.Some(kProvinces, size_t(r.Between(1, 2)));
  RuleText t(r, id, fmt::format("外来务工人员({})劳动报酬纠纷", from[0]),
             "外省籍劳动者起诉用人单位，关注欠薪与社保。", "人社局");
  t.BeginDetection();
  t.Select("labour");
  t.Entry("cause|in", Flow(r.Some(kLabourCauses, 2)));
  t.Select("worker");
  t.Entry("parties[side=plaintiff,kind=person].address|startswith", Flow(from));
  t.Select("employer");
  t.Entry("parties[side=defendant,kind=org].name|endswith", "[有限公司, 有限责任公司]");
  t.Select("where");
  t.Entry("court", Q(court.name));
  if (r.Percent(50)) {
    t.Select("amount");
    t.Entry("claim_yuan|gte", fmt::format("{}", r.Pick({20000, 50000, 100000})));
    t.Condition("labour and worker and employer and where and amount");
  } else {
    t.Condition("labour and worker and employer and where");
  }
  t.Lead(r, "parties[side=defendant].name", "[cause, claim_yuan]");
  return t.Take();
}

string Pattern(Random& r, string_view id) {
  const Court& court = r.Pick(kCourts);
  const int kind = int(r.Below(6));
  static constexpr string_view kTitles[] = {"隐名出借人大额放贷", "旧案号离婚判决复查",
                                            "本地新设企业被诉",   "投融资类企业借贷",
                                            "高龄当事人借贷纠纷", "租赁纠纷门牌地址核查"};
  RuleText t(r, id, kTitles[kind], "正则匹配当事人名称、案号、证件号或地址。", "审判监督");
  t.BeginDetection();
  t.Select("pattern");
  string condition = "pattern and scope";
  switch (kind) {
    case 0: {
      const auto [a, b] = Two(r, kSurnames);
      t.Entry("parties[side=plaintiff,kind=person].name|re",
              Q(fmt::format("^({}|{})某某?$", a, b)));
      t.Select("scope");
      t.Entry("cause|in", "[民间借贷纠纷, 借款纠纷]");
      t.Entry("claim_yuan|gte", fmt::format("{}", r.Pick(kLargeClaims)));
      t.Entry("court|startswith", Q(court.province));
      break;
    }
    case 1:
      t.Entry("case_no|re", Q(R"(^\(201[3-5]\)\S{1,4}民初字第\d{4,5}号$)"));
      t.Select("scope");
      t.Entry("cause", "离婚纠纷");
      t.Entry("court", Q(court.name));
      t.Entry("outcome", r.Percent(50) ? "judgment" : "mediated");
      break;
    case 2:
      t.Entry("parties[side=defendant,kind=org].uscc|re",
              Q(fmt::format(R"(^91{}\d{{2}}MA[0-9A-Z]{{6}}[0-9X]\w$)",
                            court.province == "上海市"   ? "3101"
                            : court.province == "北京市" ? "1101"
                                                         : "4403")));
      t.Select("scope");
      t.Entry("parties[side=defendant,kind=org].uscc_valid", "true");
      t.Entry("cause|in", Flow(r.Some(kPrepaidCauses, 2)));
      t.Entry("court", Q(court.name));
      break;
    case 3: {
      const auto [a, b] = Two(r, kIndustries);
      t.Entry("parties[side=defendant,kind=org].name|re",
              Q(fmt::format("({}|{}).{{0,4}}(有限公司|中心（有限合伙）)$", a, b)));
      t.Select("scope");
      t.Entry("cause|in", Flow(r.Some(kDebtCauses, 3)));
      t.Entry("claim_yuan|gte", fmt::format("{}", r.Pick(kLargeClaims)));
      break;
    }
    case 4:
      t.Entry("parties[side=plaintiff,kind=person].id_no|re",
              Q(fmt::format(R"(^{}\d\d19[45]\d)", r.Pick(kIdPrefixes))));
      t.Select("scope");
      t.Entry("cause|in", "[民间借贷纠纷, 借款纠纷, 欠款纠纷]");
      break;
    default:
      t.Entry("parties[kind=person].address|re", Q(R"((路|大道)\d{1,4}弄\d{1,2}号\d{3,4}室)"));
      t.Select("scope");
      t.Entry("cause", "房屋租赁合同纠纷");
      t.Entry("court", Q(court.name));
      t.Select("not_rented_out");
      t.Entry("outcome", "withdrawn");
      condition = "pattern and scope and not not_rented_out";
      break;
  }
  t.Condition(condition);
  t.Lead(r, "parties[side=defendant].name", "[cause, court, claim_yuan]");
  return t.Take();
}

string Quantifier(Random& r, string_view id) {
  const Court& court = r.Pick(kCourts);
  const int kind = int(r.Below(5));
  static constexpr string_view kTitles[] = {"多名被告的大额借贷", "信用代码无效的企业当事人",
                                            "自然人之间的大额买卖", "无代理人的大额诉讼",
                                            "高龄女性原告"};
  RuleText t(r, id, kTitles[kind], "按当事人数组逐一检查同一当事人的多项条件。", "审判监督");
  t.BeginDetection();
  t.Select("parties_check");
  switch (kind) {
    case 0:
      t.Entry(fmt::format("parties[count>={}]", r.Between(3, 4)), "");
      t.Entry("side", "defendant", 1);
      if (r.Percent(50)) t.Entry("kind", "person", 1);
      t.Select("scope");
      t.Entry("cause|in", Flow(r.Some(kDebtCauses, 2)));
      t.Entry("claim_yuan|gte", fmt::format("{}", r.Pick(kLargeClaims)));
      break;
    case 1:
      t.Entry("parties[any]", "");
      t.Entry("kind", "org", 1);
      t.Entry("uscc_valid", "false", 1);
      t.Entry("name|contains", Flow(r.Some(kIndustries, 2)), 1);
      t.Select("scope");
      t.Entry("cause|in", Flow(r.Some(kCivilCauses, 4)));
      t.Entry("court", Q(court.name));
      break;
    case 2:
      t.Entry("parties[all]", "");
      t.Entry("kind", "person", 1);
      t.Select("scope");
      t.Entry("cause|in", "[买卖合同纠纷, 股权转让纠纷, 合同纠纷]");
      t.Entry("claim_yuan|gte", fmt::format("{}", r.Pick(kLargeClaims)));
      t.Entry("court", Q(court.name));
      break;
    case 3:
      t.Entry("parties[none]", "");
      t.Entry("reps|exists", "true", 1);
      t.Select("scope");
      t.Entry("cause|in", Flow(r.Some(kDebtCauses, 2)));
      t.Entry("claim_yuan|gte", fmt::format("{}", 2 * r.Pick(kLargeClaims)));
      t.Entry("court", Q(court.name));
      break;
    default:
      t.Entry("parties[any]", "");
      t.Entry("side", "plaintiff", 1);
      t.Entry("gender", "female", 1);
      t.Entry("birth|startswith", Q(r.Percent(50) ? "194" : "195"), 1);
      t.Entry("address|contains", Q(r.Pick(kProvinces)), 1);
      t.Select("scope");
      t.Entry("cause|in", Flow(r.Some(kDebtCauses, 3)));
      break;
  }
  t.Condition("parties_check and scope");
  t.Lead(r, "parties[side=defendant].name", "[cause, claim_yuan]");
  return t.Take();
}

string NoLawyer(Random& r, string_view id) {
  const Court& court = r.Pick(kCourts);
  RuleText t(r, id, "职业放贷嫌疑: 无律师代理的大额民间借贷",
             "原告未委托律师，诉请金额大，且原告在本院频繁起诉。", "金融监管局");
  t.BeginDetection();
  t.Select("loan");
  t.Entry("cause|in", "[民间借贷纠纷, 借款纠纷]");
  t.Entry("court", Q(court.name));
  t.Select("large");
  t.Entry("claim_yuan|gte", fmt::format("{}", r.Pick(kLargeClaims)));
  t.Select("lawyer");
  t.Entry("parties[side=plaintiff].reps[*].org|endswith", "律师事务所");
  t.Select("lender_person");
  t.Entry("parties[side=plaintiff].kind", "person");
  t.Condition(r.Percent(50) ? "loan and large and lender_person and not lawyer"
                            : "loan and large and not (lawyer or not lender_person)");
  t.Lead(r, "parties[side=plaintiff].name", "[claim_yuan, court]");
  return t.Take();
}

string Keywords(Random& r, string_view id) {
  const Court& court = r.Pick(kCourts);
  auto industries = r.Some(kIndustries, 3);
  const bool two = r.Percent(50);
  RuleText t(r, id, fmt::format("重点行业企业({})涉诉", industries[0]),
             "被告为重点监管行业企业，或其法定代表人在关注名单中。", "市场监管局");
  t.BeginDetection();
  t.Select("scope");
  t.Entry("cause|in", Flow(r.Some(kCivilCauses, 4)));
  t.Entry("court|in", fmt::format("[{}, {}]", Q(court.name), Q(r.Pick(kCourts).name)));
  t.Entry("claim_yuan|gte", fmt::format("{}", r.Pick({100000, 200000, 500000})));
  t.Select("kw_trade");
  t.Entry("parties[side=defendant,kind=org].name|contains", Flow(industries));
  t.Select("masked");
  t.Entry("parties[side=defendant,kind=org].name|contains", "某某");
  t.Select("kw_rep");
  std::vector<string> reps;
  for (int i = 0; i < 3; ++i) reps.push_back(Person(r));
  t.Entry("parties[side=defendant,kind=org].legal_rep|in", Flow(reps));
  t.Select("kw_suffix");
  t.Entry("parties[side=defendant,kind=org].name|endswith", "[分公司, '中心（有限合伙）']");
  t.Condition(two ? "scope and 2 of kw_* and not masked" : "scope and 1 of kw_* and not masked");
  t.Lead(r, "parties[side=defendant,kind=org].name", "[cause, court]");
  return t.Take();
}

string Computed(Random& r, string_view id) {
  const Court& court = r.Pick(kCourts);
  const int kind = int(r.Below(4));
  static constexpr string_view kTitles[] = {"简易程序超审限", "判决全额支持的大额借贷",
                                            "多名被告的合同纠纷", "诉讼费比例异常"};
  RuleText t(r, id, kTitles[kind], "以 let 计算的数值筛查。", "审判监督");
  t.Raw("let:\n");
  t.BeginDetection();
  string let, condition = "scope and computed";
  t.Select("scope");
  switch (kind) {
    case 0:
      let = "  duration: days(filed_date, decided_date)\n";
      t.Entry("trial_procedure", "summary");
      t.Entry("court", Q(court.name));
      t.Entry("cause|in", Flow(r.Some(kCivilCauses, 3)));
      t.Select("computed");
      t.Entry("$duration|gt", fmt::format("{}", r.Pick({180, 240, 300})));
      break;
    case 1:
      let = "  ratio: award_yuan / claim_yuan\n";
      t.Entry("cause|in", "[民间借贷纠纷, 借款纠纷]");
      t.Entry("outcome", "judgment");
      t.Entry("claim_yuan|gte", fmt::format("{}", r.Pick(kLargeClaims)));
      t.Entry("court|startswith", Q(court.province));
      t.Select("computed");
      t.Entry("$ratio|gte", "0.99");
      break;
    case 2:
      let = "  defendants: count(parties[side=defendant])\n";
      t.Entry("cause", Q(r.Pick(kCivilCauses)));
      t.Entry("court", Q(court.name));
      t.Select("computed");
      t.Entry("$defendants|gte", fmt::format("{}", r.Between(3, 4)));
      break;
    default:
      let = "  fee_rate: fee_yuan / claim_yuan\n  big: claim_yuan >= 2000000\n";
      t.Entry("cause|in", Flow(r.Some(kCivilCauses, 3)));
      t.Entry("court", Q(court.name));
      t.Select("computed");
      t.Entry("$fee_rate|lt", "0.005");
      t.Entry("$big", "true");
      break;
  }
  string text = t.Take();
  text.insert(text.find("detection:\n"), let);
  text += fmt::format("  condition: {}\n", condition);
  return text;
}

string OverAward(Random& r, string_view id) {
  RuleText t(r, id, "判超所请: 判决金额高于诉请", "判决支持金额超过原告诉请金额。", "审判监督");
  t.BeginDetection();
  t.Select("scope");
  t.Entry("cause|in", Flow(r.Some(kCivilCauses, 5)));
  t.Select("over");
  t.Entry("award_yuan|fieldref|gt", "claim_yuan");
  t.Condition("scope and over");
  t.Lead(r, "court", "[claim_yuan, award_yuan]");
  return t.Take();
}

string Criminal(Random& r, string_view id) {
  const Court& court = r.Pick(kCourts);
  RuleText t(r, id, "涉众型经济犯罪大额案件", "诈骗、集资类刑事案件，涉案金额大，移送追赃。",
             "公安经侦");
  t.BeginDetection();
  t.Select("crime");
  t.Entry("cause|in", Flow(r.Some(kCriminalCauses, 3)));
  t.Entry("category", "criminal");
  t.Select("amount");
  t.Entry("amounts[any]", "");
  t.Entry("section", "facts", 1);
  t.Entry("yuan|gte", fmt::format("{}", 2 * r.Pick(kLargeClaims)), 1);
  t.Select("where");
  if (r.Percent(50)) {
    t.Entry("court|startswith", Q(court.province));
  } else {
    t.Entry("court", Q(court.name));
  }
  t.Condition("crime and amount and where");
  t.Lead(r, "parties[side=defendant].name", "[cause, court]");
  return t.Take();
}

string Watchlist(Random& r, string_view id, int index) {
  const Court& court = r.Pick(kCourts);
  const string list = fmt::format("watch_firms_{:04}", index);
  RuleText t(r, id, "关注名单企业涉诉", "被告在市场监管部门的关注名单上。", "市场监管局");
  t.Raw(fmt::format("lists:\n  {}:\n", list));
  for (int i = r.Between(10, 30); i > 0; --i) {
    t.Raw(fmt::format("    - {}\n", Q(Firm(r, court.city, r.Pick(kIndustries)))));
  }
  t.BeginDetection();
  t.Select("listed");
  t.Entry("parties[side=defendant].name|in", Q("@" + list));
  t.Condition("listed");
  t.Lead(r, "parties[side=defendant].name", "[cause, court]");
  return t.Take();
}

string Dated(Random& r, string_view id) {
  const Court& court = r.Pick(kCourts);
  const int year = r.Between(2019, 2023);
  RuleText t(r, id, fmt::format("{}年二审改判案件", year), "按年份、程序与结果筛查。", "审判监督");
  t.BeginDetection();
  t.Select("appeal");
  t.Entry("case_no_parts.type_code", "民终");
  t.Entry("outcome", "judgment");
  t.Entry("case_no_parts.year", fmt::format("{}", year));
  t.Entry("filed_date|startswith", Q(fmt::format("{}-0{}", year, r.Between(1, 9))));
  t.Select("scope");
  t.Entry("cause|in", Flow(r.Some(kCivilCauses, 6)));
  t.Entry("court|startswith", Q(court.province));
  t.Condition("appeal and scope");
  return t.Take();
}

string Divorce(Random& r, string_view id) {
  const Court& court = r.Pick(kCourts);
  RuleText t(r, id, "疑似假离婚: 调解离婚一方多分财产", "离婚调解结案，一方分得绝大部分财产。",
             "妇联");
  t.Raw("let:\n  share: max(allocations[*].yuan) / sum(allocations[*].yuan)\n");
  t.BeginDetection();
  t.Select("divorce");
  t.Entry("cause|in", "[离婚纠纷, 离婚后财产纠纷]");
  t.Entry("outcome", "mediated");
  t.Entry("court", Q(court.name));
  t.Select("lopsided");
  t.Entry("$share|gte", r.Percent(50) ? "0.8" : "0.9");
  t.Select("houses");
  t.Entry("allocations[count>=2]", "");
  t.Entry("yuan|gte", "300000", 1);
  t.Condition("divorce and lopsided and houses");
  t.Lead(r, "parties[side=defendant].name", "[$share, court]");
  return t.Take();
}

string Bank(Random& r, string_view id) {
  const Court& court = r.Pick(kCourts);
  const string_view bank = r.Pick(kBanks);
  RuleText t(r, id, fmt::format("{}批量诉讼中的外地借款人", bank),
             "银行批量起诉，借款人户籍在外省。", "金融监管局");
  t.BeginDetection();
  t.Select("bank");
  t.Entry("cause|in", "[金融借款合同纠纷, 信用卡纠纷]");
  t.Entry("parties[side=plaintiff,kind=org].name|startswith", Q(bank));
  t.Select("borrower");
  t.Entry("parties[side=defendant,kind=person].address|startswith", Flow(r.Some(kProvinces, 2)));
  t.Select("where");
  t.Entry("court", Q(court.name));
  t.Condition("bank and borrower and where");
  t.Lead(r, "parties[side=defendant].name", "[claim_yuan]");
  return t.Take();
}

// A correlation rule and the detection rule (emit: false) it groups: two documents.
string Correlation(Random& r, string_view input_id, string_view id) {
  const Court& court = r.Pick(kCourts);
  const int kind = int(r.Below(3));
  string out;
  {
    RuleText t(r, input_id, "关联规则输入", "只为关联规则提供记录，不单独出线索。", "市商务委");
    t.Raw("emit: false\n");
    t.BeginDetection();
    t.Select("scope");
    if (kind == 2) {
      t.Entry("cause|in", "[民间借贷纠纷, 借款纠纷]");
    } else {
      t.Entry("cause|in", Flow(r.Some(kPrepaidCauses, 2)));
    }
    t.Entry("court|startswith", Q(court.province));
    t.Condition("scope");
    out = t.Take();
  }
  out += "---\n";
  static constexpr string_view kTitles[] = {"同一经营者一年内多次被诉",
                                            "换壳经营: 一人任多家被诉企业法代",
                                            "职业放贷: 同一原告两年内诉请合计巨大"};
  RuleText t(r, id, kTitles[kind], "跨记录聚合。", kind == 2 ? "金融监管局" : "市商务委");
  out += t.Take();
  out += fmt::format("correlation:\n  rules:\n    - {}\n", input_id);
  switch (kind) {
    case 0:
      out += "  type: event_count\n  group-by:\n    - 'parties[side=defendant,kind=org].name'\n";
      out += fmt::format("  time-field: filed_date\n  timespan: 365d\n  condition: {{gte: {}}}\n",
                         r.Between(3, 5));
      if (r.Percent(50)) out += "  also: {sum: claim_yuan, gte: 500000}\n";
      out += "lead:\n  subject: $group\n  evidence: [$count]\n";
      break;
    case 1:
      out +=
          "  type: value_count\n  group-by:\n    - 'parties[side=defendant,kind=org].legal_rep'\n";
      out += "  field: 'parties[side=defendant,kind=org].name'\n";
      out += fmt::format("  time-field: filed_date\n  timespan: 1095d\n  condition: {{gte: {}}}\n",
                         r.Between(3, 4));
      out += "lead:\n  subject: $group\n  evidence: [$value_count]\n";
      break;
    default:
      out += "  type: sum\n  group-by:\n    - 'parties[side=plaintiff,kind=person].name'\n";
      out += fmt::format(
          "  field: claim_yuan\n  time-field: filed_date\n  timespan: 730d\n  condition: {{gte: "
          "{}}}\n",
          10 * r.Pick(kLargeClaims));
      out += "lead:\n  subject: $group\n  evidence: [$sum, $count]\n";
      break;
  }
  return out;
}

// ---- the set -----------------------------------------------------------------------------------

struct Family {
  string_view name;
  int weight;
};
constexpr Family kFamilies[] = {{"large-claim", 16}, {"prepaid", 10},  {"migrant-wages", 8},
                                {"pattern", 12},     {"parties", 10},  {"no-lawyer", 6},
                                {"keywords", 8},     {"computed", 8},  {"over-award", 3},
                                {"fraud", 6},        {"watchlist", 4}, {"appeal-year", 4},
                                {"sham-divorce", 3}, {"bank-batch", 5}};

string OneRule(Random& r, int index, string_view family) {
  const string id = fmt::format("{}-{:04}", family, index);
  if (family == "large-claim") return AmountCause(r, id);
  if (family == "prepaid") return Prepaid(r, id);
  if (family == "migrant-wages") return Migrant(r, id);
  if (family == "pattern") return Pattern(r, id);
  if (family == "parties") return Quantifier(r, id);
  if (family == "no-lawyer") return NoLawyer(r, id);
  if (family == "keywords") return Keywords(r, id);
  if (family == "computed") return Computed(r, id);
  if (family == "over-award") return OverAward(r, id);
  if (family == "fraud") return Criminal(r, id);
  if (family == "watchlist") return Watchlist(r, id, index);
  if (family == "appeal-year") return Dated(r, id);
  if (family == "sham-divorce") return Divorce(r, id);
  return Bank(r, id);
}

string_view PickFamily(Random& r) {
  int total = 0;
  for (const Family& f : kFamilies) total += f.weight;
  int x = int(r.Below(uint64_t(total)));
  for (const Family& f : kFamilies) {
    if (x < f.weight) return f.name;
    x -= f.weight;
  }
  return kFamilies[0].name;
}

constexpr char kOneRule[] =
    "# The rule of the 1-rule run of tests/bench/rule_match_speed.sh; the line below is the same\n"
    "# rule as a jq filter (the benchmark checks that both find the same records).\n"
    "# jq: select(.cause == \"民间借贷纠纷\" and (.claim_yuan | type) == \"number\" and "
    ".claim_yuan >= 100000)\n"
    "id: loan-claim-100k\n"
    "title: 民间借贷纠纷, 诉请金额十万元以上\n"
    "version: 1\n"
    "status: experimental\n"
    "level: info\n"
    "recipient: 审判监督\n"
    "detection:\n"
    "  loan:\n"
    "    cause: 民间借贷纠纷\n"
    "    claim_yuan|gte: 100000\n"
    "  condition: loan\n";

bool WriteFile(const std::filesystem::path& path, string_view text) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return false;
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  return std::fclose(f) == 0 && ok;
}

constexpr char kUsage[] =
    "usage: bench-gen-rules [--count N] [--seed N] -o DIR [--one FILE]\n"
    "Writes N realistic screening rules (default 800) into DIR/rules-NNN.yaml, the same bytes\n"
    "for a seed; with --one, also the single rule of the 1-rule benchmark run into FILE.\n";

bool ParseNumber(string_view text, uint64_t* value) {
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, *value);
  return ec == std::errc() && ptr == end && !text.empty();
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t count = 800, seed = 1;
  string dir, one;
  for (int i = 1; i < argc; ++i) {
    const string_view arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      fmt::print("{}", kUsage);
      return 0;
    }
    if (arg != "-o" && arg != "--seed" && arg != "--count" && arg != "--one") {
      fmt::print(stderr, "bench-gen-rules: unknown option '{}'\n{}", arg, kUsage);
      return 2;
    }
    if (i + 1 >= argc) {
      fmt::print(stderr, "bench-gen-rules: {} needs a value\n{}", arg, kUsage);
      return 2;
    }
    const string_view value = argv[++i];
    if (arg == "-o") {
      dir = value;
    } else if (arg == "--one") {
      one = value;
    } else if (!ParseNumber(value, arg == "--seed" ? &seed : &count) ||
               (arg == "--count" && (count == 0 || count > 100000))) {
      fmt::print(stderr, "bench-gen-rules: {} needs a whole number, not '{}'\n", arg, value);
      return 2;
    }
  }
  if (dir.empty()) {
    fmt::print(stderr, "bench-gen-rules: -o DIR is required\n{}", kUsage);
    return 2;
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    fmt::print(stderr, "bench-gen-rules: cannot make '{}': {}\n", dir, ec.message());
    return 1;
  }
  Random r(seed);
  constexpr int kPerFile = 8;
  string text;
  int files = 0;
  for (int i = 0; i < int(count);) {
    if (!text.empty()) text += "---\n";
    // One rule in twenty is a correlation, written with its input rule.
    if (i % 20 == 18 && i + 1 < int(count)) {
      text +=
          Correlation(r, fmt::format("group-input-{:04}", i), fmt::format("repeat-{:04}", i + 1));
      i += 2;
    } else {
      text += OneRule(r, i, PickFamily(r));
      ++i;
    }
    if (i % kPerFile == 0 || i == int(count)) {
      const auto path = std::filesystem::path(dir) / fmt::format("rules-{:03}.yaml", files++);
      if (!WriteFile(path, text)) {
        fmt::print(stderr, "bench-gen-rules: cannot write '{}': {}\n", path.string(),
                   std::strerror(errno));
        return 1;
      }
      text.clear();
    }
  }
  if (!one.empty() && !WriteFile(one, kOneRule)) {
    fmt::print(stderr, "bench-gen-rules: cannot write '{}': {}\n", one, std::strerror(errno));
    return 1;
  }
  return 0;
}
