# Two names that differ but reach one file through a symlinked folder.
mkdir -p "$TMP/out/a" && ln -s a "$TMP/out/b"
printf 'slug\na/x\nb/x\n' > "$TMP/rows.csv"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.csv" -o "$TMP/out/{{slug}}.pdf"
# then: test ! -e "$TMP/out/a/x.pdf"
