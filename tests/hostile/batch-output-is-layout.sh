# A row whose output name is the layout file.
printf 'slug\nminimal-layout\n' > "$TMP/rows.csv"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.csv" -o 'tests/hostile/support/{{slug}}.yaml'
