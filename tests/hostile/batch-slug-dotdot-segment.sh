# A slug of `..` names the folder above, not a file.
printf 'slug\n..\n' > "$TMP/rows.csv"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.csv" -o "$TMP/out/{{slug}}"
