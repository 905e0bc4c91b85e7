# A font path that leaves --root and comes back in elsewhere: resolved, it is outside.
mkdir -p "$TMP/site" "$TMP/other" && cp fonts/NotoSerif-Regular.ttf "$TMP/other/"
cp tests/hostile/support/ok-content.yaml "$TMP/site/"
sed "s|../../../fonts/|../other/|" tests/hostile/support/minimal-layout.yaml > "$TMP/site/minimal-layout.yaml"
galley check "$TMP/site/ok-content.yaml" --root "$TMP/site"
