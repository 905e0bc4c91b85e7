#!/bin/sh
# The PDF.js test (tests/CMakeLists.txt): installs pdfjs-dist into
# $1 (a test-time folder in the build tree) the first time, builds the three
# samples with the galley binary $2, and reads their structure trees.
set -eu
tools=$1 galley=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
if [ ! -f "$tools/node_modules/pdfjs-dist/package.json" ]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --silent pdfjs-dist@5 >/dev/null
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$root"
"$galley" build content/mayo-ir-residency.yaml -o "$out/brochure.pdf"
"$galley" build content/mayo-ir-residency.yaml --layout layouts/trifold-letter.yaml -o "$out/trifold.pdf"
"$galley" build content/mayo-ir-residency.yaml --layout layouts/handout-a4.yaml -o "$out/handout.pdf"
node tests/pdfjs/struct_tree.mjs "$tools" "$out/brochure.pdf" "$out/trifold.pdf" "$out/handout.pdf"
