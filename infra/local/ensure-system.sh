#!/usr/bin/env bash
# Makes this machine able to build and test Latchkey: checks Node.js and installs, with
# the system package manager, only the Debian packages that are missing.
# Safe to run again: it does nothing when everything is present.
set -euo pipefail

need_node_major=20
need_node_minor=19
version=$(node -p 'process.versions.node' 2>/dev/null || true)
if [ -z "$version" ]; then
  echo "ensure-system: Node.js is not installed; install Node.js 20.19+ (or 22+) first." >&2
  exit 1
fi
major=${version%%.*}; rest=${version#*.}; minor=${rest%%.*}
if [ "$major" -lt "$need_node_major" ] || { [ "$major" -eq "$need_node_major" ] && [ "$minor" -lt "$need_node_minor" ]; }; then
  echo "ensure-system: Node.js $version is too old; Latchkey needs 20.19+ (or 22+)." >&2
  exit 1
fi

# Debian packages the tests and `npm start` use, as "command:package" pairs (chromium:
# the browser tests drive Debian's Chromium, never a downloaded browser).
wanted=("redis-server:redis-server" "chromium:chromium")
# PostgreSQL's tools are often off the PATH (/usr/lib/postgresql/N/bin).
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  wanted+=("initdb:postgresql")
fi
missing=()
for pair in "${wanted[@]}"; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "ensure-system: Node.js $version; nothing to install"
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-system: missing Debian packages: ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "ensure-system: installing ${missing[*]}"
DEBIAN_FRONTEND=noninteractive apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
