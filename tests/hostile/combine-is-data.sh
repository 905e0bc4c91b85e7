# --combine naming the data file.
printf 'slug\na\n' > "$TMP/rows.csv"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.csv" --combine "$TMP/rows.csv"
# then: grep -q slug "$TMP/rows.csv"
