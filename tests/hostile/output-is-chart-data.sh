# -o naming the data file a chart plots.
galley build content/residency-at-a-glance.yaml -o content/data/case-volumes.csv
# then: test "$(head -1 content/data/case-volumes.csv)" = "Year,Cases,Vascular,Nonvascular"
