# The output folder cannot be made: a file is in the way.
printf 'slug\na\n' > "$TMP/rows.csv" && touch "$TMP/file"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.csv" -o "$TMP/file/{{slug}}.pdf"
