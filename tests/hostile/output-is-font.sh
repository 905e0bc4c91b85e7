# -o naming a font file of the layout.
galley build tests/hostile/support/ok-content.yaml -o fonts/NotoSerif-Regular.ttf
