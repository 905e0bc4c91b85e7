# A temporary file left by a killed run an hour ago is removed; a fresh one is not.
touch -d '1 hour ago' "$TMP/.out.pdf.tmp-Ab12Cd" && touch "$TMP/.out.pdf.tmp-Ef34Gh"
galley build tests/hostile/support/ok-content.yaml -o "$TMP/out.pdf"
# exit: 0
# then: test ! -e "$TMP/.out.pdf.tmp-Ab12Cd" && test -e "$TMP/.out.pdf.tmp-Ef34Gh" && test -s "$TMP/out.pdf"
