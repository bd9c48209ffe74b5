#!/usr/bin/env bash
# Checks what installers/package.sh makes, end to end, on Linux (issue 13). Run as root (it
# installs into a throw-away Debian root with chroot). Opt-in: neither `./mvnw verify` nor CI runs it.
#
#   installers/check.sh [--reuse]     --reuse: check the packages already in installers/target/dist
#
# 1. packages: app image, .deb, agent packages (package.sh app-image deb agent; the CDS training
#    run of the explorer uses the Xvfb display below)
# 2. app image: sizes, runtime modules, `configspec recommend --scenario …` with no display, the
#    CDS archive maps (-Xshare:on), the explorer opens under Xvfb (screenshot
#    docs/images/installed-explorer.png), cold start to the first chart frame (5 runs, median)
# 3. .deb: control fields and contents, then installed with apt-get into a clean Debian root
#    (debootstrap --variant=minbase bookworm, kept in $CHECK_ROOT for the next run and refreshed
#    from a pristine copy), where `configspec recommend` runs and the explorer opens
# 4. agent: per architecture, no JavaFX and only that architecture's natives; in the clean root the
#    x86-64 .deb is installed (user, unit, udev rule), the unit is checked by systemd-analyze verify,
#    and — systemd is not PID 1 here — its ExecStartPre/ExecStart are run as the unit says (its user,
#    groups, umask, environment file, no_new_privs): token made with mode 0600, agent on loopback
#    only, 401 without the token, 200 with it, SIGTERM stops it with a status the unit counts as
#    success. Each step prints what it saw; the script stops at the first failure.
# Environment: CHECK_DISPLAY (default 107), CHECK_ROOT (default /var/tmp/configspec-check).
set -euo pipefail
# A test on a pipeline reads all its input ("| grep X >/dev/null", never "| grep -q X"): grep -q
# stops at the first match and, with pipefail, the writer's SIGPIPE would fail the pipeline.
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CHECK_NAME=check
CHECK_REPORT="$HERE/target/check-report.txt"
# shellcheck source=check-common.sh
source "$HERE/check-common.sh"
REPORT="$CHECK_REPORT"
DISPLAY_NUMBER="${CHECK_DISPLAY:-107}"
SHOT="$ROOT/docs/images/installed-explorer.png"
mkdir -p "$TARGET"
: >"$REPORT"
PIDS=()
MOUNTS=()
cleanup() {
  local p m
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for ((m = ${#MOUNTS[@]} - 1; m >= 0; m--)); do umount -l "${MOUNTS[$m]}" 2>/dev/null || true; done
}
trap cleanup EXIT
[ "$(id -u)" = 0 ] || fail "run as root (chroot, dpkg, setpriv)"
for tool in Xvfb xdotool import dpkg-deb fakeroot zip debootstrap setpriv systemd-analyze curl ss; do
  command -v "$tool" >/dev/null || fail "needs $tool (apt-get install -y xvfb xdotool imagemagick dpkg-dev fakeroot zip debootstrap util-linux systemd curl iproute2)"
done

# ---------------------------------------------------------------------------------------------
say "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
Xvfb ":$DISPLAY_NUMBER" -screen 0 1366x768x24 -nolisten tcp >"$TARGET/xvfb.log" 2>&1 &
PIDS+=($!)
export DISPLAY=":$DISPLAY_NUMBER"
sleep 2

if [ "${1:-}" != --reuse ]; then
  say "1. packaging (package.sh app-image deb agent)"
  start=$(date +%s)
  bash "$HERE/package.sh" app-image deb agent 2>&1 | tee "$TARGET/package.log" >&2
  say "   packaging took $(($(date +%s) - start)) s wall"
fi
IMAGE="$DIST/$NAME"
APPDIR="$IMAGE/lib/app"
DEB="$(ls "$DIST"/${NAME}_*.deb)"
[ -x "$IMAGE/bin/$NAME" ] || fail "no app image at $IMAGE"

# ---------------------------------------------------------------------------------------------
say "2. app image $IMAGE"
say "   size: $(du -sh "$IMAGE" | cut -f1) (runtime $(du -sh "$IMAGE/lib/runtime" | cut -f1), jars+samples $(du -sh --exclude '*.jsa' "$APPDIR" | cut -f1), CDS archive $(du -h "$APPDIR/$NAME.jsa" | cut -f1))"
say "   runtime modules: $(tr '\n' ' ' <"$IMAGE/lib/runtime/release" | sed -n 's/.*MODULES="\([^"]*\)".*/\1/p')"
ls "$APPDIR" | grep '^javafx' >/dev/null && fail "JavaFX jars on the class path (should be in the runtime)"
version="$(env -u DISPLAY "$IMAGE/bin/$NAME" --version)"
say "   configspec --version: $version"
SCENARIO="$APPDIR/samples/scenarios/configspec-paper.json"
out="$(env -u DISPLAY -u XAUTHORITY "$IMAGE/bin/$NAME" recommend --scenario "$SCENARIO")" || fail "recommend exited $?"
echo "$out" >"$TARGET/recommend.out"
grep -qi goodput <<<"$out" || fail "recommend printed no goodput: $out"
say "   recommend with no display: exit 0, $(wc -l <<<"$out") lines; first: $(head -n 1 <<<"$out")"
mapfile -t ARGS < <(launcher_command)
"$IMAGE/lib/runtime/bin/java" "${ARGS[@]}" -Xshare:on -Xlog:cds=info -Djava.awt.headless=true \
  io.configspec.app.Main --version >"$TARGET/cds.out" 2>&1 || fail "the CDS archive does not map (-Xshare:on): $(tail -n 5 "$TARGET/cds.out")"
say "   CDS archive maps with -Xshare:on: $(grep -m1 -o 'Opened shared archive file [^ ]*configspec.jsa' "$TARGET/cds.out" || echo "not the app's archive")"
grep -q 'Opened shared archive file .*configspec.jsa' "$TARGET/cds.out" || fail "the launcher does not map configspec.jsa"
# How many classes the launcher really takes from the archive (JAVA_TOOL_OPTIONS come before the
# .cfg's options; the .cfg switches cds logging off, not class+load).
shared_classes() { # $1 = class-load log
  echo "$(grep -c 'source: shared objects file' "$1") of $(grep -c 'source:' "$1") classes from the archive, $(grep 'source: shared objects file' "$1" | grep -c ' io\.configspec\.') of them the app's"
}
env -u DISPLAY JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$TARGET/classload.txt" "$IMAGE/bin/$NAME" recommend --scenario "$SCENARIO" >/dev/null 2>&1
say "   recommend through the launcher: $(shared_classes "$TARGET/classload.txt")"

USERDIR="$(mktemp -d)"
JAVA_TOOL_OPTIONS="-Dconfigspec.userdir=$USERDIR -Dconfigspec.startupTiming=true" "$IMAGE/bin/$NAME" >"$TARGET/explorer.out" 2>&1 &
app=$!
PIDS+=("$app")
# The app prints "first chart frame" once the chart has drawn the scenario (startupTiming).
for _ in $(seq 1 180); do
  grep -q 'first chart frame' "$TARGET/explorer.out" && break
  sleep 1
done
grep -q 'first chart frame' "$TARGET/explorer.out" || fail "no chart frame after 180 s: $(tail -n 5 "$TARGET/explorer.out")"
xdotool search --onlyvisible --name 'ConfigSpec' >/dev/null 2>&1 || fail "no visible window titled ConfigSpec"
sleep 3
import -window root "$SHOT"
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
say "   explorer window under Xvfb: screenshot $SHOT"

say "   cold start, installed app (JAVA_TOOL_OPTIONS=-Dconfigspec.startupTiming/exitAfterFirstFrame), 5 runs:"
cold_start() { # $1 label, rest: command
  local label="$1" shown=() frame=() i o s f
  shift
  for i in 1 2 3 4 5; do
    o="$(JAVA_TOOL_OPTIONS="-Dconfigspec.startupTiming=true -Dconfigspec.exitAfterFirstFrame=true -Dconfigspec.userdir=$USERDIR" "$@" 2>&1 || true)"
    s="$(sed -n 's/.*window shown after \([0-9]*\) ms.*/\1/p' <<<"$o" | head -n 1)"
    f="$(sed -n 's/.*first chart frame after \([0-9]*\) ms.*/\1/p' <<<"$o" | head -n 1)"
    [ -n "$f" ] || fail "$label: no first-frame line: $(tail -n 5 <<<"$o")"
    shown+=("$s")
    frame+=("$f")
  done
  median() { printf '%s\n' "$@" | sort -n | sed -n 3p; }
  say "   $label: window shown ${shown[*]} ms (median $(median "${shown[@]}")), first chart frame ${frame[*]} ms (median $(median "${frame[@]}")), load $(cut -d' ' -f1 /proc/loadavg)"
}
cold_start "with the packaged CDS archive" "$IMAGE/bin/$NAME"
mapfile -t NOCDS < <(printf '%s\n' "${ARGS[@]}" | grep -v -e '^-XX:SharedArchiveFile=' -e '^-Xshare:auto$')
cold_start "without it (runtime's JDK archive only)" "$IMAGE/lib/runtime/bin/java" "${NOCDS[@]}" io.configspec.app.Main

# ---------------------------------------------------------------------------------------------
say "3. .deb $DEB ($(du -h "$DEB" | cut -f1))"
dpkg-deb -f "$DEB" Package Version Architecture Depends Installed-Size | sed 's/^/   /' | tee -a "$REPORT" >&2
dpkg-deb -f "$DEB" Depends | grep libgtk-3-0 >/dev/null || fail "Depends lacks libgtk-3-0"
dpkg-deb -c "$DEB" >"$TARGET/deb-contents.txt"
for f in ./opt/$NAME/bin/$NAME ./opt/$NAME/lib/$NAME.png ./opt/$NAME/lib/app/$NAME.jsa ./opt/$NAME/lib/$NAME-$NAME.desktop; do
  grep -q " $f\$" "$TARGET/deb-contents.txt" || fail "the .deb has no $f"
done
say "   contents: launcher, icon, desktop entry, CDS archive present ($(wc -l <"$TARGET/deb-contents.txt") entries)"
# The natives JavaFX extracts at run time: every library they need must come from Depends.
fxlibs="$(mktemp -d)"
for j in "$ROOT"/app/target/javafx/javafx-*-linux.jar; do unzip -q -o "$j" '*.so' -d "$fxlibs" 2>/dev/null || true; done
missing="$(find "$fxlibs" -name '*.so' -exec ldd {} \; | awk '/not found/ {print $1}' | sort -u | tr '\n' ' ')"
say "   JavaFX natives' libraries not found on this host: ${missing:-none}"

PRISTINE="$CHECK_ROOT/pristine"
CROOT="$CHECK_ROOT/root"
if [ ! -f "$PRISTINE/etc/debian_version" ]; then
  say "   making a clean Debian root (debootstrap --variant=minbase bookworm)..."
  debootstrap --variant=minbase bookworm "$PRISTINE" http://deb.debian.org/debian >"$TARGET/debootstrap.log" 2>&1 ||
    fail "debootstrap failed: $(tail -n 3 "$TARGET/debootstrap.log")"
fi
rm -rf "$CROOT"
cp -a "$PRISTINE" "$CROOT"
cp /etc/resolv.conf "$CROOT/etc/resolv.conf"
cp /etc/apt/sources.list.d/debian.sources "$CROOT/etc/apt/sources.list.d/" 2>/dev/null && rm -f "$CROOT/etc/apt/sources.list"
cp /etc/apt/apt.conf.d/99* "$CROOT/etc/apt/apt.conf.d/" 2>/dev/null || true
mount -t proc proc "$CROOT/proc" && MOUNTS+=("$CROOT/proc")
mount --bind /dev "$CROOT/dev" && MOUNTS+=("$CROOT/dev")
mount -t sysfs sys "$CROOT/sys" && MOUNTS+=("$CROOT/sys")
mkdir -p "$CROOT/tmp/.X11-unix"
mount --bind /tmp/.X11-unix "$CROOT/tmp/.X11-unix" && MOUNTS+=("$CROOT/tmp/.X11-unix")
cp "$DEB" "$CROOT/tmp/"
in_root() { chroot "$CROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
say "   clean root: $(cat "$CROOT/etc/debian_version"), $(in_root dpkg -l | grep -c '^ii') packages; apt-get install ./$(basename "$DEB")..."
in_root apt-get update -q >"$TARGET/root-apt.log" 2>&1 || fail "apt-get update in the root: $(tail -n 3 "$TARGET/root-apt.log")"
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "/tmp/$(basename "$DEB")" >>"$TARGET/root-apt.log" 2>&1 ||
  fail "apt-get install of the .deb: $(tail -n 5 "$TARGET/root-apt.log")"
say "   installed with $(grep -o '[0-9]* newly installed' "$TARGET/root-apt.log" | tail -n 1) packages; $(in_root dpkg -s "$NAME" | grep -m1 '^Status')"
[ -L "$CROOT/usr/bin/$NAME" ] || fail "/usr/bin/$NAME missing after install"
desktop="$(find "$CROOT/usr/share/applications" -name "*$NAME*.desktop" | head -n 1)"
[ -n "$desktop" ] || fail "no desktop entry in /usr/share/applications"
say "   desktop entry ${desktop#"$CROOT"}: $(grep -E '^(Name|Exec|Icon)=' "$desktop" | tr '\n' ' ')"
grep -qx 'Name=ConfigSpec Explorer' "$desktop" || fail "the desktop entry's Name is not 'ConfigSpec Explorer'"
out="$(in_root "$NAME" recommend --scenario "/opt/$NAME/lib/app/samples/scenarios/configspec-paper.json")" || fail "recommend in the root"
say "   in the root, /usr/bin/$NAME recommend (no display): exit 0, $(wc -l <<<"$out") lines"
in_root env JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=/tmp/classload.txt" "$NAME" recommend \
  --scenario "/opt/$NAME/lib/app/samples/scenarios/configspec-paper.json" >/dev/null 2>&1
say "   in the root (app moved to /opt/$NAME): $(shared_classes "$CROOT/tmp/classload.txt")"
grep 'source: shared objects file' "$CROOT/tmp/classload.txt" | grep ' io\.configspec\.' >/dev/null || fail "the installed app does not use its CDS archive"
in_root env DISPLAY=":$DISPLAY_NUMBER" JAVA_TOOL_OPTIONS="-Dconfigspec.startupTiming=true -Dconfigspec.exitAfterFirstFrame=true" \
  "/opt/$NAME/bin/$NAME" >"$TARGET/root-explorer.out" 2>&1 || true
grep -q 'first chart frame' "$TARGET/root-explorer.out" || fail "the installed explorer did not draw its chart: $(tail -n 5 "$TARGET/root-explorer.out")"
say "   in the root, the installed explorer under Xvfb: $(grep -o 'window shown after [0-9]* ms\|first chart frame after [0-9]* ms' "$TARGET/root-explorer.out" | tr '\n' ' ')"
in_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -q "$NAME" >"$TARGET/root-remove.log" 2>&1 ||
  fail "apt-get remove $NAME: $(tail -n 5 "$TARGET/root-remove.log")"
[ -e "$CROOT/usr/bin/$NAME" ] || [ -e "$CROOT/opt/$NAME/bin/$NAME" ] || [ -e "$desktop" ] &&
  fail "apt-get remove left $(ls -d "$CROOT/usr/bin/$NAME" "$CROOT/opt/$NAME/bin/$NAME" "$desktop" 2>/dev/null | tr '\n' ' ')"
say "   apt-get remove $NAME: exit 0; /usr/bin/$NAME, /opt/$NAME and the desktop entry are gone"

# ---------------------------------------------------------------------------------------------
say "4. agent packages"
for arch in x86_64 aarch64; do
  tgz="$DIST/$NAME-agent-$VERSION-linux-$arch.tar.gz"
  case "$arch" in x86_64) debarch=amd64 ort=linux-x64 ;; aarch64) debarch=arm64 ort=linux-aarch64 ;; esac
  adeb="$DIST/$NAME-agent_${VERSION}_$debarch.deb"
  [ -f "$tgz" ] && [ -f "$adeb" ] || fail "missing agent package for $arch"
  listing="$(tar -tzf "$tgz")"
  grep -qi 'javafx\|controlsfx\|tilesfx' <<<"$listing" && fail "$tgz contains JavaFX"
  x="$(mktemp -d)"
  tar -xzf "$tgz" -C "$x"
  lib="$(echo "$x"/*/lib)"
  unzip -l "$lib/configspec-cli.jar" | grep 'io/configspec/app/explorer/' >/dev/null && fail "explorer classes in the agent's jar"
  natives="$(unzip -l "$lib"/onnxruntime-*.jar | awk '/native\/.*\.(so|dylib|dll)$/ {print $4}' | tr '\n' ' ')"
  tok="$(unzip -l "$lib"/tokenizers-*.jar | awk '/native\/lib\/.*\.(so|dylib|dll)$/ {print $4}' | tr '\n' ' ')"
  grep -q "native/$ort/libonnxruntime.so" <<<"$natives" || fail "$arch: no $ort ONNX Runtime library"
  [ "$(wc -w <<<"$natives")" = 2 ] || fail "$arch: other platforms' natives left: $natives"
  say "   $arch: $(basename "$tgz") $(du -h "$tgz" | cut -f1), $(basename "$adeb") $(du -h "$adeb" | cut -f1) (arch $(dpkg-deb -f "$adeb" Architecture)), unpacked $(du -sh "$x" | cut -f1); natives: $natives$tok"
  rm -rf "$x"
done

adeb="$DIST/$NAME-agent_${VERSION}_amd64.deb"
cp "$adeb" "$CROOT/tmp/"
# A Java 25 runtime in the root, as a board would have one (Temurin's tarball in /opt).
mkdir -p "$CROOT/opt/jdk-25"
mount --bind -o ro "$JDK" "$CROOT/opt/jdk-25" && MOUNTS+=("$CROOT/opt/jdk-25")
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "/tmp/$(basename "$adeb")" >"$TARGET/root-agent-apt.log" 2>&1 ||
  fail "apt-get install of the agent .deb: $(tail -n 5 "$TARGET/root-agent-apt.log")"
sed -i 's|^#JAVA_HOME=.*|JAVA_HOME=/opt/jdk-25|' "$CROOT/etc/default/configspec-agent"
say "   agent .deb installed in the root: user $(in_root id configspec-agent), unit $(ls "$CROOT/lib/systemd/system/configspec-agent.service" | sed "s|$CROOT||"), udev rule $(ls "$CROOT"/lib/udev/rules.d/60-configspec-agent-power.rules | sed "s|$CROOT||")"
UNIT="$CROOT/lib/systemd/system/configspec-agent.service"
# systemd-analyze verify checks the unit's syntax, the ExecStart binaries and the user in this
# (host) system, so it runs on a copy whose paths point into the root.
vdir="$(mktemp -d)"
sed "s|/opt/configspec-agent/|$CROOT/opt/configspec-agent/|g" "$UNIT" >"$vdir/configspec-agent.service"
if systemd-analyze verify "$vdir/configspec-agent.service" >"$TARGET/analyze.out" 2>&1; then
  say "   systemd-analyze verify: no problems$(grep -v '^$' "$TARGET/analyze.out" | sed 's/^/; /' | tr -d '\n')"
else
  say "   systemd-analyze verify reported: $(tr '\n' ' ' <"$TARGET/analyze.out")"
  grep -qv 'configspec-agent.*user\|Failed to resolve user' "$TARGET/analyze.out" && fail "unit problems"
fi
systemd-analyze security --offline=yes "$vdir/configspec-agent.service" 2>/dev/null | tail -n 1 | sed 's/^/   systemd-analyze security: /' | tee -a "$REPORT" >&2 || true

# What systemd would do for `systemctl start` (systemd is not PID 1 in this sandbox, so nspawn
# cannot boot the root): read the unit, then run ExecStartPre and ExecStart under its User/Group,
# UMask, EnvironmentFile and NoNewPrivileges. The state directory is made as StateDirectory= does.
unit_value() { sed -n "s/^$1=//p" "$UNIT" | head -n 1; }
user="$(unit_value User)"
group="$(unit_value Group)"
umask_value="$(unit_value UMask)"
pre="$(unit_value ExecStartPre)"
start="$(unit_value ExecStart)"
state="/var/lib/$(unit_value StateDirectory)"
in_root install -d -m "$(unit_value StateDirectoryMode)" -o "$user" -g "$group" "$state"
uid="$(in_root id -u "$user")"
gid="$(in_root getent group "$group" | cut -d: -f3)"
groups="$(in_root id -G "$user" | tr ' ' ',')"
run_as_unit() { # $1 = command line from the unit
  chroot "$CROOT" /usr/bin/setpriv --reuid="$uid" --regid="$gid" --groups="$groups" --no-new-privs \
    /bin/sh -c "umask $umask_value; set -a; . /etc/default/configspec-agent; set +a; export HOME=$state; cd $state; exec $1"
}
run_as_unit "$pre" || fail "ExecStartPre failed"
tokfile="$state/token"
say "   ExecStartPre made $tokfile: $(in_root stat -c '%A %U:%G %s bytes' "$tokfile")"
[ "$(in_root stat -c '%a %U' "$tokfile")" = "600 $user" ] || fail "token file is not mode 600 owned by $user"
first_token="$(cat "$CROOT$tokfile")"
run_as_unit "$pre"
[ "$(cat "$CROOT$tokfile")" = "$first_token" ] || fail "a second start replaced the token"
run_as_unit "$start" >"$TARGET/agent.out" 2>&1 &
agent=$!
PIDS+=("$agent")
for _ in $(seq 1 120); do
  grep -q 'Stop with Ctrl-C' "$TARGET/agent.out" && break
  kill -0 "$agent" 2>/dev/null || fail "the agent exited: $(tail -n 5 "$TARGET/agent.out")"
  sleep 1
done
grep -q 'Stop with Ctrl-C' "$TARGET/agent.out" || fail "the agent did not start in 120 s"
sed 's/^/   agent: /' "$TARGET/agent.out" | tee -a "$REPORT" >&2
listen="$(ss -ltnp | grep ':7878 ' || true)"
say "   listening sockets on 7878: $listen"
grep -q '127\.0\.0\.1\]\?:7878' <<<"$listen" || fail "not on loopback"
grep -q '0.0.0.0:7878\|\[::\]:7878\|\*:7878' <<<"$listen" && fail "listening beyond loopback"
jpid="$(pgrep -P "$agent" java || pgrep -f 'io.configspec.app.Main agent' | head -n 1)"
say "   agent process: $(ps -o user=,pid=,args= -p "$jpid" | cut -c 1-100)…; NoNewPrivs $(awk '/NoNewPrivs/ {print $2}' "/proc/$jpid/status")"
code="$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:7878/api/v1/info)"
[ "$code" = 401 ] || fail "no token: expected 401, got $code"
code="$(curl -s -o "$TARGET/agent-info.json" -w '%{http_code}' -H "Authorization: Bearer $first_token" http://127.0.0.1:7878/api/v1/info)"
[ "$code" = 200 ] || fail "with the token: expected 200, got $code"
say "   GET /api/v1/info: 401 without the token, 200 with it ($(head -c 160 "$TARGET/agent-info.json")…)"
# systemctl stop = SIGTERM to the main process (KillSignal), then wait TimeoutStopSec.
stop_start=$(date +%s%N)
kill -TERM "$jpid"
status=0
wait "$agent" || status=$?
stop_ms=$((($(date +%s%N) - stop_start) / 1000000))
ok_status="$(unit_value SuccessExitStatus)"
[ "$status" = 0 ] || [ "$status" = "$ok_status" ] || fail "SIGTERM: exit status $status (the unit accepts 0 and $ok_status)"
ss -ltn | grep ':7878 ' >/dev/null && fail "still listening after SIGTERM"
say "   SIGTERM (systemctl stop): exited with status $status in $stop_ms ms (the unit's SuccessExitStatus=$ok_status), port closed"
say "all checks passed; report in $REPORT"
