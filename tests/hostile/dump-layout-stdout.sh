# `--dump-layout -` is still stdout, not a file named '-'.
galley build tests/hostile/support/ok-content.yaml -o "$TMP/out.pdf" --dump-layout - > "$TMP/layout.json"
# exit: 0
# then: grep -q '"pages"' "$TMP/layout.json" && test ! -e ./- && test -s "$TMP/out.pdf"
