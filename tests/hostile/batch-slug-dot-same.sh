# `same` and `./same` are the same file: an error before anything is written.
printf 'slug\nsame\n./same\n' > "$TMP/rows.csv"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.csv" -o "$TMP/out/{{slug}}.pdf"
# then: test ! -e "$TMP/out/same.pdf"
