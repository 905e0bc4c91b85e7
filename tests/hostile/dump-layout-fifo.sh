# --dump-layout naming a FIFO (`-` is the way to stdout).
mkfifo "$TMP/pipe.json"
galley build tests/hostile/support/ok-content.yaml -o "$TMP/out.pdf" --dump-layout "$TMP/pipe.json"
