#!/bin/sh
# Installs the Debian packages galley needs to build, test, fuzz (clang,
# libFuzzer in libclang-rt-dev, llvm-symbolizer in llvm) and make its
# samples. Idempotent: installs only what is missing, and nothing when all is there.
set -eu
PACKAGES="build-essential cmake pkg-config
libhpdf-dev libharfbuzz-dev libfreetype-dev libyaml-cpp-dev doctest-dev
libicu-dev libcmark-dev libqrencode-dev
hyphen-en-us hyphen-en-gb hyphen-de hyphen-fr hyphen-es hyphen-it hyphen-nl
hyphen-pt-pt hyphen-pt-br
libpng-dev libjpeg-dev zlib1g-dev liblcms2-dev libcli11-dev
libqpdf-dev qpdf poppler-utils python3 imagemagick
clang libclang-rt-dev llvm
libcpp-httplib-dev nlohmann-json3-dev chromium chromium-driver python3-selenium"
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
