# A hard link to the content file: another name, the same file.
cp tests/hostile/support/ok-content.yaml "$TMP/c.yaml" && ln "$TMP/c.yaml" "$TMP/out.pdf"
sed "s|../../../fonts/|$PWD/fonts/|" tests/hostile/support/minimal-layout.yaml > "$TMP/minimal-layout.yaml"
galley build "$TMP/c.yaml" -o "$TMP/out.pdf"
# then: grep -q 'galley: 1' "$TMP/c.yaml"
