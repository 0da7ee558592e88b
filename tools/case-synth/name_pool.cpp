#include "name_pool.h"

#include <fmt/format.h>

#include <iterator>

namespace casesift::synth {
namespace {

constexpr std::string_view kSurnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
    "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
    "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏",
    "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
    "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹",
    "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵",
    "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤", "施", "倪", "严", "俞", "翁",
};
constexpr std::string_view kCompoundSurnames[] = {"欧阳", "司马", "上官", "诸葛", "东方"};

constexpr std::string_view kMaleChars[] = {
    "伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "飞",
    "斌", "宇", "浩", "凯", "健", "俊", "帆", "帅", "旭", "龙", "林", "亮", "成", "文",
    "志", "新", "建", "国", "海", "峰", "波", "东", "松", "永", "生", "德", "学", "福",
    "清", "昊", "天", "翔", "瑞", "博", "泽", "辰", "宏", "家", "立", "民", "金", "义",
    "彬", "诚", "哲", "毅", "卫", "忠", "荣", "春", "庆", "胜", "兵", "伦", "晖", "锋",
};
constexpr std::string_view kFemaleChars[] = {
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "秀", "霞", "桂", "英", "玉", "萍", "红",
    "燕", "梅", "兰", "凤", "琴", "慧", "莉", "蕾", "青", "欣", "佳", "雪", "琳", "晶",
    "颖", "倩", "婷", "丹", "雯", "怡", "悦", "思", "雨", "嘉", "晓", "月", "华", "洁",
    "霖", "薇", "璐", "瑶", "珍", "翠", "菊", "婉", "露", "蓉", "妍", "馨", "莹", "岚",
};
constexpr std::string_view kNeutralChars[] = {
    "文", "华", "明", "春", "晓", "子", "一", "林", "佳", "嘉", "宁", "安", "平", "云",
    "海", "秋", "晨", "立", "心", "乐", "洪", "振", "中", "红", "建", "小", "思", "雅",
};

constexpr std::string_view kEthnicities[] = {"回族", "满族",   "蒙古族", "壮族",   "土家族",
                                             "苗族", "朝鲜族", "彝族",   "布依族", "侗族"};
constexpr std::string_view kOccupations[] = {
    "无业", "无固定职业", "职员", "农民", "个体工商户", "退休", "公司职员", "工人", "务工",
};
constexpr std::string_view kTradeChars[] = {
    "鑫", "源", "华", "泰", "恒", "瑞", "达", "丰", "盛", "宏", "昌", "隆", "兴", "锦",
    "润", "通", "博", "远", "汇", "德", "聚", "创", "嘉", "信", "安", "富", "祥", "康",
    "凯", "越", "腾", "顺", "益", "诚", "佳", "美", "新", "立", "辰", "尚", "合", "沐",
    "澜", "曦", "翊", "骏", "铭", "悦", "晟", "弘", "璟", "睿", "禾", "朗", "沛", "峻",
};
constexpr std::string_view kEducation[] = {"教育科技", "文化传播", "教育咨询",
                                           "培训",     "文化艺术", "教育信息咨询"};
constexpr std::string_view kFitness[] = {"健身管理", "体育发展", "美容美发",
                                         "健康管理", "生活美容", "运动健身"};
constexpr std::string_view kTrade[] = {"贸易", "商贸", "建材", "机械设备", "电子科技",
                                       "五金", "食品", "服饰", "化工",     "家具"};
constexpr std::string_view kProperty[] = {"物业管理", "物业服务", "物业"};
constexpr std::string_view kTech[] = {"网络科技", "信息技术", "软件", "数字科技", "智能科技"};
constexpr std::string_view kGeneral[] = {"实业",     "餐饮管理",     "物流",     "建筑工程",
                                         "投资管理", "汽车销售服务", "装饰工程", "供应链管理"};
constexpr std::string_view kRoadChars[] = {
    "张", "江", "锦", "绣", "春", "申", "华", "东", "南", "新", "金", "桥", "长", "宁",
    "中", "山", "人", "民", "建", "设", "和", "平", "川", "沙", "龙", "阳", "杨", "高",
    "泰", "安", "兴", "福", "海", "湖", "滨", "光", "明", "荷", "花", "柳", "枫", "林",
};
constexpr std::string_view kHomeProvinces[] = {
    "安徽省",       "江苏省",       "浙江省",       "江西省",       "河南省",
    "湖北省",       "湖南省",       "四川省",       "山东省",       "福建省",
    "安徽省六安市", "江苏省南通市", "河南省信阳市", "湖北省黄冈市", "江西省上饶市",
    "四川省南充市", "山东省临沂市", "安徽省阜阳市", "浙江省温州市", "湖南省邵阳市",
    "甘肃省天水市", "重庆市",       "黑龙江省",     "吉林省",       "河北省邯郸市",
};
constexpr std::string_view kLegalRepTitles[] = {"执行董事", "董事长",           "总经理",
                                                "经理",     "执行董事兼总经理", "董事"};

}  // namespace

