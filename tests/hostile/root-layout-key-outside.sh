# The content's layout: key reaching outside --root.
mkdir -p "$TMP/site" && cp tests/hostile/support/minimal-layout.yaml "$TMP/"
printf 'galley: 1\nlayout: ../minimal-layout.yaml\nflows: {main: [paragraph: x]}\n' > "$TMP/site/c.yaml"
galley check "$TMP/site/c.yaml" --root "$TMP/site"
