#!/usr/bin/env bash
# Counts the public items `cargo doc` documents for the himkit crate (structs, enums, functions,
# constants, traits, type aliases, macros), each once: rustdoc's redirect pages for items
# re-exported from private modules are not counted. `--list` prints them.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf target/doc/himkit
cargo doc --quiet --no-deps -p himkit
cd target/doc/himkit
items=$(find . -name '*.html' | grep -E '/(struct|enum|fn|constant|trait|type|macro)\.[^/]+\.html$' | sort |
  while read -r page; do grep -q 'http-equiv="refresh"' "$page" || echo "${page#./}"; done)
if [ "${1:-}" = "--list" ]; then echo "$items"; fi
echo "public items: $(echo "$items" | grep -c .)"
