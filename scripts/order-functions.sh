#!/bin/sh
# Writes src/galley.order: the functions of the galley executable a cold
# build runs (callgrind over the brochure and the handout, in the order of
# its output), for lld's --symbol-ordering-file (src/CMakeLists.txt). Laid
# out together, the code a build runs is a few contiguous megabytes of the
# binary's text instead of pages all over it, which the kernel maps 64 KB at
# a time around each one touched (bench/README.md, "the cold start, a third
# time"). A stale list is harmless: names it has that the binary lacks are
# skipped, functions it lacks go after the listed ones.
#   sh scripts/order-functions.sh build/src/galley
set -eu
GALLEY=$(realpath "${1:-build/src/galley}")
cd "$(dirname "$0")/.."
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
n=0
for layout in layouts/brochure-letter.yaml layouts/handout-a4.yaml; do
  n=$((n + 1))
  valgrind -q --tool=callgrind --demangle=no --callgrind-out-file="$W/cg.$n" \
    "$GALLEY" build content/mayo-ir-residency.yaml --layout "$layout" -o "$W/out.pdf" >/dev/null 2>&1
done
python3 - "$W" "$GALLEY" >src/galley.order <<'EOF'
import re, sys, glob
seen, order = set(), []
for path in sorted(glob.glob(sys.argv[1] + "/cg.*")):
    names, objects, current = {}, {}, None
    for line in open(path, errors="replace"):
        m = re.match(r"^(c?ob)=\((\d+)\)(?: (.*))?", line)
        if m:
            if m.group(3):
                objects[m.group(2)] = m.group(3)
            if m.group(1) == "ob":
                current = objects.get(m.group(2))
            continue
        m = re.match(r"^(c?fn)=\((\d+)\)(?: (.*))?", line)
        if m:
            if m.group(3):
                names[m.group(2)] = m.group(3)
            # A recursion's deeper levels are named NAME'2, NAME'3...
            name = re.sub(r"'\d+$", "", names.get(m.group(2), ""))
            if m.group(1) == "fn" and current == sys.argv[2] and not name.startswith("0x") and name not in seen:
                seen.add(name)
                order.append(name)
print("\n".join(order))
EOF
echo "src/galley.order: $(wc -l <src/galley.order) functions"
