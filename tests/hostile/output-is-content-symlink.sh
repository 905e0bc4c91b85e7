# A symlink to the content file.
ln -s "$PWD/tests/hostile/support/ok-content.yaml" "$TMP/link.pdf"
galley build tests/hostile/support/ok-content.yaml -o "$TMP/link.pdf"
