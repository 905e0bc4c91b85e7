# -o naming the output intent's ICC profile.
galley build tests/hostile/support/ok-content.yaml --layout tests/hostile/support/profile-layout.yaml -o color/galley-cmyk.icc
