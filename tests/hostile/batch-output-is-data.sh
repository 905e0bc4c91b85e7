# A row whose output name is the data file itself.
printf 'slug\nrows.csv\n' > "$TMP/rows.csv"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.csv" -o "$TMP/{{slug}}"
# then: head -1 "$TMP/rows.csv" | grep -q slug
