// bench-gen-cases: synthetic case records (design/RECORDS.md) as JSON Lines, the input of the
// benchmarks under tests/bench.
//
//   bench-gen-cases [--seed N] [--mb SIZE | --count N] [-o FILE]
//
// The bytes depend only on the seed and the size: std::mt19937_64 is fully specified by the
// standard, and every value derives from its raw output by integer arithmetic (no <random>
// distributions, no floating point). --count N writes N records; --mb SIZE writes records until
// SIZE * 10^6 bytes are reached. A smaller run is a prefix of a larger one with the same seed.
//
// Everything about people is invented: names are drawn from common surnames and given-name
// characters, firms from trade-name characters, identity numbers and credit codes from random
// digits (with valid check characters where the record says so). Courts, banks, insurers and
// government bodies bear real institutions' names, so they get no invented code. About one
// record in 40 carries a JSON escape (\" \\ \n \u00e9) so that parsers meet them.

#include <fmt/core.h>
#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <span>
#include <string>
#include <string_view>

#include "bench_random.h"

namespace {

using std::string_view;

using casesift::bench::Random;

// ---- tables ----------------------------------------------------------------------------------

struct Region {
  string_view code;      // the first six digits of an identity number
  string_view province;  // what an address often gives alone
  string_view place;
};

constexpr Region kRegions[] = {
    {"310115", "上海市", "上海市浦东新区"},
    {"310112", "上海市", "上海市闵行区"},
    {"310104", "上海市", "上海市徐汇区"},
    {"310107", "上海市", "上海市普陀区"},
    {"110105", "北京市", "北京市朝阳区"},
    {"110108", "北京市", "北京市海淀区"},
    {"440305", "广东省", "广东省深圳市南山区"},
    {"440106", "广东省", "广东省广州市天河区"},
    {"330106", "浙江省", "浙江省杭州市西湖区"},
    {"320106", "江苏省", "江苏省南京市鼓楼区"},
    {"320602", "江苏省", "江苏省南通市崇川区"},
    {"510107", "四川省", "四川省成都市武侯区"},
    {"420102", "湖北省", "湖北省武汉市江岸区"},
    {"340104", "安徽省", "安徽省合肥市蜀山区"},
    {"341202", "安徽省", "安徽省阜阳市颍州区"},
    {"410105", "河南省", "河南省郑州市金水区"},
    {"411302", "河南省", "河南省南阳市宛城区"},
    {"370102", "山东省", "山东省济南市历下区"},
    {"430104", "湖南省", "湖南省长沙市岳麓区"},
    {"360102", "江西省", "江西省南昌市东湖区"},
    {"350102", "福建省", "福建省福州市鼓楼区"},
    {"500103", "重庆市", "重庆市渝中区"},
    {"130104", "河北省", "河北省石家庄市桥西区"},
    {"210102", "辽宁省", "辽宁省沈阳市和平区"},
    {"450103", "广西壮族自治区", "广西壮族自治区南宁市青秀区"},
};

enum Level { kBasic, kIntermediate, kHigh, kIpCourt };

struct Court {
  string_view name;
  string_view code;    // 法院代字 of the 2016 case numbers
  string_view legacy;  // the abbreviation of the older …字第…号 numbers
  string_view region;  // a code of kRegions: where local people and firms are
  string_view place;
  string_view city;  // firms' names start with it
  string_view procuratorate;
  Level level;
  int weight;
};

constexpr Court kCourts[] = {
    {"上海市浦东新区人民法院", "沪0115", "浦", "310115", "上海市浦东新区", "上海",
     "上海市浦东新区人民检察院", kBasic, 14},
    {"上海市闵行区人民法院", "沪0112", "闵", "310112", "上海市闵行区", "上海",
     "上海市闵行区人民检察院", kBasic, 8},
    {"上海市徐汇区人民法院", "沪0104", "徐", "310104", "上海市徐汇区", "上海",
     "上海市徐汇区人民检察院", kBasic, 5},
    {"上海市第一中级人民法院", "沪01", "沪一中", "310112", "上海市", "上海",
     "上海市人民检察院第一分院", kIntermediate, 5},
    {"上海市高级人民法院", "沪", "沪高", "310104", "上海市", "上海", "上海市人民检察院", kHigh, 2},
    {"上海知识产权法院", "沪73", "沪知", "310104", "上海市", "上海", "", kIpCourt, 2},
    {"北京市朝阳区人民法院", "京0105", "朝", "110105", "北京市朝阳区", "北京",
     "北京市朝阳区人民检察院", kBasic, 10},
    {"北京市海淀区人民法院", "京0108", "海", "110108", "北京市海淀区", "北京",
     "北京市海淀区人民检察院", kBasic, 7},
    {"北京市第三中级人民法院", "京03", "三中", "110105", "北京市", "北京",
     "北京市人民检察院第三分院", kIntermediate, 4},
    {"广东省深圳市南山区人民法院", "粤0305", "深南法", "440305", "广东省深圳市南山区", "深圳",
     "广东省深圳市南山区人民检察院", kBasic, 8},
    {"广东省广州市天河区人民法院", "粤0106", "穗天法", "440106", "广东省广州市天河区", "广州",
     "广东省广州市天河区人民检察院", kBasic, 7},
    {"广东省深圳市中级人民法院", "粤03", "深中法", "440305", "广东省深圳市", "深圳",
     "广东省深圳市人民检察院", kIntermediate, 4},
    {"浙江省杭州市西湖区人民法院", "浙0106", "杭西", "330106", "浙江省杭州市西湖区", "杭州",
     "浙江省杭州市西湖区人民检察院", kBasic, 6},
    {"浙江省杭州市中级人民法院", "浙01", "浙杭", "330106", "浙江省杭州市", "杭州",
     "浙江省杭州市人民检察院", kIntermediate, 3},
    {"江苏省南京市鼓楼区人民法院", "苏0106", "鼓", "320106", "江苏省南京市鼓楼区", "南京",
     "江苏省南京市鼓楼区人民检察院", kBasic, 5},
    {"四川省成都市武侯区人民法院", "川0107", "武侯", "510107", "四川省成都市武侯区", "成都",
     "四川省成都市武侯区人民检察院", kBasic, 5},
    {"湖北省武汉市江岸区人民法院", "鄂0102", "岸", "420102", "湖北省武汉市江岸区", "武汉",
     "湖北省武汉市江岸区人民检察院", kBasic, 4},
    {"安徽省合肥市蜀山区人民法院", "皖0104", "蜀", "340104", "安徽省合肥市蜀山区", "合肥",
     "安徽省合肥市蜀山区人民检察院", kBasic, 4},
};

enum Flavor { kPlain, kDivorce, kTraffic, kEstate };

// A cause and who its parties are. Kinds: 'p' person, 'a' person or firm, 'o' firm, 'b' bank,
// 'i' insurer, 'g' government body, 'q' procuratorate, '-' nobody.
struct Cause {
  string_view name;
  bool listed;    // on the official list of causes
  char first;     // the kind of the first side (plaintiff, applicant...)
  char second;    // the kind of the second side
  Flavor flavor;  // divorces and estates allocate property; a traffic case sues an insurer
  int weight;
};

constexpr Cause kCivilCauses[] = {
    {"民间借贷纠纷", true, 'a', 'a', kPlain, 18},
    {"离婚纠纷", true, 'p', 'p', kDivorce, 10},
    {"机动车交通事故责任纠纷", true, 'p', 'p', kTraffic, 9},
    {"金融借款合同纠纷", true, 'b', 'p', kPlain, 9},
    {"信用卡纠纷", true, 'b', 'p', kPlain, 8},
    {"买卖合同纠纷", true, 'o', 'a', kPlain, 8},
    {"劳动争议", true, 'p', 'o', kPlain, 6},
    {"物业服务合同纠纷", true, 'o', 'p', kPlain, 6},
    {"服务合同纠纷", true, 'p', 'o', kPlain, 5},
    {"房屋租赁合同纠纷", true, 'a', 'a', kPlain, 5},
    {"建设工程施工合同纠纷", true, 'o', 'o', kPlain, 3},
    {"追偿权纠纷", true, 'o', 'p', kPlain, 2},
    {"继承纠纷", true, 'p', 'p', kEstate, 2},
    {"生命权、身体权、健康权纠纷", true, 'p', 'a', kPlain, 2},
    {"网络购物合同纠纷", true, 'p', 'o', kPlain, 2},
    {"劳务合同纠纷", true, 'p', 'a', kPlain, 2},
    {"房屋买卖合同纠纷", true, 'p', 'p', kPlain, 2},
    {"合同纠纷", true, 'a', 'a', kPlain, 2},
    {"抚养费纠纷", true, 'p', 'p', kPlain, 1},
    {"保证合同纠纷", true, 'o', 'a', kPlain, 1},
    {"股权转让纠纷", true, 'a', 'a', kPlain, 1},
    {"医疗损害责任纠纷", true, 'p', 'o', kPlain, 1},
    {"借款纠纷", false, 'p', 'p', kPlain, 1},
    {"欠款纠纷", false, 'a', 'a', kPlain, 1},
    {"工资纠纷", false, 'p', 'o', kPlain, 1},
};
constexpr Cause kIpCauses[] = {
    {"侵害商标权纠纷", true, 'o', 'o', kPlain, 4},
    {"著作权权属、侵权纠纷", true, 'o', 'o', kPlain, 3},
    {"侵害计算机软件著作权纠纷", true, 'o', 'o', kPlain, 2},
    {"不正当竞争纠纷", true, 'o', 'o', kPlain, 2},
    {"侵害发明专利权纠纷", true, 'o', 'o', kPlain, 1},
};
constexpr Cause kSpecialCauses[] = {
    {"申请司法确认调解协议", true, 'p', 'a', kPlain, 5},
    {"申请实现担保物权", true, 'b', 'p', kPlain, 3},
    {"申请认定公民无民事行为能力", true, 'p', '-', kPlain, 1},
    {"申请宣告公民失踪", true, 'p', '-', kPlain, 1},
    {"申请撤销仲裁裁决", true, 'o', 'a', kPlain, 1},
};
constexpr Cause kProtectionCauses[] = {{"人身安全保护令", true, 'p', 'p', kPlain, 1}};
constexpr Cause kPreservationCauses[] = {{"申请诉前财产保全", true, 'a', 'a', kPlain, 1}};
constexpr Cause kBankruptcyCauses[] = {
    {"破产清算", true, 'a', 'o', kPlain, 3},
    {"破产重整", true, 'o', '-', kPlain, 1},
};
constexpr Cause kCriminalCauses[] = {
    {"危险驾驶罪", true, 'q', 'p', kPlain, 16},
    {"盗窃罪", true, 'q', 'p', kPlain, 14},
    {"诈骗罪", true, 'q', 'p', kPlain, 10},
    {"帮助信息网络犯罪活动罪", true, 'q', 'p', kPlain, 10},
    {"故意伤害罪", true, 'q', 'p', kPlain, 8},
    {"掩饰、隐瞒犯罪所得罪", true, 'q', 'p', kPlain, 5},
    {"交通肇事罪", true, 'q', 'p', kPlain, 5},
    {"开设赌场罪", true, 'q', 'p', kPlain, 4},
    {"寻衅滋事罪", true, 'q', 'p', kPlain, 4},
    {"非法吸收公众存款罪", true, 'q', 'p', kPlain, 3},
    {"合同诈骗罪", true, 'q', 'p', kPlain, 3},
};
constexpr Cause kAdminCauses[] = {
    {"行政处罚", true, 'a', 'g', kPlain, 5}, {"政府信息公开", true, 'p', 'g', kPlain, 3},
    {"行政复议", true, 'a', 'g', kPlain, 2}, {"行政许可", true, 'o', 'g', kPlain, 2},
    {"工伤认定", true, 'o', 'g', kPlain, 2}, {"房屋征收补偿", true, 'p', 'g', kPlain, 1},
    {"行政强制", true, 'a', 'g', kPlain, 1},
};

// The roles of one kind of procedure: as written, and the normalised side.
struct Roles {
  string_view first, first_side, second, second_side, third, third_side;
};

constexpr Roles kTrialRoles{"原告", "plaintiff", "被告", "defendant", "第三人", "third_party"};
constexpr Roles kAppealRoles{"上诉人（原审原告）", "appellant",  "被上诉人（原审被告）",
                             "appellee",           "原审第三人", "third_party"};
constexpr Roles kReviewRoles{"再审申请人（一审原告、二审上诉人）",
                             "applicant",
                             "被申请人（一审被告、二审被上诉人）",
                             "respondent",
                             "一审第三人",
                             "third_party"};
constexpr Roles kApplicationRoles{"申请人",     "applicant", "被申请人",
                                  "respondent", "第三人",    "third_party"};
constexpr Roles kEnforcementRoles{"申请执行人", "applicant", "被执行人",
                                  "respondent", "案外人",    "third_party"};
constexpr Roles kCriminalRoles{"公诉机关",  "plaintiff", "被告人",
                               "defendant", "被害人",    "third_party"};
constexpr Roles kCriminalAppealRoles{"原公诉机关", "plaintiff",  "上诉人（原审被告人）",
                                     "appellant",  "原审被告人", "defendant"};

struct Result {
  string_view doc_type;
  string_view outcome;
  int weight;
};

constexpr Result kCivilTrialResults[] = {
    {"民事判决书", "judgment", 40}, {"民事判决书", "rejected", 8},
    {"民事调解书", "mediated", 20}, {"民事裁定书", "withdrawn", 22},
    {"民事裁定书", "dismissed", 4}, {"民事裁定书", "transferred", 3},
    {"民事裁定书", "suspended", 1}, {"民事裁定书", "other", 2},
};
constexpr Result kCivilAppealResults[] = {
    {"民事判决书", "judgment", 70}, {"民事判决书", "rejected", 4}, {"民事裁定书", "withdrawn", 14},
    {"民事裁定书", "dismissed", 4}, {"民事调解书", "mediated", 8},
};
constexpr Result kReviewResults[] = {{"民事裁定书", "rejected", 80}, {"民事裁定书", "granted", 20}};
constexpr Result kRetrialResults[] = {{"民事判决书", "judgment", 80},
                                      {"民事裁定书", "terminated", 20}};
constexpr Result kApplicationResults[] = {
    {"民事裁定书", "granted", 70}, {"民事裁定书", "rejected", 20}, {"民事裁定书", "withdrawn", 10}};
constexpr Result kProtectionResults[] = {{"人身安全保护令", "granted", 75},
                                         {"民事裁定书", "rejected", 25}};
constexpr Result kPreservationResults[] = {{"民事裁定书", "granted", 1}};
constexpr Result kBankruptcyResults[] = {
    {"民事裁定书", "granted", 60}, {"民事裁定书", "terminated", 30}, {"决定书", "other", 10}};
constexpr Result kEnforcementResults[] = {
    {"执行裁定书", "terminated", 60},
    {"执行裁定书", "other", 15},
    {"结案通知书", "other", 15},
    {"执行决定书", "other", 10},
};
constexpr Result kObjectionResults[] = {{"执行裁定书", "rejected", 60},
                                        {"执行裁定书", "granted", 40}};
constexpr Result kCriminalTrialResults[] = {{"刑事判决书", "judgment", 95},
                                            {"刑事裁定书", "withdrawn", 5}};
constexpr Result kCriminalAppealResults[] = {{"刑事裁定书", "rejected", 75},
                                             {"刑事判决书", "judgment", 25}};
constexpr Result kAdminTrialResults[] = {
    {"行政判决书", "judgment", 35},
    {"行政判决书", "rejected", 30},
    {"行政裁定书", "dismissed", 20},
    {"行政裁定书", "withdrawn", 15},
};
constexpr Result kAdminAppealResults[] = {
    {"行政判决书", "rejected", 60},
    {"行政判决书", "judgment", 20},
    {"行政裁定书", "dismissed", 10},
    {"行政裁定书", "withdrawn", 10},
};

enum Money { kCivilMoney, kEnforcementMoney, kCriminalMoney, kAdminMoney, kApplicationMoney };

struct CaseType {
  string_view code;  // 类型代字
  string_view category;
  string_view procedure;
  bool trial;       // has a trial_procedure
  bool since_2016;  // no case numbers of the older form
  int max_days;     // from filing to decision
  Money money;
  const Roles& roles;
  std::span<const Cause> causes;
  std::span<const Result> results;
  int weights[4];  // how often, by Level of the court
};

// clang-format off
constexpr CaseType kCaseTypes[] = {
    // code, category, procedure, trial, since_2016, max_days, money,
    // roles, causes, results, weights by court level
    {"民初", "civil", "first_instance", true, false, 360, kCivilMoney,
     kTrialRoles, kCivilCauses, kCivilTrialResults, {50, 6, 0, 70}},
    {"民终", "civil", "second_instance", true, false, 200, kCivilMoney,
     kAppealRoles, kCivilCauses, kCivilAppealResults, {0, 55, 15, 30}},
    {"民申", "civil", "retrial_review", false, false, 150, kCivilMoney,
     kReviewRoles, kCivilCauses, kReviewResults, {0, 8, 50, 0}},
    {"民再", "civil", "retrial", true, false, 300, kCivilMoney,
     kReviewRoles, kCivilCauses, kRetrialResults, {0, 3, 15, 0}},
    {"民特", "civil", "special", false, false, 60, kApplicationMoney,
     kApplicationRoles, kSpecialCauses, kApplicationResults, {4, 1, 0, 0}},
    {"民保令", "civil", "protection_order", false, true, 5, kApplicationMoney,
     kApplicationRoles, kProtectionCauses, kProtectionResults, {1, 0, 0, 0}},
    {"财保", "civil", "preservation", false, true, 5, kApplicationMoney,
     kApplicationRoles, kPreservationCauses, kPreservationResults, {2, 1, 0, 0}},
    {"破", "civil", "bankruptcy", false, false, 700, kApplicationMoney,
     kApplicationRoles, kBankruptcyCauses, kBankruptcyResults, {1, 3, 0, 0}},
    {"执", "enforcement", "enforcement", false, false, 700, kEnforcementMoney,
     kEnforcementRoles, kCivilCauses, kEnforcementResults, {22, 5, 1, 0}},
    {"执恢", "enforcement", "enforcement", false, true, 500, kEnforcementMoney,
     kEnforcementRoles, kCivilCauses, kEnforcementResults, {3, 1, 0, 0}},
    {"执异", "enforcement", "other", false, false, 90, kEnforcementMoney,
     kEnforcementRoles, kCivilCauses, kObjectionResults, {2, 1, 0, 0}},
    {"刑初", "criminal", "first_instance", true, false, 120, kCriminalMoney,
     kCriminalRoles, kCriminalCauses, kCriminalTrialResults, {10, 2, 0, 0}},
    {"刑终", "criminal", "second_instance", true, false, 90, kCriminalMoney,
     kCriminalAppealRoles, kCriminalCauses, kCriminalAppealResults, {0, 10, 3, 0}},
    {"行初", "administrative", "first_instance", true, false, 180, kAdminMoney,
     kTrialRoles, kAdminCauses, kAdminTrialResults, {4, 3, 0, 0}},
    {"行终", "administrative", "second_instance", true, false, 120, kAdminMoney,
     kAppealRoles, kAdminCauses, kAdminAppealResults, {0, 5, 10, 0}},
};
// clang-format on

struct Year {
  int year;
  int weight;
};
constexpr Year kYears[] = {{2013, 2},  {2014, 3},  {2015, 3},  {2016, 6},  {2017, 8},  {2018, 10},
                           {2019, 12}, {2020, 12}, {2021, 12}, {2022, 11}, {2023, 10}, {2024, 9}};

constexpr string_view kSurnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐",   "孙",   "马",  "朱", "胡",
    "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许",   "韩",   "冯",  "邓", "曹",
    "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余",   "杜",   "叶",  "程", "苏",
    "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭",   "陆",   "汪",  "范", "金",
    "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊",   "秦",   "邱",  "江", "尹",
    "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾",   "毛",   "郝",  "龚", "邵",
    "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤", "欧阳", "司马", "诸葛"};
