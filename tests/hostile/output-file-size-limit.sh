# Past the file size limit (a disk quota): SIGXFSZ would kill galley and leave its temporary file.
echo old > "$TMP/out.pdf"
ulimit -f 4
galley build tests/hostile/support/ok-content.yaml -o "$TMP/out.pdf"
# then: test "$(cat "$TMP/out.pdf")" = old && test "$(ls -A "$TMP")" = out.pdf
