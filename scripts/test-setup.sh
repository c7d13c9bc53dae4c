#!/usr/bin/env bash
# Sets up what `npm test` needs beyond `npm ci`, on a fresh Debian machine:
#
# - Chromium (Debian's, never a browser downloaded by a tool): the component,
#   story and end-to-end tests run in it. Required.
# - PostgreSQL's server binaries: @kpikit/sql's tests start a throwaway
#   cluster on 127.0.0.1 beside PGlite. Optional: without them those suites
#   say SKIPPED.
# - A font with Traditional Chinese glyphs (Debian's fonts-noto-cjk), when
#   the machine has none: the widgets' zh-TW tests measure how their labels
#   wrap and cut, which a fallback font's empty boxes do not show. Required
#   where it can be installed; without root the script says so and goes on.
# - chDB (embedded ClickHouse) in ~/.cache/kpikit-chdb, beside the workspace:
#   its registry entry lists platform packages the registry lacks, so it cannot
#   be a workspace dependency without breaking `npm ci`. Optional, as above.
#
# What is present is left alone, so a set-up machine pays a few milliseconds.
# Installing needs root (or password-less sudo) for apt-get; without it, the
# script names the one command to run and, for the required browser, stops.
# KPIKIT_SKIP_SETUP=1 skips it all (e.g. CHROMIUM_PATH points elsewhere and
# the optional engines are not wanted).
set -uo pipefail

[ "${KPIKIT_SKIP_SETUP:-}" = 1 ] && exit 0

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
chdb_dir=${KPIKIT_CHDB_DIR:-$HOME/.cache/kpikit-chdb}
chdb_version=3.4.0

have_postgres() { compgen -G '/usr/lib/postgresql/*/bin/postgres' > /dev/null || [ -n "${KPIKIT_PG_URL:-}${KPIKIT_PG_BIN:-}" ]; }

need_chromium=$([ -x "$chromium" ] || echo yes)
need_postgresql=$(have_postgres || echo yes)
need_chdb=$([ -d "$chdb_dir/node_modules/chdb" ] || echo yes)
need_cjk_font=$(fc-list ':lang=zh-tw' 2> /dev/null | grep -q . || echo yes)

say() { echo "test-setup: $*"; }

if [ -n "$need_chromium$need_postgresql$need_cjk_font" ]; then
  as_root=()
  can_install=$(command -v apt-get > /dev/null && echo yes)
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo > /dev/null && sudo -n true 2> /dev/null; then as_root=(sudo -n); else can_install=''; fi
  fi
  packages="${need_chromium:+chromium }${need_cjk_font:+fonts-noto-cjk }${need_postgresql:+postgresql}"
  if [ -z "$can_install" ]; then
    if [ -n "$need_chromium" ]; then
      say "Chromium is missing at $chromium. Run: sudo apt-get install -y chromium (or set CHROMIUM_PATH), then npm test again."
      exit 1
    fi
    [ -n "$need_cjk_font" ] && say "No font has Traditional Chinese glyphs: the zh-TW label tests will fail. Run: sudo apt-get install -y fonts-noto-cjk"
    [ -n "$need_postgresql" ] && say "PostgreSQL's server is missing: its suites will be skipped. To run them: sudo apt-get install -y --no-install-recommends postgresql"
  else
    say "installing ${packages% } from Debian's packages"
    "${as_root[@]}" apt-get update -qq
    if [ -n "$need_chromium" ]; then
      "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium || {
        say "could not install chromium; the browser tests need it."
        exit 1
      }
    fi
    if [ -n "$need_cjk_font" ]; then
      "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-cjk || {
        say "could not install fonts-noto-cjk; the zh-TW label tests need a font with its glyphs."
        exit 1
      }
    fi
    if [ -n "$need_postgresql" ]; then
      if "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql; then
        # The package makes a cluster for itself (`main`, port 5432); nothing uses it.
        for cluster in /etc/postgresql/*/main; do
          [ -d "$cluster" ] && "${as_root[@]}" pg_dropcluster --stop "$(basename "$(dirname "$cluster")")" main
        done
      else
        say "could not install postgresql: its suites will be skipped."
      fi
    fi
  fi
fi

if [ -n "$need_chdb" ]; then
  say "installing chdb@$chdb_version into $chdb_dir"
  # Its one install script is `node -e ""`.
  npm install --no-save --no-package-lock --no-audit --no-fund --ignore-scripts --loglevel=error \
    --prefix "$chdb_dir" "chdb@$chdb_version" > /dev/null ||
    say "could not install chdb: the ClickHouse suites will be skipped."
fi
exit 0
