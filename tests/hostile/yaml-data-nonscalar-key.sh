# A YAML data row whose key is a list (was an internal error, exit 3).
printf -- '- {slug: a}\n- {[x, y]: 1, slug: b}\n' > "$TMP/rows.yaml"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.yaml" -o "$TMP/{{slug}}.pdf"
