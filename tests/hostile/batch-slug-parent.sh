# A data row's slug climbs out of the output folder.
printf 'slug\n../../escaped\n' > "$TMP/rows.csv"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.csv" -o "$TMP/out/{{slug}}.pdf"
# then: test ! -e "$TMP/escaped.pdf" && test ! -e "$TMP/../escaped.pdf"
