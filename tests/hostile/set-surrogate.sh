# A UTF-16 surrogate encoded as UTF-8 (CESU-8) in a --set value.
galley build tests/hostile/support/ok-content.yaml --set "$(printf 'recipient=x\355\240\200')" -o "$TMP/out.pdf"
