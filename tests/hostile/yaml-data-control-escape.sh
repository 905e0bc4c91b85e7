# A control character written as a YAML escape in a data value.
printf -- '- {slug: a, name: "bell\\a"}\n' > "$TMP/rows.yaml"
galley build tests/hostile/support/ok-content.yaml --data "$TMP/rows.yaml" -o "$TMP/{{slug}}.pdf"
