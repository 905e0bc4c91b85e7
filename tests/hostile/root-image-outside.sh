# An image outside --root.
galley check tests/hostile/support/image-content.yaml --root tests/hostile
