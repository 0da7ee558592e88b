#include "courts.h"

namespace casesift::synth {
namespace {

constexpr AppealCourt kShanghai1{"上海市第一中级人民法院", "沪01", "沪一中", "民一（民）终字"};
constexpr AppealCourt kShanghai2{"上海市第二中级人民法院", "沪02", "沪二中", "民一（民）终字"};
constexpr AppealCourt kShanghaiHigh{"上海市高级人民法院", "沪", "沪高", "民三（知）终字"};
constexpr AppealCourt kBeijing3{"北京市第三中级人民法院", "京03", "三中", "民终字"};
constexpr AppealCourt kBeijing1{"北京市第一中级人民法院", "京01", "一中", "民终字"};
constexpr AppealCourt kGuangzhou{"广东省广州市中级人民法院", "粤01", "穗中法", "民一终字"};
constexpr AppealCourt kShenzhen{"广东省深圳市中级人民法院", "粤03", "深中法", "民终字"};
constexpr AppealCourt kHangzhou{"浙江省杭州市中级人民法院", "浙01", "浙杭", "民终字"};
constexpr AppealCourt kNanjing{"江苏省南京市中级人民法院", "苏01", "宁", "民终字"};
constexpr AppealCourt kChengdu{"四川省成都市中级人民法院", "川01", "成", "民终字"};
constexpr AppealCourt kWuhan{"湖北省武汉市中级人民法院", "鄂01", "鄂武汉中", "民终字"};
constexpr AppealCourt kTianjin1{"天津市第一中级人民法院", "津01", "一中", "民终字"};
constexpr AppealCourt kZhengzhou{"河南省郑州市中级人民法院", "豫01", "郑", "民一终字"};
constexpr AppealCourt kHefei{"安徽省合肥市中级人民法院", "皖01", "合", "民一终字"};

constexpr std::string_view kShanghaiFirst = "民一（民）初字";

constexpr Court kCourts[] = {
    {"上海市浦东新区人民法院", "沪0115", "浦", kShanghaiFirst, "上海市", "浦东新区", "3101", "上海",
     &kShanghai1, 2000},
    {"上海市黄浦区人民法院", "沪0101", "黄浦", kShanghaiFirst, "上海市", "黄浦区", "3101", "上海",
     &kShanghai2, 2000},
    {"上海市徐汇区人民法院", "沪0104", "徐", kShanghaiFirst, "上海市", "徐汇区", "3101", "上海",
     &kShanghai1, 2000},
    {"上海市长宁区人民法院", "沪0105", "长", kShanghaiFirst, "上海市", "长宁区", "3101", "上海",
     &kShanghai1, 2000},
    {"上海市静安区人民法院", "沪0106", "静", kShanghaiFirst, "上海市", "静安区", "3101", "上海",
     &kShanghai2, 2000},
    {"上海市普陀区人民法院", "沪0107", "普", kShanghaiFirst, "上海市", "普陀区", "3101", "上海",
     &kShanghai2, 2000},
    {"上海市虹口区人民法院", "沪0109", "虹", kShanghaiFirst, "上海市", "虹口区", "3101", "上海",
     &kShanghai2, 2000},
    {"上海市杨浦区人民法院", "沪0110", "杨", kShanghaiFirst, "上海市", "杨浦区", "3101", "上海",
     &kShanghai2, 2000},
    {"上海市闵行区人民法院", "沪0112", "闵", kShanghaiFirst, "上海市", "闵行区", "3101", "上海",
     &kShanghai1, 2000},
    {"上海市宝山区人民法院", "沪0113", "宝", kShanghaiFirst, "上海市", "宝山区", "3101", "上海",
     &kShanghai2, 2000},
    {"上海市嘉定区人民法院", "沪0114", "嘉", kShanghaiFirst, "上海市", "嘉定区", "3101", "上海",
     &kShanghai2, 2000},
    {"上海市金山区人民法院", "沪0116", "金", kShanghaiFirst, "上海市", "金山区", "3101", "上海",
     &kShanghai1, 2000},
    {"上海市松江区人民法院", "沪0117", "松", kShanghaiFirst, "上海市", "松江区", "3101", "上海",
     &kShanghai1, 2000},
    {"上海市青浦区人民法院", "沪0118", "青", kShanghaiFirst, "上海市", "青浦区", "3101", "上海",
     &kShanghai1, 2000},
    {"上海市奉贤区人民法院", "沪0120", "奉", kShanghaiFirst, "上海市", "奉贤区", "3101", "上海",
     &kShanghai1, 2000},
    {"上海市崇明区人民法院", "沪0151", "崇", kShanghaiFirst, "上海市", "崇明区", "3101", "上海",
     &kShanghai2, 2017},
    {"北京市朝阳区人民法院", "京0105", "朝", "民初字", "北京市", "朝阳区", "1101", "北京",
     &kBeijing3, 2000},
    {"北京市海淀区人民法院", "京0108", "海", "民初字", "北京市", "海淀区", "1101", "北京",
     &kBeijing1, 2000},
    {"广州市天河区人民法院", "粤0106", "穗天法", "民一初字", "广东省广州市", "天河区", "4401",
     "广东", &kGuangzhou, 2000},
    {"广东省深圳市福田区人民法院", "粤0304", "深福法", "民一初字", "广东省深圳市", "福田区", "4403",
     "广东", &kShenzhen, 2000},
    {"浙江省杭州市西湖区人民法院", "浙0106", "杭西", "民初字", "浙江省杭州市", "西湖区", "3301",
     "浙江", &kHangzhou, 2000},
    {"江苏省南京市鼓楼区人民法院", "苏0106", "鼓", "民初字", "江苏省南京市", "鼓楼区", "3201",
     "江苏", &kNanjing, 2000},
    {"四川省成都市武侯区人民法院", "川0107", "武侯", "民初字", "四川省成都市", "武侯区", "5101",
     "四川", &kChengdu, 2000},
    {"湖北省武汉市江岸区人民法院", "鄂0102", "鄂江岸", "民初字", "湖北省武汉市", "江岸区", "4201",
     "湖北", &kWuhan, 2000},
    {"天津市和平区人民法院", "津0101", "和", "民初字", "天津市", "和平区", "1201", "天津",
     &kTianjin1, 2000},
    {"河南省郑州市金水区人民法院", "豫0105", "金", "民一初字", "河南省郑州市", "金水区", "4101",
     "河南", &kZhengzhou, 2000},
    {"安徽省合肥市蜀山区人民法院", "皖0104", "蜀", "民一初字", "安徽省合肥市", "蜀山区", "3401",
     "安徽", &kHefei, 2000},
};
// Pudong first, then the other Shanghai courts, then the rest.
constexpr uint32_t kWeights[] = {30, 4, 5, 4, 5, 4, 3, 4, 6, 4, 4, 2, 4, 3,
                                 3,  2, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2};
static_assert(sizeof(kWeights) / sizeof(kWeights[0]) == sizeof(kCourts) / sizeof(kCourts[0]));

constexpr Court kIpCourt{"上海知识产权法院", "沪73", "沪知", "民初字",       "上海市",
                         "浦东新区",         "3101", "上海", &kShanghaiHigh, 2015};

constexpr AppealCourt kIpAppeal{"上海知识产权法院", "沪73", "沪知", "民终字"};

}  // namespace

const Court& PickBasicCourt(Rng& rng, int year) {
  for (;;) {
    const Court& court = kCourts[rng.Weighted(kWeights)];
    if (court.first_year <= year) return court;
  }
}

std::vector<const Court*> ShanghaiCourts() {
  std::vector<const Court*> courts;
  for (const Court& c : kCourts) {
    if (c.code.substr(0, 3) == "沪") courts.push_back(&c);
  }
  return courts;
}

const Court& IpCourt() { return kIpCourt; }

const AppealCourt& IpAppealCourt() { return kIpAppeal; }

}  // namespace casesift::synth
