# The ICC profile outside --root, with everything else inside.
mkdir -p "$TMP/site" && cp tests/hostile/support/ok-content.yaml fonts/NotoSerif-Regular.ttf "$TMP/site/"
sed "s|../../../fonts/||; s|../../../color/|../|" tests/hostile/support/profile-layout.yaml > "$TMP/site/minimal-layout.yaml"
cp color/galley-cmyk.icc "$TMP/"
galley check "$TMP/site/ok-content.yaml" --root "$TMP/site"