constexpr string_view kMaleChars =
    "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁建国志文新海峰春林东学俊宇浩凯晨龙荣德兵良松永庆成坤"
    "旭亮锋";
constexpr string_view kFemaleChars =
    "芳娜敏静丽艳娟霞秀英玲桂兰燕萍红梅琳莉雪慧婷颖洁琴云倩晶佳欣月萌璐瑶怡丹蕾薇晓清";
constexpr string_view kTradeChars =
    "鑫达华盛恒通宏远泰丰瑞祥锦汇联创博信诚德源昌嘉隆永兴弘豪佳和润安腾威越美捷迅顺天金银晟煜骏"
    "星辰宇浩";
static_assert(kMaleChars.size() % 3 == 0 && kFemaleChars.size() % 3 == 0 &&
              kTradeChars.size() % 3 == 0);

constexpr string_view kIndustries[] = {
    "贸易",     "教育科技", "信息技术", "建筑工程", "物业管理",   "餐饮管理",  "房地产开发",
    "网络科技", "商务咨询", "汽车服务", "实业",     "供应链管理", "融资租赁",  "文化传媒",
    "装饰工程", "物流",     "电子商务", "生物科技", "投资管理",   "家政服务",  "人力资源",
    "健身服务", "旅游",     "医疗器械", "广告",     "机械设备",   "新能源科技"};
