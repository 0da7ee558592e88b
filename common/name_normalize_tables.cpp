#include "common/name_normalize_tables.h"

#include <algorithm>
#include <functional>
#include <string>
#include <utility>

namespace casesift::name_tables {
namespace {

// Words are separated by white space; `#` starts a comment that runs to the end of the line.
template <typename F>
void ForEachWord(std::string_view text, F&& f) {
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t') {
      ++i;
    } else if (c == '#') {
      const size_t eol = text.find('\n', i);
      i = eol == std::string_view::npos ? text.size() : eol;
    } else {
      size_t j = i;
      while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t') ++j;
      f(text.substr(i, j - i));
      i = j;
    }
  }
}

// ---- legal and business forms -----------------------------------------------------------
// Each line: the canonical form, then the variants written for it. Company law (公司法 art. 7)
// lets a 有限责任公司 call itself 有限公司 and a 股份有限公司 a 股份公司: one legal form each, and
// two distinct forms. Partnerships are written 合伙企业（有限合伙）, 有限合伙企业 or
// XX中心（有限合伙）.
constexpr std::string_view kCompanyForms = R"(
有限公司 有限责任公司
股份有限公司 股份公司
合伙企业
个人独资企业 独资企业
公司
)";

// Forms written after another form, often in brackets: 启明会计师事务所（特殊普通合伙）,
// 金桥便利店（个体工商户）. Same layout as kCompanyForms.
constexpr std::string_view kWrapperForms = R"(
有限合伙 有限合伙企业 合伙企业有限合伙
普通合伙 普通合伙企业 合伙企业普通合伙
特殊普通合伙 特殊普通合伙企业 合伙企业特殊普通合伙
个体工商户 个体户
)";

// Business units that are the whole entity, each its own canonical form.
constexpr std::string_view kBusinessUnits = R"(
经营部 商行 工作室 门市部 经销部 销售部 服务部 商店 店 便利店 超市 饭店 餐厅 酒楼 药店 药房 诊所
厂 加工厂 农场 养殖场 合作社 专业合作社 农民专业合作社 事务所 律师事务所 会计师事务所
)";

// Units of an entity whose name precedes them: 某某有限公司上海分公司.
constexpr std::string_view kBranchForms = R"(
分公司 分店 分厂 营业部 办事处 分部 分行 支行 分所 分社
)";

// ---- places ----------------------------------------------------------------------------
// Provincial-level divisions: the full name, then its short forms.
constexpr std::string_view kProvinces = R"(
北京市 北京  天津市 天津  上海市 上海  重庆市 重庆
河北省 河北  山西省 山西  辽宁省 辽宁  吉林省 吉林  黑龙江省 黑龙江  江苏省 江苏  浙江省 浙江
安徽省 安徽  福建省 福建  江西省 江西  山东省 山东  河南省 河南  湖北省 湖北  湖南省 湖南
广东省 广东  海南省 海南  四川省 四川  贵州省 贵州  云南省 云南  陕西省 陕西  甘肃省 甘肃
青海省 青海  台湾省 台湾
内蒙古自治区 内蒙古  广西壮族自治区 广西  西藏自治区 西藏  宁夏回族自治区 宁夏
新疆维吾尔自治区 新疆  香港特别行政区 香港  澳门特别行政区 澳门
中国 中华人民共和国
)";

// Prefecture-level cities, by province, in their short form; the full form adds 市.
constexpr std::string_view kPrefectureCities = R"(
石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水
太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁
呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布
沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛
长春 吉林 四平 辽源 通化 白山 松原 白城
哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化
南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁
杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水
合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城
福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德
南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶
济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽
郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店
武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州
长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底
广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山
潮州 揭阳 云浮
南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左
海口 三亚 三沙 儋州
成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳
贵阳 六盘水 遵义 安顺 毕节 铜仁
昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧
拉萨 日喀则 昌都 林芝 山南 那曲
西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛
兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南
西宁 海东
银川 石嘴山 吴忠 固原 中卫
乌鲁木齐 克拉玛依 吐鲁番 哈密
)";

