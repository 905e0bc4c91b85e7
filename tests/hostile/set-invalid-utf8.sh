# A --set value that is not UTF-8 (it would reach the XMP packet).
galley build tests/hostile/support/ok-content.yaml --set "$(printf 'recipient=Dr. \377')" -o "$TMP/out.pdf"
