# A YAML data row whose key is null.
printf -- '- {~: x, slug: a}\n' > "$TMP/rows.yaml"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.yaml" -o "$TMP/{{slug}}.pdf"
