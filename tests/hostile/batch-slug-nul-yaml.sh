# A NUL written as an escape in a YAML data file: located, not a cut message.
printf -- '- {slug: "before\\0after"}\n' > "$TMP/rows.yaml"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.yaml" -o "$TMP/{{slug}}.pdf"
