#!/bin/sh
# Builds the sample PDFs into output/:
#   mayo-ir-residency.pdf           the brochure (layouts/brochure-letter.yaml, PDF/X-4)
#   mayo-ir-residency-trifold.pdf   the tri-fold (layouts/trifold-letter.yaml, PDF/X-4)
#   mayo-ir-handout.pdf             a personalised A4 handout (layouts/handout-a4.yaml)
#   residency-at-a-glance.pdf       a report of a table and charts from data files
#                                   (content/residency-at-a-glance.yaml, layouts/report-letter.yaml)
#
#   scripts/samples.sh GALLEY_BINARY
#
# Every sample is attempted; the script exits non-zero if any build fails.
# Placeholder pictures missing from content/images/ are regenerated first.
set -u
if [ $# -ne 1 ]; then
  echo "usage: $0 GALLEY_BINARY" >&2
  exit 2
fi
if [ ! -f "$1" ] || [ ! -x "$1" ]; then
  echo "samples: $1 is not an executable galley binary (run 'make build' first)" >&2
  exit 2
fi
# The binary's path is taken relative to where the script was called from.
galley=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/.." || exit 1

for image in cover resident-and-patient jacksonville-campus care-team; do
  if [ ! -f "content/images/$image.png" ]; then
    python3 scripts/make-placeholders.py content/images >/dev/null || exit 1
    break
  fi
done

mkdir -p output
content=content/mayo-ir-residency.yaml
failed=0

build() {
  out=$1
  shift
  if "$galley" build "$content" -o "$out" "$@"; then
    echo "samples: wrote $out"
  else
    echo "samples: FAILED to build $out" >&2
    failed=1
  fi
}

build output/mayo-ir-residency.pdf
build output/mayo-ir-residency-trifold.pdf --layout layouts/trifold-letter.yaml
build output/mayo-ir-handout.pdf --layout layouts/handout-a4.yaml --set "recipient=Dr. Jane Doe"
content=content/residency-at-a-glance.yaml
build output/residency-at-a-glance.pdf

exit $failed
