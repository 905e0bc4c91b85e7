# A NUL written as a YAML escape, quoted back in a diagnostic: shown, not the end of the line.
printf 'galley: 1\nflows:\n  main:\n    - {paragraph: x, style: "bo\\0dy and more"}\n' > "$TMP/c.yaml"
galley check "$TMP/c.yaml" --layout tests/hostile/support/minimal-layout.yaml
