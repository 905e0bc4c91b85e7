# A FIFO.
mkfifo "$TMP/pipe.pdf"
galley build tests/hostile/support/ok-content.yaml -o "$TMP/pipe.pdf"
# then: test -p "$TMP/pipe.pdf"