// The other prefecture-level divisions (地区, 盟, 自治州): the full name, then its short form.
constexpr std::string_view kPrefectureOthers = R"(
兴安盟 兴安  锡林郭勒盟 锡林郭勒  阿拉善盟 阿拉善  大兴安岭地区 大兴安岭
延边朝鲜族自治州 延边  恩施土家族苗族自治州 恩施  湘西土家族苗族自治州 湘西
阿坝藏族羌族自治州 阿坝  甘孜藏族自治州 甘孜  凉山彝族自治州 凉山
黔西南布依族苗族自治州 黔西南  黔东南苗族侗族自治州 黔东南  黔南布依族苗族自治州 黔南
楚雄彝族自治州 楚雄  红河哈尼族彝族自治州 红河  文山壮族苗族自治州 文山
西双版纳傣族自治州 西双版纳  大理白族自治州 大理  德宏傣族景颇族自治州 德宏
怒江傈僳族自治州 怒江  迪庆藏族自治州 迪庆  阿里地区 阿里
临夏回族自治州 临夏  甘南藏族自治州 甘南
海北藏族自治州 海北  黄南藏族自治州 黄南  海南藏族自治州 海南  果洛藏族自治州 果洛
玉树藏族自治州 玉树  海西蒙古族藏族自治州 海西
阿克苏地区 阿克苏  喀什地区 喀什  和田地区 和田  塔城地区 塔城  阿勒泰地区 阿勒泰
昌吉回族自治州 昌吉  博尔塔拉蒙古自治州 博尔塔拉  巴音郭楞蒙古自治州 巴音郭楞
克孜勒苏柯尔克孜自治州 克孜勒苏  伊犁哈萨克自治州 伊犁
)";

// The districts of Shanghai: the full name, then its short form (stripped anywhere).
constexpr std::string_view kShanghaiDistricts = R"(
黄浦区 黄浦  徐汇区 徐汇  长宁区 长宁  静安区 静安  普陀区 普陀  虹口区 虹口  杨浦区 杨浦
闵行区 闵行  宝山区 宝山  嘉定区 嘉定  浦东新区 浦东  金山区 金山  松江区 松江  青浦区 青浦
奉贤区 奉贤  崇明区 崇明
)";

// The districts and counties of Beijing, Tianjin and Chongqing: the full name, then its short
// form. Many short forms are everyday words (和平, 南岸, 长寿), so they only count inside a
// bracketed region qualifier.
constexpr std::string_view kOtherDistricts = R"(
东城区 东城  西城区 西城  朝阳区 朝阳  丰台区 丰台  石景山区 石景山  海淀区 海淀
门头沟区 门头沟  房山区 房山  通州区 通州  顺义区 顺义  昌平区 昌平  大兴区 大兴
怀柔区 怀柔  平谷区 平谷  密云区 密云  延庆区 延庆
和平区 和平  河东区 河东  河西区 河西  南开区 南开  河北区 河北  红桥区 红桥  东丽区 东丽
西青区 西青  津南区 津南  北辰区 北辰  武清区 武清  宝坻区 宝坻  滨海新区 滨海  宁河区 宁河
静海区 静海  蓟州区 蓟州
渝中区 渝中  大渡口区 大渡口  江北区 江北  沙坪坝区 沙坪坝  九龙坡区 九龙坡  南岸区 南岸
北碚区 北碚  渝北区 渝北  巴南区 巴南  万州区 万州  涪陵区 涪陵  黔江区 黔江  长寿区 长寿
江津区 江津  合川区 合川  永川区 永川  南川区 南川  綦江区 綦江  大足区 大足  璧山区 璧山
铜梁区 铜梁  潼南区 潼南  荣昌区 荣昌  开州区 开州  梁平区 梁平  武隆区 武隆
城口县 城口  丰都县 丰都  垫江县 垫江  忠县 忠  云阳县 云阳  奉节县 奉节  巫山县 巫山
巫溪县 巫溪  石柱土家族自治县 石柱  秀山土家族苗族自治县 秀山  酉阳土家族苗族自治县 酉阳
彭水苗族土家族自治县 彭水
)";

