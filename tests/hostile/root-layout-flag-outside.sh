# --layout outside --root.
printf 'galley: 1\nflows: {main: [paragraph: x]}\n' > "$TMP/c.yaml"
galley check "$TMP/c.yaml" --layout tests/hostile/support/minimal-layout.yaml --root "$TMP"