constexpr string_view kBanks[] = {"中国工商银行股份有限公司", "中国建设银行股份有限公司",
                                  "招商银行股份有限公司",     "交通银行股份有限公司",
                                  "平安银行股份有限公司",     "中国银行股份有限公司"};
constexpr string_view kInsurers[] = {"中国人民财产保险股份有限公司", "中国平安财产保险股份有限公司",
                                     "中国太平洋财产保险股份有限公司"};
constexpr string_view kAgencies[] = {"人力资源和社会保障局", "市场监督管理局", "公安局",
                                     "规划和自然资源局",     "人民政府",       "生态环境局",
                                     "城市管理行政执法局"};
constexpr string_view kMinorities[] = {"回族",   "满族", "壮族",  "蒙古族",
                                       "土家族", "苗族", "朝鲜族"};
// Foreign parties, already in JSON form: some with \u escapes, some raw UTF-8.
constexpr string_view kForeignNames[] = {"Andr\\u00e9 Dubois",      "Ren\\u00e9e Laurent",
                                         "Jos\\u00e9 Garc\\u00eda", "Zoé Marchand",
                                         "Fran\\u00e7ois Petit",    "Jürgen Brandt"};
constexpr string_view kCars[] = {"大众", "丰田", "本田", "别克", "比亚迪", "日产"};

