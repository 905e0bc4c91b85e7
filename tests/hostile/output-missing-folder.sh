# A folder that does not exist, found before the work of building.
galley build tests/hostile/support/ok-content.yaml -o "$TMP/missing/out.pdf"
