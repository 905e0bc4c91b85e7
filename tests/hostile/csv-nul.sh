# A NUL byte in a CSV field.
printf 'slug,name\na,x\000y\n' > "$TMP/rows.csv"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.csv" -o "$TMP/{{slug}}.pdf"
