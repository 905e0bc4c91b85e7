# -o naming the layout file.
galley build tests/hostile/support/ok-content.yaml -o tests/hostile/support/minimal-layout.yaml
