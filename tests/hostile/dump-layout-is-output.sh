# The PDF and the JSON in one file.
galley build tests/hostile/support/ok-content.yaml -o "$TMP/out.pdf" --dump-layout "$TMP/./out.pdf"
