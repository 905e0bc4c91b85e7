# A row's output name is a FIFO: galley would block on it or replace it.
mkdir -p "$TMP/out" && mkfifo "$TMP/out/pipe.pdf"
printf 'slug\npipe\n' > "$TMP/rows.csv"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.csv" -o "$TMP/out/{{slug}}.pdf"
# then: test -p "$TMP/out/pipe.pdf"
