#!/bin/sh
# Installs the Debian packages named in $PKGS that are not installed yet. An entry
# PKG=CMD is also satisfied by a command CMD on the PATH (Node.js and npm installed
# from elsewhere conflict with Debian's packages).
# As root it runs apt-get; otherwise through sudo when that works without a
# password prompt; otherwise it prints the exact command and fails.
set -eu
missing=""
for entry in $PKGS; do
  p=${entry%%=*}
  cmd=${entry#*=}
  if [ "$cmd" != "$entry" ] && command -v "$cmd" >/dev/null 2>&1; then
    continue
  fi
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  case "$status" in
    *" installed") ;;
    *) missing="$missing $p" ;;
  esac
done
[ -z "$missing" ] && exit 0
echo "make deps: installing:$missing"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  echo "make deps: these packages are missing; install them with:" >&2
  echo "  sudo apt-get install -y$missing" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
