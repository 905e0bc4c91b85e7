# The output folder is made as mkdir -p would, instead of failing every row.
printf 'slug\na\nb\n' > "$TMP/rows.csv"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.csv" -o "$TMP/new/deeper/{{slug}}.pdf"
# exit: 0
# then: test -s "$TMP/new/deeper/a.pdf" && test -s "$TMP/new/deeper/b.pdf"
