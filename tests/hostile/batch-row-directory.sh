# A row's output name is an existing directory.
mkdir -p "$TMP/out/taken.pdf"
printf 'slug\ntaken\n' > "$TMP/rows.csv"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.csv" -o "$TMP/out/{{slug}}.pdf"
