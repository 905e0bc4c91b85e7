#!/bin/sh
# CPU a handout at 8 connections, the server's and the load generator's: a
# figure that other load on a shared machine moves much less than
# serve.sh's latencies. For each GALLEY in turn (give several, or the same
# twice, to alternate): the server as serve.sh starts it, warmed 2 s, then
# `perf stat -e task-clock` on it beside `wrk -t2 -c8` for DURATION seconds,
# each divided by the requests wrk counted.
#   sh bench/serve-cpu.sh GALLEY...
#   DURATION=5 sh bench/serve-cpu.sh /tmp/old/galley build/src/galley /tmp/old/galley build/src/galley
set -eu
cd "$(dirname "$0")/.."
DURATION=${DURATION:-5}
W=$(mktemp -d /tmp/galley-serve-cpu.XXXXXX)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$W"' EXIT
command -v wrk >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
command -v perf >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq linux-perf >/dev/null
cat >"$W/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"recipient":"Dr. Ada Example"}'
wrk.headers["Content-Type"] = "application/json"
LUA
echo "| galley | requests | server ms CPU a request | wrk ms CPU a request | p50 ms | server RSS after |"
echo "|---|---:|---:|---:|---:|---:|"
for galley in "$@"; do
  # A fresh log: the shell truncates it in the child, maybe after the
  # loop below has read the last run's "serving".
  rm -f "$W/serve.log"
  "$galley" serve --config content/serve.yaml --port 0 2>"$W/serve.log" &
  pid=$!
  for _ in $(seq 600); do grep -q 'serving' "$W/serve.log" && break; sleep 0.1; done
  grep -q 'serving' "$W/serve.log" || { echo "$galley did not start: $(cat "$W/serve.log")" >&2; exit 1; }
  url="$(grep -o 'http://[^/]*' "$W/serve.log" | head -1)/v1/templates/handout/pdf"
  wrk -t1 -c1 -d2s -s "$W/post.lua" "$url" >/dev/null
  perf stat -x, -e task-clock -p "$pid" -o "$W/stat" -- sleep "$DURATION" &
  stat=$!
  /usr/bin/time -f "%U %S" -o "$W/wrk-time" wrk -t2 -c8 -d"${DURATION}s" --latency -s "$W/post.lua" "$url" >"$W/wrk.txt"
  wait $stat
  rss=$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=
  n=$(awk '/ requests in / { print $1 }' "$W/wrk.txt")
  p50=$(awk '/^ +50%/ { print $2 }' "$W/wrk.txt")
  server=$(awk -F, '/task-clock/ { print $1 }' "$W/stat")
  awk -v g="$galley" -v n="$n" -v s="$server" -v p="$p50" -v r="$rss" '
    { printf "| %s | %d | %.3f | %.3f | %s | %d MiB |\n", g, n, s / n, ($1 + $2) * 1000 / n, p, r }' "$W/wrk-time"
done
