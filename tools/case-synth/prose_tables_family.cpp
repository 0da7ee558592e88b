// The phrase tables of the service, labour, tort and family causes (prose_words.h). As in
// prose_tables.cpp, none holds an amount or a procedure or decision word.
#include "prose_words.h"

namespace casesift::synth {

#define CASESIFT_TABLE(name) name, std::size(name)

namespace {

// ---- 服务合同 and 教育培训合同 (prepaid cards) ------------------------------------------

constexpr Exhibit kPrepaidExhibits[] = {
    {"会员卡及办卡协议", "双方之间存在服务合同关系及约定的服务内容"},
    {"付款凭证", "{p}已预付了服务费用"},
    {"消费记录截图", "{p}已消费的次数及剩余的服务次数"},
    {"停业现场照片及门店公告", "{d}已停止提供服务"},
    {"与{d}工作人员的微信聊天记录", "{p}多次要求退费，{d}承诺处理但未兑现"},
    {"市场监督管理部门的投诉回复", "{p}曾通过投诉途径主张权利"}};

constexpr std::string_view kPrepaidDefences[] = {
    "{p}办卡时享受了较大幅度的优惠，退费时应当按照原价扣除已消费部分",
    "门店暂停营业系因场地租赁纠纷所致，属于不可归责于{d}的原因",
    "{d}已在门店张贴公告，告知会员可以到其他门店继续消费，{p}未前往系其自身原因",
    "{p}所持的会员卡已超过约定的使用期限，剩余次数视为自动放弃",
    "办卡协议中明确约定“卡内余额概不退还”，{p}签字确认，应受该约定约束"};

constexpr std::string_view kPrepaidFocuses[] = {"{d}是否存在违约行为，{p}要求解除合同有无依据",
                                                "合同解除后剩余费用的退还数额如何确定"};

constexpr std::string_view kPrepaidAnalyses[] = {
    "关于合同解除的问题。当事人一方迟延履行债务或者有其他违约行为致使不能实现合同目的的，"
    "另一方可以解除合同。{d}停止营业后未按约继续提供服务，亦未为{p}作出妥善安排，致使{p}"
    "订立合同的目的无法实现，{p}有权解除合同。",
    "关于退费数额的问题。合同解除后，尚未履行的，终止履行；已经履行的，根据履行情况和合同性质，"
    "当事人可以要求恢复原状或者采取其他补救措施。{d}关于按原价扣除已消费部分的主张，与双方"
    "办卡时的约定不符，{C}不予采纳。办卡协议中“卡内余额概不退还”的条款系{d}提供的格式条款，"
    "不合理地排除了消费者的主要权利，该条款无效。"};

constexpr std::string_view kPrepaidFacts[] = {
    "{d}的门店自{2}起大门紧闭，门口张贴有“内部装修，暂停营业”的告示，此后未再恢复营业。",
    "{p}于{3}向当地市场监督管理部门投诉，经调解未果。",
    "庭审中，{d}认可{p}的办卡及消费情况，但称门店停业系因与房东发生租赁纠纷，并非有意"
    "逃避责任。",
    "{d}的工作人员曾在会员微信群中发布通知，称门店将择址重开，会员权益不受影响，但此后未再"
    "发布任何消息。"};

constexpr std::string_view kPrepaidClaims[] = {
    "{d}在未通知会员的情况下突然停止营业，其行为已构成根本违约，致使{p}的合同目的无法实现。",
    "{p}多次前往门店及通过电话联系{d}，均无人处理，{p}遂向市场监督管理部门投诉，亦未解决。",
    "依照{k}的规定，{d}应当退还{p}剩余的费用并承担相应的违约责任。"};

constexpr Exhibit kPrepaidCounter[] = {{"门店转让公告", "{d}已告知会员可以转店消费"}};

// ---- 物业服务合同 -----------------------------------------------------------------------

constexpr Exhibit kPropertyExhibits[] = {
    {"《物业服务合同》", "{p}系涉案小区的物业服务企业及物业费的收费标准"},
    {"不动产权登记信息", "{d}系涉案房屋的业主"},
    {"物业费缴费明细", "{d}欠缴物业费的期间"},
    {"催缴通知及张贴照片", "{p}已多次向{d}催缴物业费"},
    {"小区日常服务记录", "{p}已按约提供了保洁、绿化、秩序维护等物业服务"}};

constexpr std::string_view kPropertyDefences[] = {
    "小区的电梯多次发生故障，{p}维修不及时，给业主的出行造成了极大不便",
    "小区公共区域的卫生长期无人打扫，绿化带被改作停车位，{p}的服务明显不达标",
    "{d}的房屋曾发生漏水，{p}接到报修后未及时处理，导致{d}的财产受损",
    "{p}从未向{d}公开过物业费的收支情况，{d}有权拒绝缴纳"};

constexpr std::string_view kPropertyFocuses[] = {"{p}是否按约履行了物业服务义务",
                                                 "{d}以服务存在瑕疵为由拒缴物业费能否成立"};

constexpr std::string_view kPropertyAnalyses[] = {
    "关于物业服务合同的效力问题。建设单位依法与物业服务人订立的前期物业服务合同，以及业主委员会"
    "与业主大会依法选聘的物业服务人订立的物业服务合同，对业主具有法律约束力。{d}作为涉案房屋的"
    "业主，应当受该合同的约束，按照约定向{p}支付物业费。",
    "关于拒缴理由的问题。物业服务人已经按照约定和有关规定提供服务的，业主不得以未接受或者无需"
    "接受相关物业服务为抗辩理由拒绝支付物业费。{d}所称的电梯故障、卫生等问题，即使存在，亦属"
    "物业服务中的局部瑕疵，{d}可以通过其他途径要求{p}整改，但不能据此拒绝缴纳全部物业费。"};

constexpr std::string_view kPropertyFacts[] = {
    "{p}在小区公告栏及单元门口多次张贴催缴通知，并于{3}向{d}寄送《物业费催缴函》。",
    "庭审中，{d}认可其系涉案房屋的业主及欠缴物业费的期间，但主张{p}的服务存在诸多问题。",
    "{d}提交的照片显示，小区部分楼道存在杂物堆放的情况，{p}称已在接到反映后及时清理。"};

constexpr std::string_view kPropertyClaims[] = {
    "{p}一直按约提供物业服务，{d}作为业主理应按时缴纳物业费。",
    "{p}多次上门及书面催缴，{d}以各种理由拒绝缴纳，其行为违反了合同约定，也损害了其他业主的"
    "共同利益。"};

constexpr Exhibit kPropertyCounter[] = {{"小区环境照片", "{p}的物业服务存在瑕疵"},
                                        {"报修记录", "{p}未及时处理业主的报修"}};

// ---- 劳动争议 ---------------------------------------------------------------------------

constexpr Exhibit kLabourExhibits[] = {{"劳动合同", "双方之间存在劳动关系及约定的工作岗位"},
                                       {"工资银行流水", "{p}的工资标准及{d}拖欠工资的事实"},
                                       {"解除劳动关系通知书", "{d}解除劳动关系的时间及理由"},
                                       {"考勤记录及工作群聊天记录", "{p}在职期间的出勤情况"},
                                       {"仲裁裁决书", "本案已经过劳动仲裁前置程序"}};

constexpr std::string_view kLabourDefences[] = {
    "{p}在职期间多次旷工、迟到，严重违反了公司的规章制度，公司解除劳动合同合法有据",
    "公司的规章制度已经职工代表大会讨论通过，并已向{p}公示，{p}签字确认知晓",
    "{p}主张的加班事实不存在，公司实行综合计算工时工作制",
    "{p}离职时已与公司办理了交接手续并签署了结算确认书，双方之间的权利义务已经结清"};

constexpr std::string_view kLabourFocuses[] = {"{d}解除与{p}的劳动关系是否合法",
                                               "{d}是否存在拖欠{p}工资的情形"};

constexpr std::string_view kLabourAnalyses[] = {
    "关于解除劳动关系是否合法的问题。在劳动争议纠纷案件中，因用人单位作出开除、除名、辞退、解除"
    "劳动合同等决定而发生的劳动争议，由用人单位负举证责任。{d}主张{p}严重违反规章制度，但未提交"
    "规章制度已经民主程序制定并向{p}公示的证据，亦未提交{p}违纪的充分证据，应当承担举证不能的"
    "不利后果。",
    "关于工资的问题。用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。"
    "{d}作为掌握工资发放记录的一方，未能提交证据证明已足额支付{p}的工资，依照{k}的规定，"
    "应当补足。"};

constexpr std::string_view kLabourFacts[] = {
    "双方签订的劳动合同约定，{p}的工作岗位为{g}，合同期限为三年，{d}于每月十五日前发放上月工资。",
    "{p}提交的工作群聊天记录显示，{2}至{3}期间其仍按时在群内报到并接受工作安排。",
    "庭审中，{d}未能提交{p}违反规章制度的书面记录，亦未提交规章制度已向{p}公示的证据。",
    "{p}在收到仲裁裁决书后十五日内提起了诉讼。"};

constexpr std::string_view kLabourClaims[] = {
    "{p}在职期间勤勉工作，服从公司安排，从未有违纪行为，{d}单方解除劳动关系缺乏事实依据。",
    "{d}的行为违反了《中华人民共和国劳动合同法》的相关规定，严重侵害了劳动者的合法权益。",
    "{p}对仲裁裁决不服，依法在法定期限内提起诉讼。"};

constexpr Exhibit kLabourCounter[] = {{"员工手册及签收记录", "公司规章制度已向{p}公示"},
                                      {"考勤汇总表", "{p}存在多次旷工的情形"}};

}  // namespace

const ProseWords kPrepaidWords = {"办卡协议",
                                  "服务合同关系",
                                  "剩余费用",
                                  true,
                                  CASESIFT_TABLE(kPrepaidExhibits),
                                  CASESIFT_TABLE(kPrepaidCounter),
                                  kPrepaidDefences,
                                  kPrepaidFocuses,
                                  kPrepaidAnalyses,
                                  kPrepaidFacts,
                                  kPrepaidClaims,
                                  {}};

const ProseWords kEducationWords = {"培训服务协议",
                                    "教育培训合同关系",
                                    "剩余培训费",
                                    true,
                                    CASESIFT_TABLE(kPrepaidExhibits),
                                    CASESIFT_TABLE(kPrepaidCounter),
                                    kPrepaidDefences,
                                    kPrepaidFocuses,
                                    kPrepaidAnalyses,
                                    kPrepaidFacts,
                                    kPrepaidClaims,
                                    {}};

const ProseWords kPropertyWords = {"《物业服务合同》",
                                   "物业服务合同关系",
                                   "物业服务费",
                                   true,
                                   CASESIFT_TABLE(kPropertyExhibits),
                                   CASESIFT_TABLE(kPropertyCounter),
                                   kPropertyDefences,
                                   kPropertyFocuses,
                                   kPropertyAnalyses,
                                   kPropertyFacts,
                                   kPropertyClaims,
                                   {}};

const ProseWords kLabourWords = {"劳动合同",
                                 "劳动关系",
                                 "工资",
                                 false,
                                 CASESIFT_TABLE(kLabourExhibits),
                                 CASESIFT_TABLE(kLabourCounter),
                                 kLabourDefences,
                                 kLabourFocuses,
                                 kLabourAnalyses,
                                 kLabourFacts,
                                 kLabourClaims,
                                 {}};

namespace {

// ---- 机动车交通事故责任 ------------------------------------------------------------------

constexpr Exhibit kTrafficExhibits[] = {
    {"《道路交通事故认定书》", "事故发生的经过及各方的责任划分"},
    {"病历、出院小结及医疗费票据", "{p}受伤后的治疗经过及支出的医疗费用"},
    {"司法鉴定意见书", "{p}的伤残等级、误工期、护理期及营养期"},
    {"误工证明及工资流水", "{p}因受伤减少的收入"},
    {"交通费票据", "{p}就医期间支出的交通费用"},
    {"机动车保险单", "肇事车辆在保险公司投保的情况"}};

constexpr std::string_view kTrafficDefences[] = {
    "{p}主张的部分医疗费系非医保用药，应当按照保险合同的约定予以扣除",
    "{p}的误工期限过长，鉴定意见与其实际伤情不符，{d}申请重新鉴定",
    "{p}主张的护理费标准过高，应当按照当地护工的一般收入标准计算",
    "{p}未提交交通费票据与就医时间、地点相对应的证据，交通费应当酌情认定",
    "事故发生时{p}未佩戴安全头盔，对损害的扩大亦有过错，应当减轻侵权人的责任"};

constexpr std::string_view kTrafficFocuses[] = {"本次事故的责任划分及各赔偿义务人的责任承担",
                                                "{p}各项损失的认定"};

constexpr std::string_view kTrafficAnalyses[] = {
    "关于责任承担的问题。机动车发生交通事故造成人身伤亡、财产损失的，由保险人在机动车第三者"
    "责任强制保险责任限额范围内予以赔偿；不足的部分，按照各方的过错程度承担赔偿责任。公安机关"
    "交通管理部门作出的事故认定书程序合法，认定事实清楚，各方均未提交足以推翻该认定的证据，"
    "{C}予以采信，并据此确定各方的责任比例。",
    "关于各项损失的认定。医疗费根据医疗机构出具的医药费、住院费等收款凭证，结合病历和诊断证明等"
    "相关证据确定；误工费根据受害人的误工时间和收入状况确定；护理费根据护理人员的收入状况和护理"
    "人数、护理期限确定。{d}虽申请重新鉴定，但未提出足以反驳原鉴定意见的理由，{C}不予准许。"};

constexpr std::string_view kTrafficFacts[] = {
    "事故发生后，{p}被送往医院住院治疗，经诊断为多处骨折及软组织挫伤，于{2}出院，出院医嘱载明"
    "“注意休息，门诊随访，加强营养”。",
    "经{p}委托，司法鉴定机构于{3}出具鉴定意见，对{p}的误工期、护理期及营养期作出了评定。",
    "庭审中，各方对事故认定书的真实性均无异议，保险公司对肇事车辆在其处投保的事实亦予以确认。",
    "{p}出院后遵医嘱在门诊进行了多次复查，复查记录载明骨折处愈合良好。"};

constexpr std::string_view kTrafficClaims[] = {
    "{p}认为，本次事故给其造成了严重的身体伤害和经济损失，侵权人应当依法承担赔偿责任，"
    "保险公司应当在保险责任限额内先行赔付。",
    "事故发生后，{p}多次与对方及保险公司协商赔偿事宜，均未达成一致。",
    "依照{k}的规定，行为人因过错侵害他人民事权益造成损害的，应当承担侵权责任。"};

constexpr Exhibit kTrafficCounter[] = {{"医保用药审核意见", "部分医疗费属于非医保用药"}};

// ---- 侵害商标权 -------------------------------------------------------------------------

constexpr Exhibit kTrademarkExhibits[] = {
    {"商标注册证及核准续展注册证明", "{p}享有涉案注册商标专用权"},
    {"公证书及公证购买的实物", "{d}销售了带有涉案商标标识的商品"},
    {"涉案商标的获奖证书及宣传资料", "涉案商标具有较高的知名度"},
    {"商品真伪鉴定说明", "被诉侵权商品并非{p}生产或授权生产"},
    {"维权费用票据", "{p}为制止侵权行为支出的合理开支"}};

constexpr std::string_view kTrademarkDefences[] = {
    "被诉侵权商品系从正规渠道进货，{d}提供了进货单据，已尽到合理的审查义务",
    "{d}系小本经营，销售数量极少，获利微薄，{p}主张的赔偿数额明显过高",
    "{p}的公证购买行为系“陷阱取证”，取得的证据不具有合法性",
    "{d}在收到起诉材料后已立即下架全部被诉侵权商品，主观上不存在侵权故意"};

constexpr std::string_view kTrademarkFocuses[] = {"{d}销售被诉侵权商品的行为是否构成商标侵权",
                                                  "{d}的合法来源抗辩能否成立及赔偿数额的确定"};

constexpr std::string_view kTrademarkAnalyses[] = {
    "关于是否构成侵权的问题。未经商标注册人的许可，在同一种商品上使用与其注册商标相同的商标的，"
    "或者销售侵犯注册商标专用权的商品的，均属侵犯注册商标专用权的行为。被诉侵权商品上使用的标识"
    "与{p}的注册商标完全相同，经比对并非{p}生产的商品，{d}销售该商品的行为构成侵权。",
    "关于合法来源抗辩及赔偿数额的问题。销售不知道是侵犯注册商标专用权的商品，能证明该商品是"
    "自己合法取得并说明提供者的，不承担赔偿责任。{d}提交的进货单据无供货方的签章，亦无付款凭证"
    "相印证，不足以证明被诉侵权商品的合法来源。鉴于{p}的实际损失及{d}的侵权获利均难以确定，"
    "{C}综合考虑涉案商标的知名度、{d}的经营规模、侵权行为的性质和情节等因素，酌情确定赔偿数额。"};

constexpr std::string_view kTrademarkFacts[] = {
    "{2}，{p}的委托代理人在公证人员的监督下，在{d}的经营场所购买了被诉侵权商品，并取得了"
    "购物小票，公证人员对购买过程进行了拍照并对所购商品进行了封存。",
    "庭审中，经当庭拆封公证封存的商品，各方确认封存完好，商品及包装上均标有与涉案商标相同的标识。",
    "{p}陈述，其从未授权{d}使用涉案商标，亦未向{d}供应过任何商品。"};

constexpr std::string_view kTrademarkClaims[] = {
    "{d}未经许可，销售假冒{p}注册商标的商品，严重侵害了{p}的商标专用权，造成消费者混淆，"
    "损害了{p}的商誉。",
    "依照{k}的规定，{d}的行为构成商标侵权，应当承担停止侵权、赔偿损失的法律责任。"};

constexpr Exhibit kTrademarkCounter[] = {{"进货单据", "被诉侵权商品具有合法来源"}};

// ---- 离婚 -------------------------------------------------------------------------------

constexpr Exhibit kDivorceExhibits[] = {{"结婚证", "双方系合法夫妻"},
                                        {"子女出生医学证明", "双方婚生子女的情况"},
                                        {"不动产权证书及购房合同", "夫妻共同财产的情况"},
                                        {"微信聊天记录", "双方长期缺乏沟通，感情已经破裂"},
                                        {"租房合同", "双方已分居生活"}};

constexpr std::string_view kDivorceDefences[] = {
    "双方结婚多年，有一定的感情基础，只是因为生活琐事产生矛盾，并非原则性问题",
    "孩子尚年幼，离婚对孩子的成长不利，{d}愿意改正自身的不足，挽回双方的婚姻",
    "{p}所述的分居系因工作原因两地生活，并非感情不和",
    "双方婚后购置的财产中有部分系{d}父母出资，应当认定为{d}的个人财产"};

constexpr std::string_view kDivorceFocuses[] = {"双方夫妻感情是否确已破裂",
                                                "子女抚养及夫妻共同财产的处理"};

constexpr std::string_view kDivorceAnalyses[] = {
    "关于夫妻感情是否破裂的问题。婚姻关系的存续应以夫妻感情为基础。人民法院审理离婚案件，"
    "应当进行调解；如果感情确已破裂，调解无效的，应当准予离婚。判断夫妻感情是否确已破裂，应当"
    "从婚姻基础、婚后感情、离婚原因、夫妻关系的现状和有无和好的可能等方面综合分析。",
    "关于子女抚养及财产处理的问题。离婚后，父母对于子女仍有抚养、教育、保护的权利和义务。"
    "对于子女的抚养，应当从有利于子女身心健康、保障子女的合法权益出发，结合父母双方的抚养能力"
    "和抚养条件等具体情况妥善解决。夫妻共同财产由双方协议处理；协议不成的，由人民法院根据财产"
    "的具体情况，按照照顾子女、女方和无过错方权益的原则判决。"};

constexpr std::string_view kDivorceFacts[] = {
    "双方婚后初期感情尚可，后因家庭琐事经常发生争吵，自{2}起分居生活至今。",
    "庭审中，{p}坚持要求离婚，表示双方已无和好可能；{d}陈述了对婚姻的意见。",
    "经{C}主持调解，双方未能就婚姻关系及相关事项达成一致意见。",
    "{p}陈述，分居期间双方很少联系，{d}未主动关心家庭及子女的生活。"};

constexpr std::string_view kDivorceClaims[] = {
    "双方婚后因性格差异较大，经常为家庭琐事发生争执，{d}对家庭缺乏责任心，双方多次沟通无果。",
    "{p}认为，双方感情确已破裂，已无和好的可能，继续维持婚姻关系对双方都是一种伤害。",
    "为子女的健康成长考虑，{p}希望在离婚后继续妥善安排子女的生活和学习。"};

constexpr Exhibit kDivorceCounter[] = {{"家庭合影及出游照片", "双方的夫妻感情尚未破裂"}};

}  // namespace

const ProseWords kTrafficWords = {"《道路交通事故认定书》",
                                  "机动车交通事故责任",
                                  "赔偿款",
                                  false,
                                  CASESIFT_TABLE(kTrafficExhibits),
                                  CASESIFT_TABLE(kTrafficCounter),
                                  kTrafficDefences,
                                  kTrafficFocuses,
                                  kTrafficAnalyses,
                                  kTrafficFacts,
                                  kTrafficClaims,
                                  {}};

const ProseWords kTrademarkWords = {"商标注册证",
                                    "商标专用权",
                                    "赔偿款",
                                    false,
                                    CASESIFT_TABLE(kTrademarkExhibits),
                                    CASESIFT_TABLE(kTrademarkCounter),
                                    kTrademarkDefences,
                                    kTrademarkFocuses,
                                    kTrademarkAnalyses,
                                    kTrademarkFacts,
                                    kTrademarkClaims,
                                    {}};

const ProseWords kDivorceWords = {"结婚证",
                                  "婚姻关系",
                                  "共同财产",
                                  false,
                                  CASESIFT_TABLE(kDivorceExhibits),
                                  CASESIFT_TABLE(kDivorceCounter),
                                  kDivorceDefences,
                                  kDivorceFocuses,
                                  kDivorceAnalyses,
                                  kDivorceFacts,
                                  kDivorceClaims,
                                  {}};

}  // namespace casesift::synth
