# A YAML data row giving a field twice.
printf -- '- slug: a\n  name: x\n  slug: b\n' > "$TMP/rows.yaml"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.yaml" -o "$TMP/{{slug}}.pdf"
