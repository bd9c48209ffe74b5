#!/usr/bin/env bash
# Issue 20, acceptance 2: a K range of 2..1,000,000 in a 1 GB heap, timed. The figures it prints
# are the ones recorded in docs/reliability.md ("Acceptance 2"); run it on a quiet machine and
# record the load it prints with them.
#
#   docs/huge-space-check.sh               recommend (both scenarios) and pareto, about a minute
#   docs/huge-space-check.sh --full-sweep  also sweep --format csv of all 111,999,888 rows (about
#                                          112 GB of CSV, counted by wc -c through a pipe, not
#                                          stored: more than a usual disk holds; minutes to hours)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CONFIGSPEC_JAVA_OPTS="-Xmx1g"
./configspec --version >/dev/null # builds the jar first if sources changed: not timed

timed() { # label, command...
  local label="$1"
  shift
  echo "== $label (load $(cut -d' ' -f1-3 /proc/loadavg))"
  /usr/bin/time -f "   %e s wall, %U s user CPU, %S s system CPU, %M KB peak RSS" "$@" || echo "   exit $?"
}

ILLUSTRATIVE=samples/scenarios/illustrative-edge.json
PAPER=samples/scenarios/configspec-paper.json
timed "recommend, illustrative, K 2..1,000,000 (111,999,888 configurations)" \
  ./configspec recommend --scenario "$ILLUSTRATIVE" --set kMax=1000000
timed "pareto, illustrative, K 2..1,000,000" \
  ./configspec pareto --scenario "$ILLUSTRATIVE" --set kMax=1000000 --format csv --out /tmp/huge-space-pareto.csv
timed "recommend, paper scenario, kMax 1,000,000 (refused: alpha measured for K 2..10 only)" \
  ./configspec recommend --scenario "$PAPER" --set kMax=1000000
timed "sweep --format text, illustrative, kMax 1,000,000 (holds the space: refused with the memory it needs)" \
  ./configspec sweep --scenario "$ILLUSTRATIVE" --set kMax=1000000
if [ "${1:-}" = "--full-sweep" ]; then
  timed "sweep --format csv, illustrative, all 111,999,888 rows through a pipe (bytes counted below)" \
    bash -c "set -o pipefail; ./configspec sweep --scenario $ILLUSTRATIVE --set kMax=1000000 --format csv | wc -c"
fi
