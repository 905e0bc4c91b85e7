# --combine naming a FIFO.
printf 'slug\na\n' > "$TMP/rows.csv" && mkfifo "$TMP/pipe"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.csv" --combine "$TMP/pipe"
# then: test -p "$TMP/pipe"
