# A --set value with an escape character.
galley build tests/hostile/support/ok-content.yaml --set "$(printf 'recipient=a\033[31mred')" -o "$TMP/out.pdf"
