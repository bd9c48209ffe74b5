#!/usr/bin/env bash
# The agent package's systemd unit under a real systemd (issue 13, acceptance 3): boots a clean
# Debian root with systemd as PID 1 in a container (systemd-nspawn --boot, private network),
# installs the agent .deb there, and runs `systemctl start` / `systemctl stop` on its unit. Run as
# root after installers/check.sh (it reuses that script's pristine root and the packages in
# installers/target/dist). Opt-in: neither `./mvnw verify` nor CI runs it.
#
# Checks: the unit starts (active), its ExecStartPre made a token file of mode 0600 owned by the
# agent's user, the agent runs as that user with no_new_privs and listens on loopback only, 401
# without the token and 200 with it, `systemctl stop` ends it (inactive, port closed), a second
# start keeps the same token. Prints what it saw; stops at the first failure.
# Environment: CHECK_ROOT (default /var/tmp/configspec-check, as check.sh).
set -euo pipefail
CHECK_NAME=check-systemd
# shellcheck source=check-common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/check-common.sh"
PRISTINE="$CHECK_ROOT/pristine"
CROOT="$CHECK_ROOT/nspawn"
DEB="$DIST/$NAME-agent_${VERSION}_amd64.deb"
[ "$(id -u)" = 0 ] || fail "run as root"
command -v systemd-nspawn >/dev/null || fail "needs systemd-nspawn (apt-get install systemd-container)"
[ -f "$PRISTINE/etc/debian_version" ] || fail "no clean root at $PRISTINE (run installers/check.sh first)"
[ -f "$DEB" ] || fail "no $DEB (installers/package.sh agent)"
NSPAWN=""
cleanup() {
  if [ -n "$NSPAWN" ] && kill -0 "$NSPAWN" 2>/dev/null; then
    in_container systemctl poweroff 2>/dev/null || kill "$NSPAWN" 2>/dev/null || true
  fi
}
trap cleanup EXIT

say "load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
rm -rf "$CROOT"
cp -a "$PRISTINE" "$CROOT"
cp /etc/resolv.conf "$CROOT/etc/resolv.conf"
cp /etc/apt/sources.list.d/debian.sources "$CROOT/etc/apt/sources.list.d/" 2>/dev/null && rm -f "$CROOT/etc/apt/sources.list"
cp /etc/apt/apt.conf.d/99* "$CROOT/etc/apt/apt.conf.d/" 2>/dev/null || true
cp "$DEB" "$CROOT/tmp/"
mount -t proc proc "$CROOT/proc"
in_root() { chroot "$CROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root DEBIAN_FRONTEND=noninteractive "$@"; }
if ! {
  in_root apt-get update -q && in_root apt-get install -y -q --no-install-recommends systemd systemd-sysv dbus iproute2 curl &&
    in_root apt-get install -y -q "/tmp/$(basename "$DEB")"
} >"$TARGET/systemd-apt.log" 2>&1; then
  umount "$CROOT/proc"
  fail "installing systemd and the agent in the root: $(tail -n 3 "$TARGET/systemd-apt.log")"
fi
umount "$CROOT/proc"
# The board's Java 25 runtime: this JDK, bound read-only at /opt/jdk-25.
sed -i 's|^#JAVA_HOME=.*|JAVA_HOME=/opt/jdk-25|' "$CROOT/etc/default/configspec-agent"
mkdir -p "$CROOT/opt/jdk-25"
# Installed enabled; disabled here so that the start below is `systemctl start`'s, not the boot's.
rm -f "$CROOT/etc/systemd/system/multi-user.target.wants/configspec-agent.service"
echo configspec-check >"$CROOT/etc/hostname"

# --register=no --keep-unit: no machined or host systemd bus needed (the host's PID 1 need not be
# systemd); --private-network: the agent's loopback is the container's own.
systemd-nspawn -D "$CROOT" --boot --register=no --keep-unit --private-network --machine=configspec-check \
  --bind-ro="$JDK:/opt/jdk-25" >"$TARGET/nspawn.log" 2>&1 &
NSPAWN=$!
init=""
for _ in $(seq 1 60); do
  init="$(pgrep -P "$NSPAWN" | head -n 1 || true)"
  [ -n "$init" ] && [ "$(cat "/proc/$init/comm" 2>/dev/null)" = systemd ] && break
  sleep 1
done
[ -n "$init" ] || fail "the container did not boot: $(tail -n 5 "$TARGET/nspawn.log")"
in_container() { nsenter -t "$init" -a /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"; }
for _ in $(seq 1 60); do
  state="$(in_container systemctl is-system-running 2>/dev/null || true)"
  [ "$state" = running ] || [ "$state" = degraded ] && break
  sleep 1
done
say "container booted: PID 1 is $(in_container cat /proc/1/comm), system $state, $(in_container dpkg -s "$NAME-agent" | grep '^Status')"

in_container systemctl start "$NAME-agent" || fail "systemctl start: $(in_container systemctl status "$NAME-agent" --no-pager 2>&1 | tail -n 5)"
for _ in $(seq 1 120); do
  in_container ss -ltn | grep ':7878 ' >/dev/null && break
  in_container systemctl is-active -q "$NAME-agent" || fail "the agent stopped: $(in_container journalctl -u "$NAME-agent" --no-pager | tail -n 5)"
  sleep 1
done
in_container systemctl status "$NAME-agent" --no-pager -n 9 | cut -c 1-150 | sed 's/^/   /' >&2
tok="/var/lib/$NAME-agent/token"
say "systemctl start: $(in_container systemctl is-active "$NAME-agent"); token $(in_container stat -c '%A %U:%G %s bytes' "$tok")"
[ "$(in_container stat -c '%a %U' "$tok")" = "600 $NAME-agent" ] || fail "token file is not mode 600 owned by $NAME-agent"
main="$(in_container systemctl show -p MainPID --value "$NAME-agent")"
say "main process $main: $(in_container grep -E '^(Uid|NoNewPrivs)' "/proc/$main/status" | tr -s '\t\n' '  ')"
listen="$(in_container ss -ltn | grep ':7878 ')"
say "listening: $listen"
grep -q '127\.0\.0\.1\]\?:7878' <<<"$listen" || fail "not on loopback"
grep -q '0.0.0.0:7878\|\[::\]:7878\|\*:7878' <<<"$listen" && fail "listening beyond loopback"
without="$(in_container curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:7878/api/v1/info)"
with="$(in_container sh -c "curl -s -o /dev/null -w '%{http_code}' -H \"Authorization: Bearer \$(cat $tok)\" http://127.0.0.1:7878/api/v1/info")"
say "GET /api/v1/info: $without without the token, $with with it"
[ "$without" = 401 ] && [ "$with" = 200 ] || fail "expected 401 and 200"
first="$(in_container sha256sum "$tok")"
start=$(date +%s%N)
in_container systemctl stop "$NAME-agent" || fail "systemctl stop"
stop_ms=$((($(date +%s%N) - start) / 1000000))
in_container ss -ltn | grep ':7878 ' >/dev/null && fail "still listening after systemctl stop"
say "systemctl stop: $(in_container systemctl is-active "$NAME-agent" || true) after $stop_ms ms, port closed; $(in_container journalctl -u "$NAME-agent" --no-pager -n 1 -o cat)"
in_container systemctl start "$NAME-agent" || fail "second systemctl start"
[ "$(in_container sha256sum "$tok")" = "$first" ] || fail "the second start replaced the token"
in_container systemctl stop "$NAME-agent"
say "second start kept the token; stopped again. All checks passed."