// ---- industry and organisation words -------------------------------------------------------
// Stripped from the end of a name at the `core` level, the longest first, again and again:
// 教育科技 goes as 科技 then 教育. Composite words are listed where a part alone is not a word.
constexpr std::string_view kIndustryWords = R"(
科技 技术 信息 信息技术 网络 软件 电子 电子商务 数据 大数据 智能 数字 通信 计算机
贸易 商贸 工贸 经贸 国际贸易 进出口 商务 实业 发展 产业
投资 控股 集团 资产管理 股权投资 创业投资 基金 基金管理 金融 金融服务 融资租赁 租赁 担保
小额贷款 保理 保险 证券 期货
咨询 管理 企业管理 顾问 策划 服务 中心
餐饮 食品 酒店 大酒店 饭店 大饭店 旅游 旅行社 酒业 茶业 药房 大药房
教育 培训 文化 文化传播 传播 传媒 文化传媒 广告 会展 影视 娱乐 体育 艺术 出版
健身 美容 美发 美容美发 美业 健康 医疗 医药 医疗器械 生物 养老 家政 人力资源 劳务
房地产 房地产开发 开发 置业 物业 地产 建筑 建筑工程 建设 工程 装饰 装饰工程 装修 设计 园林
绿化 市政 安装
物流 运输 货运 供应链 快递 仓储 汽车 汽车销售 汽车服务 销售
农业 林业 牧业 渔业 环保 环境 能源 新能源 电力 化工 材料 新材料 机械 设备 制造 制品 五金
建材 钢铁 有色金属 矿业 纺织 服饰 服装 鞋业 家居 家具 电器 印刷 包装
)";

template <typename V>
void AddPairs(AffixTable<V>* table, std::string_view text, V full_use, V short_use) {
  bool full = true;
  ForEachWord(text, [&](std::string_view w) {
    table->Add(w, full ? full_use : short_use);
    full = !full;
  });
}

}  // namespace

