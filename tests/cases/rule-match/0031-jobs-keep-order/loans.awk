# Writes N loan cases (-v n=...): plaintiffs from a small set of made-up lenders, each with
# one of a few made-up agents, so that big-lender fires and lender-network groups them.
BEGIN {
  split("钱某一 孙某二 李某三 周某四 吴某五 郑某六", lender, " ")
  split("冯某律师 陈某律师 褚某律师", agent, " ")
  for (i = 1; i <= n; i++) {
    y = 2021 + (i * 5) % 3; m = 1 + (i * 7) % 12; d = 1 + (i * 3) % 28
    l = 1 + (i * 5) % 6
    printf "{\"case_no\": \"(%d)沪0112民初%d号\", \"cause\": \"民间借贷纠纷\", \"filed_date\": \"%d-%02d-%02d\", \"claim_yuan\": %d, ", y, i, y, m, d, 100000 * (1 + (i * 11) % 13)
    printf "\"parties\": [{\"side\": \"plaintiff\", \"name\": \"%s\", \"reps\": [{\"name\": \"%s\"}]}, {\"side\": \"defendant\", \"name\": \"借款人%d\"}]}\n", lender[l], agent[1 + l % 3], i
  }
}
