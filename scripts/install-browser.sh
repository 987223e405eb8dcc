#!/usr/bin/env bash
# Installs what the browser tests need, and nothing when it is already there:
#   - Debian's chromium (Playwright drives it through executable_path; Playwright's own
#     browser download is not used),
#   - axe-core from the npm registry (pinned in package.json / package-lock.json), which the
#     accessibility tests inject into the pages.
set -euo pipefail

cd "$(dirname "$0")/.."

needed=()
command -v chromium >/dev/null 2>&1 || needed+=(chromium)
command -v npm >/dev/null 2>&1 || needed+=(npm)

if [ ${#needed[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
  else
    SUDO=
  fi
  echo "Installing Debian packages for the browser tests: ${needed[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${needed[@]}" >/dev/null
fi

# node_modules is rebuilt only when it is missing or older than the lock file.
if [ ! -f node_modules/axe-core/axe.min.js ] || [ package-lock.json -nt node_modules ]; then
  echo "Installing axe-core from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi
