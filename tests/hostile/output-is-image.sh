# -o naming an image of the content.
galley build tests/hostile/support/image-content.yaml -o content/images/cover.png
