#!/bin/sh
# galley serve under load: wrk against the sample handout (content/serve.yaml)
# at 1, 8 and 64 connections, the server's RSS before and after a run of
# COUNT requests, and, as the baseline of the same run, the same handout
# made by one `galley build` process per request.
#   sh bench/serve.sh [GALLEY]
#   DURATION=10s COUNT=100000 BASELINE=20 sh bench/serve.sh
# Prints a markdown table (bench/README.md has the measured one).
set -eu
cd "$(dirname "$0")/.."
GALLEY=$(realpath "${1:-build/src/galley}")
DURATION=${DURATION:-10s}
COUNT=${COUNT:-100000}
BASELINE=${BASELINE:-20}
W=$(mktemp -d /tmp/galley-serve-bench.XXXXXX)
command -v wrk >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null

BODY='{"recipient":"Dr. Ada Example"}'
cat >"$W/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '$BODY'
wrk.headers["Content-Type"] = "application/json"
LUA

"$GALLEY" serve --config content/serve.yaml --port 0 2>"$W/serve.log" &
PID=$!
trap 'kill $PID 2>/dev/null; rm -rf "$W"' EXIT
for _ in $(seq 600); do grep -q 'serving' "$W/serve.log" && break; sleep 0.1; done
URL="$(grep -o 'http://[^/]*' "$W/serve.log" | head -1)/v1/templates/handout/pdf"
rss() { awk '/VmRSS/ {print $2}' "/proc/$PID/status"; }

# wrk's figures: PDFs answered per second (2xx only), p50 and p99 (ms) of
# all answers, non-2xx answers (503 when the build queue is full).
run_wrk() {
  conns=$1; shift
  threads=$((conns < 2 ? conns : 2))
  wrk -t"$threads" -c"$conns" --latency -s "$W/post.lua" "$@" "$URL" >"$W/wrk.txt"
  awk -v c="$conns" '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    function secs(v) { if (v ~ /ms,?$/) return v/1000; if (v ~ /m,?$/) return v*60; if (v ~ /h,?$/) return v*3600; return v+0 }
    / requests in / { n = $1; took = secs($4) } /Non-2xx/ { bad = $NF }
    END { printf "| %d | %.0f | %.2f | %.2f | %d |\n", c, (n - bad) / took, p50, p99, bad }' "$W/wrk.txt"
}

# Warm-up: the first requests of each new glyph set make font subsets.
wrk -t1 -c1 -d2s -s "$W/post.lua" "$URL" >/dev/null
echo "galley serve, handout (content/serve.yaml), $DURATION per row, $(nproc) cores"
echo
echo "| connections | handouts/s | p50 ms | p99 ms | non-2xx |"
echo "|---:|---:|---:|---:|---:|"
for c in 1 8 64; do
  run_wrk "$c" -d"$DURATION" | tee "$W/row"
  [ "$c" = 8 ] && rate=$(awk -F'|' '{ print int($3) }' "$W/row")
done

# wrk has no request count: COUNT requests take COUNT / rate seconds.
seconds=$(( COUNT / (rate > 0 ? rate : 1) + 1 ))
before=$(rss)
run_wrk 8 -d"${seconds}s" >"$W/row"
after=$(rss)
served=$(grep -c '"status":200' "$W/serve.log" || true)
echo
echo "$(cat "$W/row") ($seconds s)"
echo "RSS before $COUNT requests at 8 connections: $((before / 1024)) MiB; after: $((after / 1024)) MiB ($(((after - before) / 1024)) MiB); PDFs answered in all: $served"

# Baseline: one process per handout, one at a time.
i=0
: >"$W/times"
while [ $i -lt "$BASELINE" ]; do
  s=$(date +%s%N)
  "$GALLEY" build content/mayo-ir-residency.yaml --layout layouts/handout-a4.yaml \
    --set recipient="Dr. Ada Example" -o "$W/one.pdf" 2>/dev/null
  echo $(( ($(date +%s%N) - s) / 1000 )) >>"$W/times"
  i=$((i + 1))
done
sort -n "$W/times" | awk '{ t[NR] = $1 } END {
  p50 = t[int((NR + 1) / 2)] / 1000
  printf "\nBaseline, galley build per handout (%d runs, one at a time): p50 %.1f ms, %.0f handouts/s on one core\n", NR, p50, 1000 / p50 }'
