#!/usr/bin/env bash
# Installs the Debian packages the platform needs, only when something is missing.
set -euo pipefail

needed=()
command -v msgfmt >/dev/null 2>&1 || needed+=(gettext)
# Voikko: Finnish base forms and compound parts for the embedded search (search.analysis).
ldconfig -p 2>/dev/null | grep 'libvoikko\.so\.1' >/dev/null || needed+=(libvoikko1)
dpkg -s voikko-fi >/dev/null 2>&1 || needed+=(voikko-fi)

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
# Without them the site still works: the search falls back to the Snowball stemmer.
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${needed[@]}" >/dev/null \
  || echo "Could not install ${needed[*]}; the search uses its Snowball fallback." >&2