namespace {

// The bytes of the first (last) character of non-empty `text`, as one number.
uint32_t FirstCharKey(std::string_view text) {
  const auto b = static_cast<unsigned char>(text[0]);
  const size_t len = b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  uint32_t key = 0;
  for (size_t i = 0; i < len && i < text.size(); ++i) {
    key = (key << 8) | static_cast<unsigned char>(text[i]);
  }
  return key;
}

uint32_t LastCharKey(std::string_view text) {
  size_t start = text.size() - 1;
  while (start > 0 && text.size() - start < 4 &&
         (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  uint32_t key = 0;
  for (size_t i = start; i < text.size(); ++i) {
    key = (key << 8) | static_cast<unsigned char>(text[i]);
  }
  return key;
}

}  // namespace

template <typename V>
void AffixTable<V>::Add(std::string_view word, V value) {
  if (word.empty()) return;
  std::vector<Entry>& first = by_first_[FirstCharKey(word)];
  for (const Entry& e : first) {
    if (e.word == word) return;
  }
  auto longer = [](const Entry& a, const Entry& b) { return a.word.size() > b.word.size(); };
  first.push_back(Entry{word, value});
  std::stable_sort(first.begin(), first.end(), longer);
  std::vector<Entry>& last = by_last_[LastCharKey(word)];
  last.push_back(Entry{word, value});
  std::stable_sort(last.begin(), last.end(), longer);
  ++size_;
}

template <typename V>
size_t AffixTable<V>::LongestPrefix(std::string_view text, V* value) const {
  if (text.empty()) return 0;
  auto it = by_first_.find(FirstCharKey(text));
  if (it == by_first_.end()) return 0;
  for (const Entry& e : it->second) {
    if (e.word.size() <= text.size() && text.compare(0, e.word.size(), e.word) == 0) {
      *value = e.value;
      return e.word.size();
    }
  }
  return 0;
}

template <typename V>
size_t AffixTable<V>::LongestSuffix(std::string_view text, V* value) const {
  if (text.empty()) return 0;
  auto it = by_last_.find(LastCharKey(text));
  if (it == by_last_.end()) return 0;
  for (const Entry& e : it->second) {
    if (e.word.size() <= text.size() &&
        text.compare(text.size() - e.word.size(), e.word.size(), e.word) == 0) {
      *value = e.value;
      return e.word.size();
    }
  }
  return 0;
}

template class AffixTable<LegalForm>;
template class AffixTable<PlaceUse>;
template class AffixTable<bool>;

const AffixTable<LegalForm>& LegalForms() {
  static const AffixTable<LegalForm> table = [] {
    AffixTable<LegalForm> t;
    // A line's first word is the canonical form of the line's words.
    for (const auto& forms : {std::pair{kCompanyForms, SuffixKind::kCompany},
                              std::pair{kWrapperForms, SuffixKind::kWrapper}}) {
      // Named variables, not a structured binding: the lambda below captures them, which
      // clang 14 does not allow for a structured binding.
      const std::string_view text = forms.first;
      const SuffixKind kind = forms.second;
      size_t line_start = 0;
      while (line_start < text.size()) {
        size_t eol = text.find('\n', line_start);
        if (eol == std::string_view::npos) eol = text.size();
        std::string_view canonical;
        ForEachWord(text.substr(line_start, eol - line_start), [&](std::string_view w) {
          if (canonical.empty()) canonical = w;
          t.Add(w, LegalForm{canonical, kind});
        });
        line_start = eol + 1;
      }
    }
    ForEachWord(kBusinessUnits, [&](std::string_view w) {
      t.Add(w, LegalForm{w, SuffixKind::kCompany});
    });
    ForEachWord(kBranchForms, [&](std::string_view w) {
      t.Add(w, LegalForm{w, SuffixKind::kBranch});
    });
    return t;
  }();
  return table;
}

const AffixTable<PlaceUse>& Places() {
  static const AffixTable<PlaceUse> table = [] {
    AffixTable<PlaceUse> t;
    // A word keeps its first use, so the short forms of other districts come last: 朝阳 is a
    // city (stripped anywhere) before it is the short form of 朝阳区.
    AddPairs(&t, kProvinces, PlaceUse::kAnywhere, PlaceUse::kAnywhere);
    // The full forms of the cities live as long as the process.
    static const std::vector<std::string> full_forms = [] {
      std::vector<std::string> v;
      ForEachWord(kPrefectureCities,
                  [&](std::string_view w) { v.push_back(std::string(w) + "市"); });
      return v;
    }();
    ForEachWord(kPrefectureCities, [&](std::string_view w) { t.Add(w, PlaceUse::kAnywhere); });
    for (const std::string& f : full_forms) t.Add(f, PlaceUse::kAnywhere);
    AddPairs(&t, kPrefectureOthers, PlaceUse::kAnywhere, PlaceUse::kAnywhere);
    AddPairs(&t, kShanghaiDistricts, PlaceUse::kAnywhere, PlaceUse::kAnywhere);
    AddPairs(&t, kOtherDistricts, PlaceUse::kAnywhere, PlaceUse::kQualifierOnly);
    return t;
  }();
  return table;
}

const AffixTable<bool>& IndustryWords() {
  static const AffixTable<bool> table = [] {
    AffixTable<bool> t;
    ForEachWord(kIndustryWords, [&](std::string_view w) { t.Add(w, true); });
    return t;
  }();
  return table;
}

}  // namespace casesift::name_tables
