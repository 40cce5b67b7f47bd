#!/usr/bin/env bash
# Writes the embedded BLS OEWS wage rows of the HIM occupations from the published files, with
# himkit's own OEWS reader (scripts/embed-wages): the all-industry national rows into
# data/oews_him_national.csv (replacing the rows of the same occupation, period and area, keeping
# the other years and the industry rows) and the state rows into data/oews_him_state.csv. Run
# from anywhere after the shared files change; the crate never reads ../shared itself. Running
# it again changes nothing.
#
#   scripts/embed_wages.sh [NATIONAL_FILE [STATE_FILE]]
#
# The defaults are the May 2024 files in ../shared/data/wages/ (see the README there; set
# SHARED_DATA to read them from another checkout's shared data directory). For the
# next BLS release, give its files, as published (national_M2025_dl.xlsx, state_M2025_dl.xlsx;
# the period comes from the file name): read from bls.gov they are confirmed. Set
# NATIONAL_CONFIDENCE / STATE_CONFIDENCE and NATIONAL_SOURCE / STATE_SOURCE to say otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED_DATA:-../shared/data}/wages
national=${1:-$shared/national_M2024_dl.xlsx}
state=${2:-$shared/oews_state_m2024_him.csv}
if [ $# -eq 0 ]; then
  # The May 2024 national workbook is the BLS file as published (a verbatim copy, held in two
  # public repositories with the same values); the state rows are a CSV conversion of the BLS
  # state workbook made by someone else, so third-party.
  national_source=${NATIONAL_SOURCE:-"BLS OEWS May 2024 national file national_M2024_dl.xlsx (oesm24nat.zip), as published"}
  state_source=${STATE_SOURCE:-"BLS OEWS May 2024 state file state_M2024_dl.xlsx (oesm24st.zip), via a CSV conversion in a public repository"}
  state_confidence=${STATE_CONFIDENCE:-third-party}
else
  national_source=${NATIONAL_SOURCE:-"BLS OEWS national file $(basename "$national"), as published"}
  state_source=${STATE_SOURCE:-"BLS OEWS state file $(basename "$state"), as published"}
  state_confidence=${STATE_CONFIDENCE:-confirmed}
fi
cargo run --quiet -p himkit-embed-wages -- \
  --data data \
  --national "$national" \
  --national-confidence "${NATIONAL_CONFIDENCE:-confirmed}" \
  --national-source "$national_source" \
  --state "$state" \
  --state-confidence "$state_confidence" \
  --state-source "$state_source"
