# A device node: rename() would replace it (as root, -o /dev/null would replace the system's).
# Reached through a symlink, so a galley with this bug replaces only the link.
ln -s /dev/null "$TMP/null.pdf"
galley build tests/hostile/support/ok-content.yaml -o "$TMP/null.pdf"
# then: test -c /dev/null && test -L "$TMP/null.pdf"
