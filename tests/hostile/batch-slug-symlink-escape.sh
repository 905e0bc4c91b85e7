# A folder inside the output folder that is a symlink to elsewhere.
mkdir -p "$TMP/out" "$TMP/elsewhere" && ln -s "$TMP/elsewhere" "$TMP/out/link"
printf 'slug\nlink/x\n' > "$TMP/rows.csv"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.csv" -o "$TMP/out/{{slug}}.pdf"
# then: test ! -e "$TMP/elsewhere/x.pdf"
