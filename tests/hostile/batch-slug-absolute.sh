# A slug that is an absolute path, with the template in the current folder.
printf 'slug\n/tmp/galley-hostile-absolute\n' > "$TMP/rows.csv"
here=$PWD
cd "$TMP" && galley build "$here/tests/hostile/support/ok-content.yaml" --data rows.csv -o '{{slug}}.pdf'
# then: test ! -e /tmp/galley-hostile-absolute.pdf
