# --root given through a symlink, files named through it: inside, builds.
mkdir -p "$TMP/site" && ln -s site "$TMP/link"
cp tests/hostile/support/ok-content.yaml fonts/NotoSerif-Regular.ttf "$TMP/site/"
sed "s|../../../fonts/||" tests/hostile/support/minimal-layout.yaml > "$TMP/site/minimal-layout.yaml"
galley build "$TMP/link/ok-content.yaml" --root "$TMP/link" -o "$TMP/out.pdf"
# exit: 0
# then: test -s "$TMP/out.pdf"
