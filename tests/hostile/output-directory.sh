# A directory.
galley build tests/hostile/support/ok-content.yaml -o "$TMP"