// ---- numbers, dates, check characters -----------------------------------------------------------

void AppendInt(std::string* out, int64_t value, int width = 0) {
  char digits[24];
  char* end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  for (int pad = width - int(end - digits); pad > 0; --pad) out->push_back('0');
  out->append(digits, end);
}

// Yuan as a JSON number from integer fen: at most two decimals, no trailing zero.
void AppendYuan(std::string* out, int64_t fen) {
  AppendInt(out, fen / 100);
  const int cents = int(fen % 100);
  if (cents == 0) return;
  out->push_back('.');
  out->push_back(char('0' + cents / 10));
  if (cents % 10 != 0) out->push_back(char('0' + cents % 10));
}

void AppendGrouped(std::string* out, int64_t value) {
  char digits[24];
  const int n = int(std::to_chars(digits, digits + sizeof digits, value).ptr - digits);
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out->push_back(',');
    out->push_back(digits[i]);
  }
}

// An amount as a judgment writes it: 112,000元, 112000元, 人民币112,000.50元, 11.2万元.
void AppendMoneyText(Random& r, int64_t fen, std::string* out) {
  const int64_t yuan = fen / 100;
  const int form = int(r.Below(100));
  if (fen % 10000 == 0 && yuan >= 10000 && form < 20) {
    AppendInt(out, yuan / 10000);
    int64_t rest = yuan % 10000;
    if (rest != 0) {
      out->push_back('.');
      while (rest % 10 == 0) rest /= 10;
      AppendInt(out, rest, rest < 10 ? 1 : 0);  // 10000 → 1, 12000 → 1.2, 10500 → 1.05
    }
    *out += "万元";
    return;
  }
  if (form >= 80) *out += "人民币";
  if (form < 60 || form >= 80) {
    AppendGrouped(out, yuan);
  } else {
    AppendInt(out, yuan);
  }
  if (fen % 100 != 0) {
    out->push_back('.');
    AppendInt(out, fen % 100, 2);
  }
  *out += "元";
}

// An amount in fen, from tens of yuan to millions, sometimes with odd yuan or fen.
int64_t RandomFen(Random& r) {
  constexpr int64_t kScales[] = {10, 100, 1000, 10000};
  int64_t yuan = r.Between(1, 999) * r.Pick(kScales);
  if (r.Percent(35)) yuan += int64_t(r.Below(1000));
  return yuan * 100 + (r.Percent(12) ? int64_t(r.Below(100)) : 0);
}

// The court fee of a property case (诉讼费用交纳办法 art. 13), in fen.
int64_t CaseFeeFen(int64_t claim_fen) {
  struct Band {
    int64_t upto_yuan;
    int64_t per_10000;
  };
  constexpr Band kBands[] = {{100000, 250},  {200000, 200},  {500000, 150},
                             {1000000, 100}, {2000000, 90},  {5000000, 80},
                             {10000000, 70}, {20000000, 60}, {INT64_MAX / 200, 50}};
  int64_t fee = 5000;  // 50 yuan up to 10,000 yuan
  int64_t floor = 1000000;
  for (const Band& band : kBands) {
    const int64_t top = std::min(claim_fen, band.upto_yuan * 100);
    if (top <= floor) break;
    fee += (top - floor) * band.per_10000 / 10000;
    floor = top;
  }
  return fee;
}

// Days since 1970-01-01 and back (Howard Hinnant's civil calendar algorithms).
struct Date {
  int year, month, day;
};
int64_t DaysFromCivil(Date d) {
  const int64_t y = d.year - (d.month <= 2);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (d.month > 2 ? d.month - 3 : d.month + 9) + 2) / 5 + d.day - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}
Date CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int month = int(mp < 10 ? mp + 3 : mp - 9);
  return {int(yoe + era * 400 + (month <= 2)), month, int(doy - (153 * mp + 2) / 5 + 1)};
}
int64_t RandomDay(Random& r, int first_year, int last_year) {
  const int64_t first = DaysFromCivil({first_year, 1, 1});
  return first + int64_t(r.Below(uint64_t(DaysFromCivil({last_year + 1, 1, 1}) - first)));
}
void AppendDate(std::string* out, int64_t days, bool compact = false) {
  const Date d = CivilFromDays(days);
  AppendInt(out, d.year, 4);
  if (!compact) out->push_back('-');
  AppendInt(out, d.month, 2);
  if (!compact) out->push_back('-');
  AppendInt(out, d.day, 2);
}

