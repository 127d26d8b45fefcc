#!/usr/bin/env bash
# Debian packages the product and its tests need; installs only what is missing.
#   always: a CJK font, so charts in the briefing and screenshots show Chinese, not boxes; Chromium, which the
#           browser tests drive and which the benchmark's page timings use.
#   "test": also LibreOffice Writer and poppler, with which the tests turn the Word briefing into a PDF and check
#           that it embeds the CJK font and carries its Chinese text (issue #5).
# Usage: bash scripts/system-packages.sh [test]
set -euo pipefail
need=() extra=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
if [ "${1:-}" = test ]; then
  command -v libreoffice >/dev/null || extra+=(libreoffice-writer-nogui)
  command -v pdftotext >/dev/null || extra+=(poppler-utils)
fi
if [ $((${#need[@]} + ${#extra[@]})) -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  [ ${#need[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
  # Writer alone: its recommends would add Java and a hundred fonts the conversion does not use.
  [ ${#extra[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    "${extra[@]}" >/dev/null
fi
