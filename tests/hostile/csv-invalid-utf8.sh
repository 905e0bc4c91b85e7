# A CSV saved as Latin-1: the bad byte's line and column.
printf 'slug,name\na,Fran\347ois\n' > "$TMP/rows.csv"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.csv" -o "$TMP/{{slug}}.pdf"
