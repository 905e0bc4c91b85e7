# A device node: rename() would replace it (as root, the system's /dev/null).
galley build tests/hostile/support/ok-content.yaml -o /dev/null
# then: test -c /dev/null
