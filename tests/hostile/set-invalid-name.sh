# A --set name that is not UTF-8.
galley build tests/hostile/support/ok-content.yaml --set "$(printf 'a\300=x')" -o "$TMP/out.pdf"
