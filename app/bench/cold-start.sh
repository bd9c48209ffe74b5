#!/usr/bin/env bash
# Cold start of the desktop explorer: time from process start (the ./configspec launcher, whose
# shell process becomes the JVM through exec) to (a) the main window shown and (b) the first chart
# frame drawn with the bundled paper scenario's configurations. The application measures both
# itself (-Dconfigspec.startupTiming=true, from ProcessHandle's start instant) and exits at the
# first frame (-Dconfigspec.exitAfterFirstFrame=true); this script also reports the wall time seen
# from outside. Needs a display (DISPLAY, e.g. Xvfb :99); the project must be built already
# (run ./configspec once). Usage: app/bench/cold-start.sh [runs, default 5]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${1:-5}"
USERDIR="$(mktemp -d)"
trap 'rm -rf "$USERDIR"' EXIT
shown_all=()
frame_all=()
for i in $(seq 1 "$RUNS"); do
  start=$(date +%s%N)
  out="$(CONFIGSPEC_JAVA_OPTS="-Dconfigspec.startupTiming=true -Dconfigspec.exitAfterFirstFrame=true -Dconfigspec.userdir=$USERDIR" "$ROOT/configspec" 2>&1 || true)"
  end=$(date +%s%N)
  shown="$(sed -n 's/.*window shown after \([0-9]*\) ms.*/\1/p' <<<"$out" | head -n 1)"
  frame="$(sed -n 's/.*first chart frame after \([0-9]*\) ms.*/\1/p' <<<"$out" | head -n 1)"
  if [ -z "$frame" ]; then
    echo "run $i: no first-frame line; output:" >&2
    echo "$out" | tail -n 20 >&2
    exit 1
  fi
  shown_all+=("$shown")
  frame_all+=("$frame")
  echo "run $i: window shown ${shown} ms, first chart frame ${frame} ms, process wall $(((end - start) / 1000000)) ms (includes shutdown)"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
echo "median of $RUNS: window shown $(median "${shown_all[@]}") ms, first chart frame $(median "${frame_all[@]}") ms"
