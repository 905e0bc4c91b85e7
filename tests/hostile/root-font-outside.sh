# A font outside --root.
galley check tests/hostile/support/ok-content.yaml --root tests/hostile
