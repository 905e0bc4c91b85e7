# The content file outside --root.
galley check tests/hostile/support/ok-content.yaml --root "$TMP"
