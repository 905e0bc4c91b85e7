#!/bin/sh
# Installs the Debian packages galley needs. Idempotent: installs only what
# is missing, and nothing when all is there.
#   sh scripts/deps.sh           to build, test, fuzz and make the samples (make brochure, make test)
#   sh scripts/deps.sh build     to build galley only (deploy/Dockerfile's build stage)
#   sh scripts/deps.sh runtime   to run a built galley (deploy/Dockerfile's image)
set -eu
# The hyphenation patterns galley reads at run time (docs/format.md, languages).
HYPHEN_PACKAGES="hyphen-en-us hyphen-en-gb hyphen-de hyphen-fr hyphen-es hyphen-it
hyphen-nl hyphen-pt-pt hyphen-pt-br"
BUILD_PACKAGES="build-essential cmake pkg-config lld lld-16
libhpdf-dev libharfbuzz-dev libfreetype-dev libyaml-cpp-dev libyaml-dev libfontconfig-dev
libicu-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libqrencode-dev
libpng-dev libjpeg-dev zlib1g-dev libdeflate-dev libxxhash-dev liblcms2-dev libcli11-dev libexpat1-dev
libqpdf-dev librsvg2-dev libcairo2-dev libcpp-httplib-dev nlohmann-json3-dev $HYPHEN_PACKAGES"
# The tests read PDFs back (qpdf, poppler-utils), make test images
# (imagemagick), check deploy/ and schema/ (python3-yaml, python3-jsonschema), fuzz (clang, libFuzzer in
# libclang-rt-dev, llvm-symbolizer in llvm) and drive a real browser against
# galley serve (chromium, chromium-driver, python3-selenium).
TEST_PACKAGES="doctest-dev qpdf poppler-utils python3 python3-yaml python3-jsonschema imagemagick
clang libclang-rt-dev llvm
chromium chromium-driver python3-selenium"
# The shared libraries galley links (tests/deploy checks this against the
# binary), the hyphenation patterns it reads, qpdf for joining a sharded
# batch, curl for the container's HEALTHCHECK.
RUNTIME_PACKAGES="libhpdf-2.3.0 libharfbuzz0b libharfbuzz-subset0 libfreetype6
libyaml-cpp0.7 libyaml-0-2 libfontconfig1 libicu72 libcmark-gfm0.29.0.gfm.6 libcmark-gfm-extensions0.29.0.gfm.6 libqrencode4
libpng16-16 libjpeg62-turbo zlib1g libdeflate0 liblcms2-2 libexpat1 libqpdf29 librsvg2-2 libcairo2 libcpp-httplib0.11
qpdf curl ca-certificates $HYPHEN_PACKAGES"
case "${1:-all}" in
  all) PACKAGES="$BUILD_PACKAGES $TEST_PACKAGES" ;;
  build) PACKAGES="$BUILD_PACKAGES" ;;
  runtime) PACKAGES="$RUNTIME_PACKAGES" ;;
  *) echo "usage: deps.sh [build|runtime]" >&2; exit 2 ;;
esac
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# npm installs the test-time tools (PDF.js, tests/pdfjs/run.sh); a Node.js
# that brings its own npm (NodeSource's) will do.
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
[ -z "$missing" ] && exit 0
echo "galley: installing$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
