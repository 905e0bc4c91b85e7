# A symlink inside --root pointing outside it.
mkdir -p "$TMP/site" && ln -s "$PWD/content/images/cover.png" "$TMP/site/cover.png"
printf 'galley: 1\nflows:\n  main:\n    - image: {src: cover.png, alt: x}\n' > "$TMP/site/c.yaml"
galley check "$TMP/site/c.yaml" --layout "$TMP/site/l.yaml" --root "$TMP/site"
