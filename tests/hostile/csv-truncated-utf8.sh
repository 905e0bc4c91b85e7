# A CSV cut in the middle of a character.
printf 'slug,name\na,caf\303' > "$TMP/rows.csv"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.csv" -o "$TMP/{{slug}}.pdf"
