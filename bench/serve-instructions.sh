#!/bin/sh
# Instructions per handout request (callgrind's Ir), for a baseline galley
# and this one in the same command: a figure that other load on the machine
# does not move, unlike serve.sh's times. Each binary serves the sample
# handout under callgrind twice, for FEW and for MANY requests (curl, one at a
# time); the difference divided by MANY - FEW is one warm request.
#   sh bench/serve-instructions.sh BASELINE_GALLEY [GALLEY]
#   FEW=5 MANY=45 sh bench/serve-instructions.sh /tmp/old/galley build/src/galley
set -eu
cd "$(dirname "$0")/.."
BASE=$(realpath "$1")
GALLEY=$(realpath "${2:-build/src/galley}")
FEW=${FEW:-5}
MANY=${MANY:-45}
W=$(mktemp -d /tmp/galley-serve-ir.XXXXXX)
trap 'rm -rf "$W"' EXIT
command -v valgrind >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null

# Total instructions of a server that starts and answers $2 requests.
instructions() {
  rm -f "$W"/cg.* "$W/log"
  # galley serve execs galley-serve: callgrind follows it.
  valgrind --tool=callgrind --trace-children=yes --callgrind-out-file="$W/cg.%p" \
    "$1" serve --config content/serve.yaml --port 0 2>"$W/log" &
  pid=$!
  for _ in $(seq 600); do grep -q 'serving' "$W/log" && break; sleep 0.2; done
  url="$(grep -o 'http://[^/]*' "$W/log" | head -1)/v1/templates/handout/pdf"
  i=0
  while [ $i -lt "$2" ]; do
    curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"recipient":"Dr. Ada Example"}' "$url"
    i=$((i + 1))
  done
  kill -TERM $pid
  wait $pid || true
  cat "$W"/cg.* | awk '/^summary:/ { n += $2 } END { print n }'
}

per_request() {
  few=$(instructions "$1" "$FEW")
  many=$(instructions "$1" "$MANY")
  echo $(((many - few) / (MANY - FEW)))
}

b=$(per_request "$BASE")
g=$(per_request "$GALLEY")
echo "| | instructions per handout request | ratio |"
echo "|---|---:|---:|"
echo "| baseline ($BASE) | $b | 1.00 |"
awk -v b="$b" -v g="$g" -v n="$GALLEY" 'BEGIN { printf "| %s | %d | %.2f |\n", n, g, g / b }'
