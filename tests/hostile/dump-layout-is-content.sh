# --dump-layout naming the content file.
galley build tests/hostile/support/ok-content.yaml -o "$TMP/out.pdf" --dump-layout tests/hostile/support/ok-content.yaml
# then: test ! -e "$TMP/out.pdf"
