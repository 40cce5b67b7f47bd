#!/usr/bin/env bash
# Writes the embedded geographic tables (data/geo) from the Census files: the 2021 Gazetteer's
# ZCTA internal points as published (copied), and the ZCTAs whose point lies in another state
# than their ZIP prefix's (scripts/geo/other_states.mjs); and the web page's map outlines
# (web/static/states.svg, with the points its projection test checks, by
# scripts/geo/states_svg.mjs). Both scripts use the npm packages pinned in
# scripts/geo/package.json. data/geo/zip_prefix_states.csv, the USPS prefix table, is kept by
# hand. Run from anywhere after the shared files change; the crate never reads ../shared itself.
#
#   scripts/embed_geo.sh [ZCTA_FILE]
#
# The default is ../shared/data/geo/zcta_centroids_2021.csv (set SHARED_DATA to read it from
# another checkout's shared data directory). Needs Node.js and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
zcta=${1:-${SHARED_DATA:-../shared/data}/geo/zcta_centroids_2021.csv}
cp "$zcta" data/geo/zcta_centroids_2021.csv
(cd scripts/geo && npm ci --silent --no-audit --no-fund)
node scripts/geo/other_states.mjs data/geo > data/geo/zcta_other_states.csv
node scripts/geo/states_svg.mjs .
