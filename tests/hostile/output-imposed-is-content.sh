# The imposed sheets' name (NAME-imposed.pdf) reaching the content file.
ln -s "$PWD/tests/hostile/support/ok-content.yaml" "$TMP/out-imposed.pdf"
galley build tests/hostile/support/ok-content.yaml -o "$TMP/out.pdf" --impose booklet
# then: test ! -e "$TMP/out.pdf"
