#!/usr/bin/env bash
# Walk through the explorer in a real window, as a user would, and retake the screenshots of
# docs/images/ that README.md and docs/user-guide.md show.
#
#   docs/walkthrough.sh                  # 1366 × 768 (the smallest size we support), writes docs/images/
#   docs/walkthrough.sh 1920x1080 /tmp/s # another screen size, screenshots into /tmp/s
#
# Needs Linux with Xvfb, xdotool and ImageMagick (Debian: apt-get install xvfb xdotool imagemagick
# libgtk-3-0) and a JDK 25 (found by ./configspec). It starts its own X server on display :97
# (WALKTHROUGH_DISPLAY overrides), runs ./configspec with a throw-away user folder (no autosave,
# no recent files of yours are touched), drives it with xdotool (clicks, drags, keys), saves a
# screenshot after each step, and stops everything it started. Look at every screenshot before
# committing it: the script checks that the window is there, not that it looks right.
#
# Driving the window by hand on the same X server: it has no window manager, so nothing fits a
# window to the screen. GTK's file dialogs (File › Import, Open) then open at their own default
# size, 1096 × 822 px, taller than 768 px, with Cancel and Open below the screen's edge. Start a
# window manager first (e.g. `matchbox-window-manager -use_titlebar no &`, Debian package
# matchbox-window-manager) and they are fitted to 768 px as on a desktop.
#
# Steps (the screenshots):
#   explorer.png          the window as it opens on the bundled scenario
#   explorer-what-if.png  after dragging T_v and pressing → twice: what moved, the cards, the chart
#   explorer-scenario.png the Scenario tab (what takes part)
#   fleet.png             the Fleet tab after Run (the simulation of the bundled fleet scenario)
#   boards.png            the Boards tab connected to this machine
# and it opens Help › User guide (F1) on the way.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZE="${1:-1366x768}"
OUT="${2:-$ROOT/docs/images}"
DISPLAY_NUMBER="${WALKTHROUGH_DISPLAY:-:97}"
W="${SIZE%x*}"
H="${SIZE#*x}"

for tool in Xvfb xdotool import; do
  command -v "$tool" >/dev/null || {
    echo "walkthrough: needs $tool (Debian: apt-get install xvfb xdotool imagemagick libgtk-3-0)" >&2
    exit 1
  }
done
mkdir -p "$OUT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/configspec-walkthrough.XXXXXX")"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

Xvfb "$DISPLAY_NUMBER" -screen 0 "${W}x${H}x24" -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
PIDS+=("$!")
export DISPLAY="$DISPLAY_NUMBER"
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.2; done

CONFIGSPEC_JAVA_OPTS="-Dconfigspec.userdir=$WORK/user ${CONFIGSPEC_JAVA_OPTS:-}" \
  "$ROOT/configspec" >"$WORK/explorer.log" 2>&1 &
PIDS+=("$!")
if ! xdotool search --sync --onlyvisible --name "ConfigSpec Explorer" >/dev/null 2>&1; then
  echo "walkthrough: the explorer window did not open; its log:" >&2
  cat "$WORK/explorer.log" >&2
  exit 1
fi
WINDOW="$(xdotool search --onlyvisible --name "ConfigSpec Explorer" | head -n 1)"

shot() { # $1 = file name; waits for the window to settle first
  sleep "${2:-3}"
  import -window root "$OUT/$1"
  echo "walkthrough: $OUT/$1"
}
key() { xdotool key --window "$WINDOW" "$@"; sleep 1; }
click() { xdotool mousemove "$1" "$2" click 1; sleep 1; }

# Where things are, from the window's default layout (MainWindow.MAIN_DIVIDERS: library to 18 %
# of the width, what-if sliders from 77.5 %). Rows are fixed heights under the menu bar (27 px);
# the bundled paper scenario raises no illustrative banner.
CENTRE_X=$((W * 180 / 1000))              # left edge of the centre column
RIGHT_X=$((W * 775 / 1000))               # left edge of the what-if column
TRACK_LEFT=$((RIGHT_X + 12))              # a what-if slider's track
TRACK_RIGHT=$((W - 13))              # (no scroll bar: the sliders fit at 768 px)
TV_Y=89                                   # the T_v slider's track
# T_v 0.5 s on its log scale from 0.01 s to 3 s: ln(50)/ln(300) = 0.686 of the track.
TV_X=$((TRACK_LEFT + (TRACK_RIGHT - TRACK_LEFT) * 686 / 1000))
TABS_Y=45                                 # the Library | Scenario tabs

# The window fills the screen (no window manager under Xvfb); the bundled scenario loads in the
# background, so give it time to draw its first chart.
xdotool windowsize "$WINDOW" "$W" "$H" windowmove "$WINDOW" 0 0
shot explorer.png 15

# The extra views first, while no "what moved" lines sit above the tabs (they push the tabs down).
# Fleet: open the tab (Ctrl+5; details and table fold to their tab strip), Run the bundled fleet
# scenario and wait for the charts (the simulation runs in the background; FLEET_SECONDS).
key ctrl+5
sleep 5
click $((CENTRE_X + 105)) 211             # "Run", beside "Open…" at the top of the fleet controls
shot fleet.png "${FLEET_SECONDS:-60}"

# Boards: connect to this machine (no agent needed): what it found, its sensors, the tiles.
key ctrl+6
sleep 4
click $((CENTRE_X + 538)) 173             # "This machine"
shot boards.png "${BOARDS_SECONDS:-20}"

# Back on the chart (Ctrl+1): the details open again.
key ctrl+1

# What if: drag the T_v thumb a little to the left, then two steps with the arrow key.
xdotool mousemove "$TV_X" "$TV_Y" mousedown 1 sleep 0.3 mousemove $((TV_X - 10)) "$TV_Y" sleep 0.3 \
  mousemove $((TV_X - 25)) "$TV_Y" sleep 0.3 mouseup 1
sleep 3
key Right Right
shot explorer-what-if.png 5

# Scenario tab (what takes part), then back to the library and to the scenario's values.
click 93 "$TABS_Y"
shot explorer-scenario.png 2
click 33 "$TABS_Y"
key ctrl+r

# Help › User guide (F1) opens and closes (not kept: it shows the screenshots above).
key F1
sleep 5
import -window root "$WORK/user-guide.png"
key ctrl+w 2>/dev/null || true

echo "walkthrough: done; look at every screenshot in $OUT before committing them."
