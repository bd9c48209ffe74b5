#!/usr/bin/env bash
# Issue 21, acceptance 2 and 3: pareto and sweep over a 10 M-configuration scenario in a 1 GB heap,
# the sweep's time against copying its own output (cp, and cp followed by sync: the sweep flushes
# its file to disk before the atomic rename, cp does not), and the 1 M-row sweep as Arrow beside
# CSV (size, time, read back by Arrow's JavaScript library). Public tools only (/usr/bin/time).
#
#   ./mvnw -B -q -DskipTests -pl app -am package          # app/target/configspec-app.jar + lib/
#   app/bench/sweep-vs-cp.sh [DIR] [PAIRS]                 # DIR: scratch folder, ~20 GB free (default /tmp/sweep-vs-cp)
#
# Environment: JAVA (default: the JDK 25 the launcher finds), APP (folder holding configspec-app.jar
# and lib/, default app/target: copy it elsewhere when a build may run meanwhile), ARROWJS (folder
# holding node_modules/apache-arrow; without it the Arrow read-back is skipped).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="${1:-/tmp/sweep-vs-cp}"
PAIRS="${2:-3}"
mkdir -p "$DIR"
if [ -z "${JAVA:-}" ]; then
  # shellcheck source=/dev/null
  source "$ROOT/configspec"
  JAVA="$(find_jdk)/bin/java"
fi
SCENARIO="$ROOT/samples/scenarios/illustrative-edge.json"
CLI=("$JAVA" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow
  --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx1g -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
  -cp "${APP:-$ROOT/app/target}/configspec-app.jar:${APP:-$ROOT/app/target}/lib/*" io.configspec.app.Main)

load() { cut -d' ' -f1-3 /proc/loadavg; }
# timed LABEL CMD...: one line "LABEL wall_s user_s sys_s peak_MB load-before -> load-after"
timed() {
  local label="$1" before
  shift
  before="$(load)"
  /usr/bin/time -f "%e %U %S %M" -o "$DIR/time.txt" "$@"
  read -r wall user sys peak <"$DIR/time.txt"
  printf '%-34s wall %8.2f s  user %7.2f s  sys %6.2f s  peak %6d MB  load %s -> %s\n' \
    "$label" "$wall" "$user" "$sys" "$((peak / 1024))" "$before" "$(load)"
}

echo "# $(date -u '+%F %T UTC'), $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $("$JAVA" -version 2>&1 | head -n 1)"
echo "# scenario $SCENARIO"

echo "## 10 M configurations (kMax=90000), -Xmx1g"
timed "pareto" sh -c "$(printf '%q ' "${CLI[@]}") pareto --scenario $SCENARIO --set kMax=90000 --format csv >$DIR/front.csv"
echo "front: $(($(wc -l <"$DIR/front.csv") - 1)) rows"
for i in $(seq 1 "$PAIRS"); do
  # no old output to replace: like cp's copy, the sweep writes a new file (replacing a 10 GB file
  # would charge the sweep for freeing it)
  rm -f "$DIR/s10m.csv"
  timed "sweep --format csv ($i)" "${CLI[@]}" sweep --scenario "$SCENARIO" --set kMax=90000 --format csv --out "$DIR/s10m.csv"
  timed "cp of its output ($i)" cp "$DIR/s10m.csv" "$DIR/copy.csv"
  rm -f "$DIR/copy.csv"
  timed "cp + sync of its output ($i)" sh -c "cp $DIR/s10m.csv $DIR/copy.csv && sync $DIR/copy.csv"
  rm -f "$DIR/copy.csv"
done
echo "sweep: $(($(wc -l <"$DIR/s10m.csv") - 1)) rows, $(stat -c %s "$DIR/s10m.csv") bytes"
rm -f "$DIR/s10m.csv"

echo "## 1 M configurations (kMax=9000): CSV and Arrow"
timed "sweep --format csv" "${CLI[@]}" sweep --scenario "$SCENARIO" --set kMax=9000 --format csv --out "$DIR/s1m.csv"
timed "sweep --format arrow" "${CLI[@]}" sweep --scenario "$SCENARIO" --set kMax=9000 --format arrow --out "$DIR/s1m.arrow"
echo "sizes: csv $(stat -c %s "$DIR/s1m.csv") bytes, arrow $(stat -c %s "$DIR/s1m.arrow") bytes"
if [ -n "${ARROWJS:-}" ]; then
  timed "read back (apache-arrow JS + CSV)" env NODE_PATH="$ARROWJS/node_modules" node --max-old-space-size=4096 \
    "$ROOT/app/bench/arrow-read-check.mjs" "$DIR/s1m.arrow" --csv "$DIR/s1m.csv"
fi
