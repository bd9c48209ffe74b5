#!/bin/sh
# Installs the unpacked ConfigSpec board agent as a systemd service (run as root from this folder):
#   ./install.sh [--no-start]     install (or update) and start
#   ./install.sh --uninstall      stop and remove (keeps /var/lib/configspec-agent: token, twins)
# The same layout as the .deb: /opt/configspec-agent, user configspec-agent, the unit, a udev rule.
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
PREFIX=/opt/configspec-agent
[ "$(id -u)" = 0 ] || { echo "install.sh: run as root (sudo ./install.sh)" >&2; exit 1; }
systemd_running() { [ -d /run/systemd/system ]; }

if [ "${1:-}" = --uninstall ]; then
  if systemd_running; then systemctl disable --now configspec-agent.service 2>/dev/null || true; fi
  rm -f /etc/systemd/system/configspec-agent.service /etc/udev/rules.d/60-configspec-agent-power.rules \
    /usr/local/bin/configspec-agent
  rm -rf "$PREFIX"
  if systemd_running; then systemctl daemon-reload; fi
  echo "install.sh: removed (user configspec-agent, /etc/default/configspec-agent and /var/lib/configspec-agent are kept)"
  exit 0
fi

if ! getent passwd configspec-agent >/dev/null; then
  useradd --system --user-group --home-dir /var/lib/configspec-agent --no-create-home \
    --shell /usr/sbin/nologin --comment "ConfigSpec board agent" configspec-agent
fi
if getent group video >/dev/null; then usermod -a -G video configspec-agent; fi
rm -rf "$PREFIX.new"
mkdir -p "$PREFIX.new"
cp -r "$HERE/bin" "$HERE/lib" "$HERE/README" "$PREFIX.new/"
rm -rf "$PREFIX" && mv "$PREFIX.new" "$PREFIX"
ln -sf "$PREFIX/bin/configspec-agent" /usr/local/bin/configspec-agent
install -m 0644 "$HERE/configspec-agent.service" /etc/systemd/system/configspec-agent.service
install -m 0644 "$HERE/60-configspec-agent-power.rules" /etc/udev/rules.d/60-configspec-agent-power.rules
[ -f /etc/default/configspec-agent ] || install -m 0644 "$HERE/configspec-agent.default" /etc/default/configspec-agent
if systemd_running; then
  udevadm control --reload-rules 2>/dev/null && udevadm trigger --subsystem-match=powercap --action=add 2>/dev/null || true
  systemctl daemon-reload
  if [ "${1:-}" = --no-start ]; then
    systemctl enable configspec-agent.service
  else
    systemctl enable configspec-agent.service
    systemctl restart configspec-agent.service
    echo "install.sh: started; token: sudo cat /var/lib/configspec-agent/token; logs: journalctl -u configspec-agent"
  fi
else
  echo "install.sh: installed; systemd is not running here, start the agent with: configspec-agent --token-file FILE"
fi
