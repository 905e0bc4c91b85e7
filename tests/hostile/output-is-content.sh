# -o naming the content file.
galley build tests/hostile/support/ok-content.yaml -o tests/hostile/support/ok-content.yaml
