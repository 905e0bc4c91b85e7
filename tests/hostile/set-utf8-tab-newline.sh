# What --set may carry: any UTF-8, tabs and line ends.
galley build tests/hostile/support/ok-content.yaml --set "$(printf 'recipient=Dr. Zo\303\253 \360\237\216\211\tand\nmore')" -o "$TMP/out.pdf"
# exit: 0
# then: test -s "$TMP/out.pdf"
