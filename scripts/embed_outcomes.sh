#!/usr/bin/env bash
# Cuts the institution outcome files in ../shared/data/outcomes/ down to the lines of the HIM
# institutions of data/federal/hd2024_him.csv: the header and those original lines, unchanged,
# each ending as the file's lines do, into data/outcomes/. Run from the repository root after the
# shared files change; the crate never reads ../shared itself.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/data/outcomes
mkdir -p data/outcomes
unitids=$(mktemp)
trap 'rm -f "$unitids"' EXIT
# The UNITIDs of HD2024's HIM subset (first column; the file starts with a byte-order mark).
tail -n +2 data/federal/hd2024_him.csv | cut -d, -f1 | tr -d '\r"' | sort -u > "$unitids"
for name in ipeds_om2023_award_rates.csv ipeds_gr_150_2016_2023.csv scorecard_institution_earnings_2025.csv; do
  # Lines end as the header does (CRLF in the IPEDS files, LF in Scorecard's); the source's
  # last line has no line end, and the copy gives it the others'.
  awk -v keep="$unitids" '
    BEGIN { while ((getline id < keep) > 0) wanted[id] = 1; RS = "\n"; ORS = "" }
    NR == 1 { header = $0; crlf = (substr($0, length($0)) == "\r"); next }
    { split($0, cells, ","); if (cells[1] in wanted) kept[++n] = $0 }
    END {
      printf "%s\n", header
      for (i = 1; i <= n; i++) {
        line = kept[i]
        if (crlf && substr(line, length(line)) != "\r") line = line "\r"
        printf "%s\n", line
      }
    }
  ' "$shared/$name" > "data/outcomes/$name"
  echo "$name: $(($(wc -l < "data/outcomes/$name") - 1)) institutions"
done
