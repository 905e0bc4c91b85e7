# A 250-character file name: .NAME.tmp-XXXXXX would be too long for the file system.
name=$(printf 'n%.0s' $(seq 246)).pdf
galley build tests/hostile/support/ok-content.yaml -o "$TMP/$name"
# exit: 0
# then: test -s "$TMP/$(printf 'n%.0s' $(seq 246)).pdf" && test "$(ls -A "$TMP" | wc -l)" = 1