// The check character of an identity number (GB 11643, ISO 7064 MOD 11-2).
char IdCheck(string_view first17) {
  constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return "10X98765432"[sum % 11];
}

constexpr string_view kUsccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// The check characters of an organisation code (GB 11714) and a credit code (GB 32100).
char OrgCodeCheck(string_view first8) {
  constexpr int kWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 8; ++i) {
    const char c = first8[i];
    sum += (c <= '9' ? c - '0' : c - 'A' + 10) * kWeights[i];
  }
  const int check = 11 - sum % 11;
  return check == 10 ? 'X' : check == 11 ? '0' : char('0' + check);
}
char UsccCheck(string_view first17) {
  constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += int(kUsccChars.find(first17[i])) * kWeights[i];
  return kUsccChars[(31 - sum % 31) % 31];
}

// ---- JSON ------------------------------------------------------------------------------------

// Appends compact JSON to a string, placing the commas. Keys are written as given.
class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(*out) {}

  JsonWriter& Key(string_view key) {
    Separate();
    out_.push_back('"');
    out_ += key;
    out_ += "\":";
    comma_ = false;
    return *this;
  }
  JsonWriter& String(string_view value) {
    Separate();
    out_.push_back('"');
    size_t start = 0;
    for (size_t i = 0; i < value.size(); ++i) {
      const unsigned char c = value[i];
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(value.data() + start, i - start);
      if (c == '"' || c == '\\') {
        out_.push_back('\\');
        out_.push_back(char(c));
      } else if (c == '\n') {
        out_ += "\\n";
      } else {
        out_ += fmt::format("\\u{:04x}", c);
      }
      start = i + 1;
    }
    out_.append(value.data() + start, value.size() - start);
    out_.push_back('"');
    return *this;
  }
  // A string whose JSON form (escapes included) is `json`.
  JsonWriter& Escaped(string_view json) {
    Separate();
    out_.push_back('"');
    out_ += json;
    out_.push_back('"');
    return *this;
  }
  JsonWriter& Int(int64_t value) {
    Separate();
    AppendInt(&out_, value);
    return *this;
  }
  JsonWriter& Yuan(int64_t fen) {
    Separate();
    AppendYuan(&out_, fen);
    return *this;
  }
  // A string, or null when `value` is empty.
  JsonWriter& StringOrNull(string_view value) {
    return value.empty() ? Literal("null") : String(value);
  }
  JsonWriter& Bool(bool value) { return Literal(value ? "true" : "false"); }
  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }

 private:
  void Separate() {
    if (comma_) out_.push_back(',');
    comma_ = true;
  }
  JsonWriter& Literal(string_view text) {
    Separate();
    out_ += text;
    return *this;
  }
  JsonWriter& Open(char c) {
    Separate();
    out_.push_back(c);
    comma_ = false;
    return *this;
  }
  JsonWriter& Close(char c) {
    out_.push_back(c);
    comma_ = true;
    return *this;
  }

  std::string& out_;
  bool comma_ = false;
};

// ---- names and identifiers ---------------------------------------------------------------------

std::string PersonName(Random& r, bool male, bool masked) {
  std::string name(r.Percent(40) ? kSurnames[r.Below(10)] : r.Pick(kSurnames));
  if (masked) return name + (r.Percent(60) ? "某" : "某某");
  const string_view chars = male ? kMaleChars : kFemaleChars;
  if (r.Percent(70)) name += r.Char(chars);
  name += r.Char(chars);
  return name;
}

std::string TradeName(Random& r) {
  std::string name(r.Char(kTradeChars));
  name += r.Char(kTradeChars);
  return name;
}

std::string FirmName(Random& r, const Court& court) {
  std::string name(r.Percent(80) ? court.city : r.Pick(kCourts).city);
  name += r.Percent(25) ? std::string("某某") : TradeName(r);
  name += r.Pick(kIndustries);
  const int form = int(r.Below(100));
  if (form < 70) {
    name += "有限公司";
  } else if (form < 82) {
    name += "有限责任公司";
  } else if (form < 90) {
    name += "股份有限公司";
  } else if (form < 96) {
    name += "有限公司";
    name += court.city;
    name += "分公司";
  } else {
    name += "中心（有限合伙）";
  }
  return name;
}

std::string LawFirm(Random& r, const Court& court) {
  if (r.Percent(5)) return std::string(court.place) + "法律援助中心";
  std::string name(court.city);
  name += r.Percent(30) ? std::string("市某某") : TradeName(r);
  return name + "律师事务所";
}

std::string Street(Random& r) {
  std::string street = TradeName(r);
  street += r.Percent(70) ? "路" : "大道";
  AppendInt(&street, r.Between(1, 3000));
  if (r.Percent(60)) {
    street += "弄";
    AppendInt(&street, r.Between(1, 80));
    street += "号";
    AppendInt(&street, r.Between(1, 33) * 100 + r.Between(1, 6));
    street += "室";
  } else {
    street += "号";
  }
  return street;
}

const Region& FindRegion(string_view code) {
  for (const Region& region : kRegions) {
    if (region.code == code) return region;
  }
  return kRegions[0];
}

// A firm's credit code (GB 32100): registration and type (91), region, organisation code
// (GB 11714, with its check character), check character.
std::string Uscc(Random& r, string_view region) {
  std::string code = "91";
  code += region;
  if (r.Percent(60)) {
    code += "MA";
    for (int i = 0; i < 6; ++i) code.push_back(kUsccChars[r.Below(kUsccChars.size())]);
  } else {
    for (int i = 0; i < 8; ++i) code.push_back(char('0' + r.Below(10)));
  }
  code.push_back(OrgCodeCheck(string_view(code).substr(8, 8)));
  code.push_back(UsccCheck(code));
  return code;
}

// Writes "uscc" and "uscc_valid": valid, masked as written, mistyped, or nothing.
void WriteUscc(JsonWriter& w, Random& r, string_view region) {
  const int form = int(r.Below(100));
  if (form >= 75) return;
  std::string code = Uscc(r, region);
  bool valid = true;
  if (form >= 70) {  // one character mistyped
    char& c = code[17];
    c = kUsccChars[(kUsccChars.find(c) + 1 + r.Below(30)) % 31];
    valid = false;
  } else if (form >= 45) {
    const size_t from = r.Percent(50) ? 13 : 4;
    code.replace(from, 18 - from, 18 - from, form >= 58 ? 'X' : '*');
    valid = false;
  }
  w.Key("uscc").String(code).Key("uscc_valid").Bool(valid);
}

