# The content file by another spelling.
galley build tests/hostile/support/ok-content.yaml -o tests/hostile/../hostile/support/./ok-content.yaml
