# Writes N synthetic case records (N from -v n=...) to standard output: defendants from a
# small set of made-up merchants, so that correlations group them, dates spread over four
# years, and every `bad`-th line (when bad > 0) malformed.
BEGIN {
  split("晨星健身有限公司 蓝鲸教育咨询有限公司 青禾美容有限公司 远帆英语培训有限公司 松果早教中心有限公司", org, " ")
  split("王某甲 李某乙 张某丙", rep, " ")
  split("服务合同纠纷 教育培训合同纠纷 民间借贷纠纷 买卖合同纠纷", cause, " ")
  for (i = 1; i <= n; i++) {
    if (bad > 0 && i % bad == 0) { printf "{\"case_no\": \"(2023)沪0115民初%d号\", \"cause\": 服务合同纠纷}\n", i; continue }
    y = 2020 + (i * 7) % 4; m = 1 + (i * 5) % 12; d = 1 + (i * 11) % 28
    printf "{\"case_no\": \"(%d)沪0115民初%d号\", \"cause\": \"%s\", \"filed_date\": \"%d-%02d-%02d\", \"claim_yuan\": %d, ", y, i, cause[1 + (i * 3) % 4], y, m, d, 50000 * (1 + (i * 13) % 17)
    printf "\"parties\": [{\"side\": \"plaintiff\", \"kind\": \"person\", \"name\": \"赵某%d\"}, {\"side\": \"defendant\", \"kind\": \"org\", \"name\": \"%s\", \"legal_rep\": \"%s\"}]}\n", i, org[1 + (i * 7) % 5], rep[1 + (i * 2) % 3]
  }
}
