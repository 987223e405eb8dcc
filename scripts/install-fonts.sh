#!/usr/bin/env bash
# Puts the site's typeface into its static files: Source Sans 3 (variable weight, SIL Open
# Font License) from the npm registry, pinned in package.json / package-lock.json. Only the
# latin and latin-ext woff2 files (Finnish, Swedish, English and the Sámi letters) are
# copied, into site/static/fonts/, which git ignores. `make run`, `make test` and the
# production build (`make fonts` before collectstatic) run this; it does nothing when the files are there.
set -euo pipefail

cd "$(dirname "$0")/.."

package=node_modules/@fontsource-variable/source-sans-3
target=site/static/fonts

if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  echo "Installing Debian's npm for the site's typeface"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq npm >/dev/null
fi

# node_modules is rebuilt only when it is missing or older than the lock file.
if [ ! -d "$package/files" ] || [ package-lock.json -nt node_modules ]; then
  echo "Installing the npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi

mkdir -p "$target"
for subset in latin latin-ext; do
  for style in normal italic; do
    file="source-sans-3-$subset-wght-$style.woff2"
    if [ ! -f "$target/$file" ] || [ "$package/files/$file" -nt "$target/$file" ]; then
      cp "$package/files/$file" "$target/$file"
    fi
  done
done
cp -p "$package/LICENSE" "$target/LICENSE-source-sans-3.txt"
