# Every row past the file size limit: each fails as an error, no temporary file is left.
printf 'slug\na\nb\n' > "$TMP/rows.csv"
ulimit -f 4
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.csv" -o "$TMP/out/{{slug}}.pdf" --jobs 1
# then: test -z "$(ls -A "$TMP/out")"
