#!/bin/sh
# Renders pages 1 and 2 of output/mayo-ir-residency.pdf (cover and first
# inside page) at 40 dpi into docs/sample-page.png, the README's picture.
# Needs poppler-utils (pdftoppm); with ImageMagick the two pages stand side
# by side, without it the picture is page 2 alone.
#
#   scripts/samples.sh build/src/galley && scripts/readme-picture.sh
set -eu
cd "$(dirname "$0")/.."
pdf=output/mayo-ir-residency.pdf
if [ ! -f "$pdf" ]; then
  echo "readme-picture: $pdf is missing (run 'make brochure' first)" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pdftoppm -png -r 40 -f 1 -l 2 "$pdf" "$tmp/page"
pages=$(ls "$tmp"/page-*.png | sort)
if command -v convert >/dev/null 2>&1; then
  # A white gutter between the pages; metadata stripped so the file only
  # changes when the pages do.
  convert $pages -bordercolor white -border 8 +append -strip "$tmp/sample.png"
else
  cp "$(echo "$pages" | tail -n 1)" "$tmp/sample.png"
fi
mkdir -p docs
mv "$tmp/sample.png" docs/sample-page.png
echo "readme-picture: wrote docs/sample-page.png"