std::string_view PickSurname(Rng& rng) {
  if (rng.PerMille(8)) return rng.Pick(kCompoundSurnames);
  return rng.Pick(kSurnames);
}

void AppendGivenName(Rng& rng, bool female, std::string* out) {
  int length = rng.Percent(30) ? 1 : 2;
  for (int i = 0; i < length; ++i) {
    if (rng.Percent(25)) {
      out->append(rng.Pick(kNeutralChars));
    } else {
      out->append(female ? rng.Pick(kFemaleChars) : rng.Pick(kMaleChars));
    }
  }
}

void AppendPersonName(Rng& rng, bool female, std::string* out) {
  out->append(PickSurname(rng));
  AppendGivenName(rng, female, out);
}

std::string_view PickEthnicity(Rng& rng) {
  if (rng.Percent(92)) return "汉族";
  return rng.Pick(kEthnicities);
}

std::string_view PickOccupation(Rng& rng) { return rng.Pick(kOccupations); }

void AppendTradeName(Rng& rng, std::string* out) {
  std::string_view a = rng.Pick(kTradeChars);
  std::string_view b = rng.Pick(kTradeChars);
  while (b == a) b = rng.Pick(kTradeChars);
  out->append(a);
  out->append(b);
}

std::string_view PickIndustry(Rng& rng, Industry industry) {
  switch (industry) {
    case Industry::kEducation:
      return rng.Pick(kEducation);
    case Industry::kFitness:
      return rng.Pick(kFitness);
    case Industry::kTrade:
      return rng.Pick(kTrade);
    case Industry::kProperty:
      return rng.Pick(kProperty);
    case Industry::kTech:
      return rng.Pick(kTech);
    case Industry::kGeneral:
      return rng.Pick(kGeneral);
  }
  return "实业";
}

std::string_view PickCompanyForm(Rng& rng) {
  static constexpr std::string_view kForms[] = {"有限公司", "有限责任公司", "股份有限公司"};
  static constexpr uint32_t kWeights[] = {85, 10, 5};
  return kForms[rng.Weighted(kWeights)];
}

void AppendRoadName(Rng& rng, std::string* out) {
  out->append(rng.Pick(kRoadChars));
  out->append(rng.Pick(kRoadChars));
  out->append(rng.Percent(80) ? "路" : "街");
}

void AppendStreet(Rng& rng, bool detailed, std::string* out) {
  AppendRoadName(rng, out);
  // Each draw is its own statement: argument evaluation order is unspecified.
  auto it = std::back_inserter(*out);
  uint32_t kind = detailed ? rng.Below(3) : 0;
  int64_t number = rng.Range(1, 1999);
  if (kind == 0) {
    fmt::format_to(it, "{}号", number);
  } else if (kind == 1) {
    int64_t room = rng.Range(1, 32) * 100;
    room += rng.Range(1, 6);
    fmt::format_to(it, "{}号{}室", number, room);
  } else {
    int64_t building = rng.Range(1, 60);
    int64_t room = rng.Range(1, 18) * 100;
    room += rng.Range(1, 4);
    fmt::format_to(it, "{}弄{}号{}室", number % 999 + 1, building, room);
  }
}

std::string_view PickHomeProvince(Rng& rng) { return rng.Pick(kHomeProvinces); }

std::string_view PickLegalRepTitle(Rng& rng) { return rng.Pick(kLegalRepTitles); }

}  // namespace casesift::synth
