# Without -o the PDF is the content's name with .pdf: here the content itself.
cp tests/hostile/support/ok-content.yaml "$TMP/brochure.pdf"
sed "s|../../../fonts/|$PWD/fonts/|" tests/hostile/support/minimal-layout.yaml > "$TMP/minimal-layout.yaml"
cd "$TMP" && galley build brochure.pdf
# then: grep -q 'galley: 1' "$TMP/brochure.pdf"
