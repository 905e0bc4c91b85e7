# A missing file outside --root is "outside", not "not found": the message tells nothing of what exists there.
printf 'galley: 1\nflows: {main: [{image: {src: /nonexistent/secret.png, alt: x}}]}\n' > "$TMP/c.yaml"
galley check "$TMP/c.yaml" --root "$TMP"
