# A batch removes the temporary files a killed batch left for its outputs, once old enough.
mkdir -p "$TMP/out" && touch -d '2 hours ago' "$TMP/out/.a.pdf.tmp-Zz9Yy8" "$TMP/out/.other.pdf.tmp-Zz9Yy8"
printf 'slug\na\n' > "$TMP/rows.csv"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.csv" -o "$TMP/out/{{slug}}.pdf"
# exit: 0
# then: test ! -e "$TMP/out/.a.pdf.tmp-Zz9Yy8" && test -e "$TMP/out/.other.pdf.tmp-Zz9Yy8" && test -s "$TMP/out/a.pdf"