// Writes "id_no" and "id_valid" (GB 11643), consistent with the birth date and sex.
void WriteIdNumber(JsonWriter& w, Random& r, string_view region, int64_t birth, bool male,
                   bool masked_name) {
  const int form = int(r.Below(100));
  if (form >= (masked_name ? 45 : 75)) return;
  std::string id(region);
  AppendDate(&id, birth, /*compact=*/true);
  int seq = int(r.Below(1000));
  if ((seq % 2 == 1) != male) seq ^= 1;
  AppendInt(&id, seq, 3);
  id.push_back(IdCheck(id));
  bool valid = true;
  if (masked_name || form < 30) {  // 310***********1234 or 310115********123X
    const size_t keep = r.Percent(50) ? 3 : 6;
    id.replace(keep, 14 - keep, 14 - keep, '*');
    valid = false;
  } else if (form < 33) {  // a mistyped digit
    id[9 + r.Below(8)] = char('0' + r.Below(10));
    valid = IdCheck(id) == id[17];
  }
  w.Key("id_no").String(id).Key("id_valid").Bool(valid);
}

// ---- parties -----------------------------------------------------------------------------------

void WriteReps(JsonWriter& w, Random& r, const Court& court, int count, string_view role,
               bool lawyers) {
  if (count == 0) return;
  w.Key("reps").BeginArray();
  for (int i = 0; i < count; ++i) {
    const bool male = r.Percent(55);
    w.BeginObject().Key("role").String(role);
    w.Key("name").String(PersonName(r, male, r.Percent(25)));
    if (lawyers || r.Percent(60)) w.Key("org").String(LawFirm(r, court));
    w.EndObject();
  }
  w.EndArray();
}

struct Party {
  string_view role;
  string_view side;
  char kind;  // as in Cause
  int sex;    // 1 male, 0 female, -1 either
};

void WritePerson(JsonWriter& w, Random& r, const Court& court, const Party& party, bool criminal) {
  const bool male = party.sex < 0 ? r.Percent(60) : party.sex == 1;
  if (r.Permille(4)) {  // a foreign party
    w.Key("name").Escaped(r.Pick(kForeignNames)).Key("kind").String("person");
    w.Key("gender").String(male ? "male" : "female").Key("address").String("法国");
    return;
  }
  const bool masked = r.Percent(criminal ? 20 : 40);
  w.Key("name").String(PersonName(r, male, masked)).Key("kind").String("person");
  if (r.Percent(92)) w.Key("gender").String(male ? "male" : "female");
  const int64_t birth = RandomDay(r, 1945, 2003);
  if (r.Percent(masked ? 40 : 75)) {
    w.Key("birth");
    std::string date;
    AppendDate(&date, birth);
    w.String(date);
  }
  if (r.Percent(criminal ? 90 : 55)) {
    w.Key("ethnicity").String(r.Percent(90) ? string_view("汉族") : r.Pick(kMinorities));
  }
  const Region& region = r.Percent(45) ? FindRegion(court.region) : r.Pick(kRegions);
  if (r.Percent(80)) {
    const int form = int(r.Below(100));
    std::string address(form < 10 ? "户籍地" : "");
    address += form < 35 ? region.province : region.place;
    if (form >= 60) {
      if (r.Permille(15)) address += '\n';  // a line break kept from the document
      address += Street(r);
    }
    w.Key("address").String(address);
  }
  WriteIdNumber(w, r, region.code, birth, male, masked);
  if (criminal) {
    WriteReps(w, r, court, r.Percent(70) ? 1 : 0, "辩护人", true);
  } else if (r.Percent(4)) {
    WriteReps(w, r, court, 1, "法定代理人", false);
  } else {
    const int reps = int(r.Below(100));
    WriteReps(w, r, court, reps < 50 ? 0 : reps < 85 ? 1 : 2, "委托诉讼代理人", reps >= 60);
  }
}

void WriteOrg(JsonWriter& w, Random& r, const Court& court, char kind) {
  std::string name;
  if (kind == 'b') {
    name = std::string(r.Pick(kBanks)) + std::string(court.city) +
           (r.Percent(30) ? "信用卡中心" : "分行");
  } else if (kind == 'i') {
    name = std::string(r.Pick(kInsurers)) + std::string(court.city) + "分公司";
  } else if (kind == 'g') {
    name = std::string(court.place) + std::string(r.Pick(kAgencies));
  } else {
    name = FirmName(r, court);
  }
  w.Key("name").String(name).Key("kind").String("org");
  if (kind == 'o') WriteUscc(w, r, court.region);  // real institutions get no invented code
  if (r.Percent(85)) w.Key("legal_rep").String(PersonName(r, r.Percent(70), r.Percent(30)));
  const int reps = int(r.Below(100));
  const int count = reps < 20 ? 0 : reps < 85 ? 1 : 2;
  WriteReps(w, r, court, count, kind == 'g' ? "委托代理人" : "委托诉讼代理人", reps >= 50);
}

void WriteParty(JsonWriter& w, Random& r, const Court& court, const Party& party) {
  w.BeginObject().Key("role").String(party.role).Key("side").String(party.side);
  char kind = party.kind;
  if (kind == 'a') kind = r.Percent(65) ? 'p' : 'o';
  if (kind == 'q') {
    w.Key("name").String(court.procuratorate).Key("kind").String("org");
  } else if (kind == 'p') {
    WritePerson(w, r, court, party, party.role.find("被告人") != string_view::npos);
  } else {
    WriteOrg(w, r, court, kind);
  }
  w.EndObject();
}

// 1-6 parties: the first side, the second side, now and then a third party.
void WriteParties(JsonWriter& w, Random& r, const Court& court, const CaseType& type,
                  const Cause& cause) {
  const Roles& roles = type.roles;
  Party parties[6];
  int n = 0;
  int firsts = cause.first == 'q' || r.Percent(85) ? 1 : 2;
  int seconds = cause.second == '-' ? 0 : r.Percent(60) ? 1 : r.Percent(60) ? 2 : 3;
  if (cause.flavor == kDivorce) firsts = seconds = 1;
  const int sex = cause.flavor == kDivorce ? int(r.Below(2)) : -1;
  // An appeal by the original defendant: the sides keep their kinds, the roles turn.
  const bool swapped =
      roles.first_side == "appellant" && cause.first != 'q' && cause.second != '-' && r.Percent(40);
  for (int i = 0; i < firsts; ++i) {
    parties[n++] = {swapped ? "上诉人（原审被告）" : roles.first, roles.first_side,
                    swapped ? cause.second : cause.first, sex};
  }
  for (int i = 0; i < seconds; ++i) {
    char kind = swapped ? cause.first : cause.second;
    if (cause.flavor == kTraffic && i == seconds - 1 && seconds > 1) kind = 'i';
    parties[n++] = {swapped ? "被上诉人（原审原告）" : roles.second, roles.second_side, kind,
                    sex < 0 ? -1 : 1 - sex};
  }
  if (n < 6 && cause.flavor != kDivorce && r.Percent(12)) {
    parties[n++] = {roles.third, roles.third_side, 'a', -1};
  }
  w.Key("parties").BeginArray();
  for (int i = 0; i < n; ++i) WriteParty(w, r, court, parties[i]);
  w.EndArray();
}

