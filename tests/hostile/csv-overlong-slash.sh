# An overlong encoding of '/' (0xC0 0xAF) in a slug: invalid UTF-8, never a path separator.
printf 'slug\n..\300\257..\300\257x\n' > "$TMP/rows.csv"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.csv" -o "$TMP/out/{{slug}}.pdf"
