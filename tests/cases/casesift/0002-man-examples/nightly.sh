# The night's job: the day's judgments screened into one HTML report.
case-extract docs/ | rule-match -r rules/ | report-render -f html -o report.html
