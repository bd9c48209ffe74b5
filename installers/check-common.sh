#!/usr/bin/env bash
# Sourced by check.sh and check-systemd.sh, never run: package.sh's names and paths (ROOT, TARGET,
# DIST, NAME, VERSION), the clean Debian root both checks use, and their say/fail. A check sets
# CHECK_NAME (the prefix of what it says) and, to keep a report, CHECK_REPORT before sourcing this.
# shellcheck source=package.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/package.sh"
CHECK_ROOT="${CHECK_ROOT:-/var/tmp/configspec-check}"
say() { echo "$CHECK_NAME: $*" | tee -a "${CHECK_REPORT:-/dev/null}" >&2; }
fail() {
  say "FAILED: $*"
  exit 1
}
