#!/usr/bin/env bash
# Installs what the browser tests need, and nothing when it is already there:
#   - Debian's chromium (Playwright drives it through executable_path; Playwright's own
#     browser download is not used),
#   - axe-core from the npm registry (pinned in package.json / package-lock.json), which the
#     accessibility tests inject into the pages,
#   - the Nu HTML Checker (vnu-jar, same lock) and Debian's headless Java runtime that runs it.
set -euo pipefail

cd "$(dirname "$0")/.."

needed=()
command -v chromium >/dev/null 2>&1 || needed+=(chromium)
command -v npm >/dev/null 2>&1 || needed+=(npm)
command -v java >/dev/null 2>&1 || needed+=(default-jre-headless)

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
if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] \
    || [ package-lock.json -nt node_modules ]; then
  echo "Installing axe-core and vnu-jar from package-lock.json"
  # vnu-jar's install script would fetch a Java runtime of its own: Debian's is used instead.
  npm ci --no-audit --no-fund --loglevel=error --ignore-scripts
  touch node_modules
fi
