#!/bin/sh
# Runs fuzz targets for a bounded time each: run.sh BUILD_DIR SECONDS [TARGET...]
# (all targets when none is named). Each starts from its committed corpus in
# fuzz/corpus/TARGET; what a run adds goes to a scratch corpus, so the tree
# stays as committed. A crash, leak, timeout or out-of-memory stops that
# target with its reproducer in BUILD_DIR/findings/ and a non-zero exit.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=$1
seconds=$2
shift 2
[ $# -gt 0 ] || set -- content layout markup png jpeg font data pipeline svg vector yaml
mkdir -p "$bin/findings"
status=0
for t in "$@"; do
  work=$(mktemp -d)
  # The targets' scratch folders go here: a crash skips their clean-up.
  scratch=$(mktemp -d)
  case $t in
    content|layout|pipeline|yaml) dict=yaml ;;
    *) dict=$t ;;
  esac
  # The YAML readers' comparison starts from every YAML seed.
  seeds="$here/corpus/$t"
  [ "$t" = yaml ] && seeds="$seeds $here/corpus/content $here/corpus/layout"
  dict_option=""
  [ -f "$here/dict/$dict.dict" ] && dict_option="-dict=$here/dict/$dict.dict"
  echo "fuzz_$t: ${seconds}s" >&2
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: a tiny input
  # costing 2 GB is a finding, not a machine to grow into.
  if ! TMPDIR="$scratch" ASAN_OPTIONS=detect_leaks=1 \
       LSAN_OPTIONS=suppressions="$here/lsan.supp":print_suppressions=0 \
       UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
       "$bin/fuzz_$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
         -max_len=65536 -print_final_stats=1 $dict_option -artifact_prefix="$bin/findings/$t-" \
         "$work" $seeds >"$work.log" 2>&1; then
    tail -n 60 "$work.log" >&2
    status=1
  else
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ *DONE)' "$work.log" >&2 || true
  fi
  rm -rf "$work" "$work.log" "$scratch"
done
exit $status
