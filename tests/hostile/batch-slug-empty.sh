# An empty slug leaves only the folder as the output name.
printf 'slug,n\n,1\n' > "$TMP/rows.csv"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.csv" -o "$TMP/out/{{slug}}"
