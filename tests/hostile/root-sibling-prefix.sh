# A folder whose name starts with the root's is not inside it.
mkdir -p "$TMP/site" "$TMP/site2" && cp tests/hostile/support/ok-content.yaml "$TMP/site2/"
galley check "$TMP/site2/ok-content.yaml" --root "$TMP/site"
