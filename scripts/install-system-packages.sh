#!/usr/bin/env bash
# Installs the Debian packages the platform needs, only when something is missing.
set -euo pipefail

needed=()
command -v msgfmt >/dev/null 2>&1 || needed+=(gettext)

if [ ${#needed[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
echo "Installing Debian packages: ${needed[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${needed[@]}" >/dev/null