// ---- money -------------------------------------------------------------------------------------

struct Amount {
  int64_t fen;
  string_view section;
};

// Writes claim_yuan, award_yuan, fee_yuan and amounts[] as the case type has them.
void WriteMoney(JsonWriter& w, Random& r, const CaseType& type, const Cause& cause,
                string_view outcome, bool summary) {
  int64_t claim = -1, award = -1, fee = -1;
  Amount amounts[8];
  int n = 0;
  switch (type.money) {
    case kCivilMoney:
      if (cause.flavor != kDivorce || r.Percent(50)) claim = RandomFen(r);
      if (claim >= 0) {
        if (outcome == "judgment" || outcome == "mediated") {
          award = claim / 100 * r.Between(outcome == "judgment" ? 50 : 30, 100);
        } else if (outcome == "rejected") {
          award = 0;
        }
        fee = CaseFeeFen(claim);
        if (summary || outcome == "mediated" || outcome == "withdrawn") fee /= 2;
      } else {
        fee = r.Between(1, 6) * 5000;
      }
      break;
    case kEnforcementMoney:
      claim = RandomFen(r);
      if (r.Percent(30)) amounts[n++] = {claim / 100 * r.Between(1, 100), "facts"};
      break;
    case kCriminalMoney:
      for (int i = r.Between(0, 2); i > 0; --i) amounts[n++] = {RandomFen(r), "facts"};
      if (outcome == "judgment" && r.Percent(60)) {
        amounts[n++] = {int64_t(r.Between(1, 200)) * 100000, "decision"};
      }
      break;
    case kAdminMoney:
      fee = 5000;
      if (r.Percent(40)) amounts[n++] = {RandomFen(r), "facts"};
      break;
    case kApplicationMoney:
      if (r.Percent(50)) claim = RandomFen(r);
      fee = int64_t(r.Between(1, 50)) * 1000;
      break;
  }
  if (type.money == kCivilMoney) {  // sums the facts section names, none above the claim
    for (int i = r.Between(0, 3); i > 0; --i) {
      amounts[n++] = {claim > 0 ? claim / 100 * r.Between(5, 100) : RandomFen(r), "facts"};
    }
  }
  if (claim >= 0) w.Key("claim_yuan").Yuan(claim);
  if (award >= 0) w.Key("award_yuan").Yuan(award);
  if (fee >= 0) w.Key("fee_yuan").Yuan(fee);
  if (claim >= 0) amounts[n++] = {claim, "claims"};
  if (award > 0) amounts[n++] = {award, "decision"};
  if (fee >= 0) amounts[n++] = {fee, "fee"};
  if (n == 0) return;
  w.Key("amounts").BeginArray();
  std::string text;
  for (int i = 0; i < n; ++i) {
    text.clear();
    AppendMoneyText(r, amounts[i].fen, &text);
    w.BeginObject().Key("yuan").Yuan(amounts[i].fen).Key("text").String(text);
    w.Key("section").String(amounts[i].section).EndObject();
  }
  w.EndArray();
}

// Property given to a side by a divorce or an estate decision.
void WriteAllocations(JsonWriter& w, Random& r, const Court& court) {
  w.Key("allocations").BeginArray();
  for (int i = r.Between(1, 3); i > 0; --i) {
    w.BeginObject().Key("to").String(r.Percent(50) ? "plaintiff" : "defendant");
    std::string item;
    int64_t yuan = -1;
    switch (r.Below(5)) {
      case 0:
        item = "房屋";
        yuan = int64_t(r.Between(30, 800)) * 10000;
        break;
      case 1:  // 位于…"…花园"小区的房屋: quotes to escape
        item = std::string("位于") + std::string(court.place) +
               (r.Percent(30) ? "\"" + TradeName(r) + "花园\"小区" : Street(r)) + "的房屋";
        if (r.Percent(50)) yuan = int64_t(r.Between(30, 800)) * 10000;
        break;
      case 2:
        item = std::string(r.Pick(kCars)) + "牌小型轿车一辆";
        yuan = int64_t(r.Between(3, 40)) * 10000;
        break;
      case 3:
        item = r.Percent(50) ? "存款" : "住房公积金";
        yuan = int64_t(r.Between(1000, 500000));
        break;
      default:
        item = FirmName(r, court);
        AppendInt(&item, r.Between(1, 99));
        item += "%股权";
        break;
    }
    w.Key("item").String(item);
    if (yuan >= 0) w.Key("yuan").Int(yuan);
    w.EndObject();
  }
  w.EndArray();
}

// ---- records -----------------------------------------------------------------------------------

const CaseType& PickCaseType(Random& r, Level level) {
  uint64_t total = 0;
  for (const CaseType& type : kCaseTypes) total += type.weights[level];
  uint64_t x = r.Below(total);
  for (const CaseType& type : kCaseTypes) {
    if (x < uint64_t(type.weights[level])) return type;
    x -= type.weights[level];
  }
  return kCaseTypes[0];
}

void WriteCaseNumber(JsonWriter& w, Random& r, const Court& court, const CaseType& type, int year) {
  const bool legacy = year < 2016;
  const string_view special = court.level == kIpCourt ? "知" : "";
  const int seq = 1 + int(r.Below(type.max_days > 300 ? 60000 : 8000));
  const string_view suffix = r.Permille(10) ? "之一" : r.Permille(3) ? "之二" : "";
  std::string case_no = "(";
  AppendInt(&case_no, year);
  case_no += ')';
  if (legacy) {
    case_no += court.legacy;
    case_no += type.code;
    case_no += "字第";
    AppendInt(&case_no, seq, r.Percent(20) ? 5 : 0);
  } else {
    case_no += court.code;
    case_no += special;
    case_no += type.code;
    AppendInt(&case_no, seq);
  }
  case_no += "号";
  case_no += suffix;
  w.Key("case_no").String(case_no).Key("case_no_parts").BeginObject();
  w.Key("year").Int(year).Key("court_code").StringOrNull(legacy ? "" : court.code);
  w.Key("special").StringOrNull(special).Key("type_code").String(type.code);
  w.Key("seq").Int(seq).Key("suffix").StringOrNull(suffix).Key("legacy").Bool(legacy);
  w.EndObject();
}

