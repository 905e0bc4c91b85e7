# A YAML data row whose key is a mapping, in block style.
printf -- '- slug: a\n  ? {x: 1}\n  : value\n' > "$TMP/rows.yaml"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.yaml" -o "$TMP/{{slug}}.pdf"
