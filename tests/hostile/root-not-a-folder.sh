# --root naming nothing.
galley check tests/hostile/support/ok-content.yaml --root "$TMP/missing"
# exit: 2
