# An escape character in a CSV field is refused where it is.
printf 'slug,n\nab\033c,1\n' > "$TMP/rows.csv"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.csv" -o "$TMP/{{slug}}.pdf"
