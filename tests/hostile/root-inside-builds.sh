# Everything inside --root: builds.
galley build tests/hostile/support/ok-content.yaml --root . -o "$TMP/out.pdf"
# exit: 0
# then: test -s "$TMP/out.pdf"
