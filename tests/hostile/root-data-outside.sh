# The data file outside --root.
printf 'slug\na\n' > "$TMP/rows.csv"
galley build tests/hostile/support/ok-content.yaml --root . --data "$TMP/rows.csv" -o "$TMP/{{slug}}.pdf"
