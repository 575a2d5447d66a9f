#!/usr/bin/env bash
# Debian packages the platform and its tests need: Chromium for browser tests (never a downloaded
# browser), Pango/HarfBuzz for WeasyPrint PDFs, fonts with CJK glyphs (wqy) and the other scripts of
# defenders' names (Noto: Arabic, Thai, Devanagari, Burmese...), gettext, ICU for followthemoney.
set -euo pipefail
packages=(chromium fonts-dejavu-core fonts-wqy-microhei fonts-noto-core libpango-1.0-0 libpangoft2-1.0-0
          libharfbuzz-subset0 gettext libicu-dev pkg-config g++ poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then SUDO=sudo; else SUDO=; fi
echo "installing Debian packages: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