void WriteSource(JsonWriter& w, Random& r, uint64_t index, int year, const std::string& line,
                 size_t start) {
  std::string file;
  int64_t line_no = 1;
  if (r.Permille(10)) {  // a Windows path: backslashes to escape
    file = "D:\\文书\\";
    AppendInt(&file, year);
    file += '\\';
    AppendInt(&file, int64_t(index), 8);
    file += ".txt";
  } else {
    file = "wenshu/part-";
    AppendInt(&file, int64_t(index / 1000), 5);
    file += ".jsonl";
    line_no = int64_t(index % 1000) + 1;
  }
  // The text hashed stands in for the document: the record so far.
  const uint64_t hash = XXH3_64bits(line.data() + start, line.size() - start);
  w.Key("src").BeginObject().Key("file").String(file).Key("line").Int(line_no);
  w.Key("hash").String(fmt::format("xxh3:{:016x}", hash)).EndObject();
}

// Appends one record and its newline to `out`.
void WriteRecord(Random& r, uint64_t index, std::string* out) {
  const size_t start = out->size();
  JsonWriter w(out);
  const Court& court = r.Weighted(std::span<const Court>(kCourts));
  const CaseType& type = PickCaseType(r, court.level);
  int year = r.Weighted(std::span<const Year>(kYears)).year;
  if (type.since_2016 && year < 2016) year += 3;
  const Cause& cause =
      r.Weighted(court.level == kIpCourt ? std::span<const Cause>(kIpCauses) : type.causes);
  const Result& result = r.Weighted(type.results);

  w.BeginObject();
  if (!r.Permille(5)) WriteCaseNumber(w, r, court, type, year);
  w.Key("court").String(court.name).Key("doc_type").String(result.doc_type);
  w.Key("category").String(type.category).Key("procedure").String(type.procedure);
  string_view trial_procedure = "ordinary";
  if (type.trial && type.procedure == "first_instance") {
    const int form = int(r.Below(100));
    if (form < 50) {
      trial_procedure = "summary";
    } else if (form < 62 && type.code == "民初") {
      trial_procedure = "small_claims";
    }
  }
  if (type.trial) w.Key("trial_procedure").String(trial_procedure);
  w.Key("cause").String(cause.name).Key("cause_listed").Bool(cause.listed);
  WriteParties(w, r, court, type, cause);
  WriteMoney(w, r, type, cause, result.outcome, trial_procedure == "summary");
  const int64_t filed = RandomDay(r, year, year);
  const int64_t decided = filed + r.Between(1, type.max_days);
  std::string date;
  AppendDate(&date, filed);
  w.Key("filed_date").String(date);
  date.clear();
  AppendDate(&date, decided);
  w.Key("decided_date").String(date).Key("outcome").String(result.outcome);
  if ((cause.flavor == kDivorce || cause.flavor == kEstate) &&
      (result.outcome == "judgment" || result.outcome == "mediated") && r.Percent(45)) {
    WriteAllocations(w, r, court);
  }
  WriteSource(w, r, index, year, *out, start);
  w.EndObject();
  out->push_back('\n');
}

// ---- main --------------------------------------------------------------------------------------

struct Options {
  uint64_t seed = 1;
  uint64_t count = 0;  // records; 0: by size
  uint64_t bytes = 0;  // stop once this many are written; 0: by count
  std::string output;  // empty: stdout
};

constexpr char kUsage[] =
    "usage: bench-gen-cases [--seed N] [--mb SIZE | --count N] [-o FILE]\n"
    "Writes synthetic case records as JSON Lines; the same seed gives the same bytes.\n"
    "  --seed N     random seed (default 1)\n"
    "  --mb SIZE    write records until SIZE * 10^6 bytes are reached\n"
    "  --count N    write N records (default 1000)\n"
    "  -o FILE      write to FILE instead of standard output\n";

bool ParseNumber(string_view text, uint64_t* value) {
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, *value);
  return ec == std::errc() && ptr == end && !text.empty();
}

// Returns 0 to go on, or the exit status to stop with.
int ParseOptions(int argc, char** argv, Options* options) {
  for (int i = 1; i < argc; ++i) {
    const string_view arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      fmt::print("{}", kUsage);
      return -1;
    }
    if (arg != "-o" && arg != "--seed" && arg != "--count" && arg != "--mb") {
      fmt::print(stderr, "bench-gen-cases: unknown option '{}'\n{}", arg, kUsage);
      return 2;
    }
    if (i + 1 >= argc) {
      fmt::print(stderr, "bench-gen-cases: {} needs a value\n{}", arg, kUsage);
      return 2;
    }
    const string_view value = argv[++i];
    uint64_t number = 0;
    bool ok = true;
    if (arg == "-o") {
      options->output = value;
    } else if (arg == "--seed") {
      ok = ParseNumber(value, &options->seed);
    } else if (arg == "--count") {
      ok = ParseNumber(value, &options->count) && options->count > 0;
    } else {  // --mb
      ok = ParseNumber(value, &number) && number > 0 && number < 1000000;
      options->bytes = number * 1000000;
    }
    if (!ok) {
      fmt::print(stderr, "bench-gen-cases: {} needs a positive whole number, not '{}'\n", arg,
                 value);
      return 2;
    }
  }
  if (options->count > 0 && options->bytes > 0) {
    fmt::print(stderr, "bench-gen-cases: give --mb or --count, not both\n");
    return 2;
  }
  if (options->count == 0 && options->bytes == 0) options->count = 1000;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (const int status = ParseOptions(argc, argv, &options); status != 0) {
    return status < 0 ? 0 : status;
  }
  FILE* out = options.output.empty() ? stdout : std::fopen(options.output.c_str(), "wb");
  if (out == nullptr) {
    fmt::print(stderr, "bench-gen-cases: cannot write '{}': {}\n", options.output,
               std::strerror(errno));
    return 1;
  }
  constexpr size_t kChunk = 4 << 20;
  std::string buffer;
  buffer.reserve(kChunk + (64 << 10));
  Random random(options.seed);
  uint64_t written = 0;
  bool ok = true;
  for (uint64_t i = 0; ok; ++i) {
    if (options.count > 0 ? i >= options.count : written + buffer.size() >= options.bytes) break;
    WriteRecord(random, i, &buffer);
    if (buffer.size() >= kChunk) {
      ok = std::fwrite(buffer.data(), 1, buffer.size(), out) == buffer.size();
      written += buffer.size();
      buffer.clear();
    }
  }
  ok = ok && std::fwrite(buffer.data(), 1, buffer.size(), out) == buffer.size();
  ok = (out == stdout ? std::fflush(out) : std::fclose(out)) == 0 && ok;
  if (!ok) {
    fmt::print(stderr, "bench-gen-cases: writing '{}' failed: {}\n",
               options.output.empty() ? "standard output" : options.output, std::strerror(errno));
    return 1;
  }
  return 0;
}
