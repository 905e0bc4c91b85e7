# A row whose output name is the content file.
cp tests/hostile/support/ok-content.yaml "$TMP/"
sed "s|../../../fonts/|$PWD/fonts/|" tests/hostile/support/minimal-layout.yaml > "$TMP/minimal-layout.yaml"
printf 'slug\nok-content\n' > "$TMP/rows.csv"
galley build "$TMP/ok-content.yaml" --data "$TMP/rows.csv" -o "$TMP/{{slug}}.yaml"
# then: grep -q 'galley: 1' "$TMP/ok-content.yaml"
