# A row whose output name is a font the layout uses.
printf 'slug\nNotoSerif-Regular\n' > "$TMP/rows.csv"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.csv" -o 'fonts/{{slug}}.ttf'
