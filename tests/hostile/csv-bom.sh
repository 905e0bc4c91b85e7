# A CSV saved with a byte order mark ("CSV UTF-8" in spreadsheets).
printf '\357\273\277slug,name\nbom,x\n' > "$TMP/rows.csv"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.csv" -o "$TMP/{{slug}}.pdf"
# exit: 0
# then: test -s "$TMP/bom.pdf"
