#!/usr/bin/env bash
# Builds and runs every fuzz target for SECONDS each (default 60), with a 2 GB memory limit.
# Works with the stable toolchain: RUSTC_BOOTSTRAP=1 lets cargo-fuzz use the nightly-only
# sanitizer flags it needs. Installs cargo-fuzz on first use.
#   fuzz/run.sh 600            # ten minutes per target, as recorded in the README
#   TARGETS="oews_csv" fuzz/run.sh 30
set -euo pipefail
seconds=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
export RUSTC_BOOTSTRAP=1
command -v cargo-fuzz > /dev/null || cargo install cargo-fuzz --locked
targets=${TARGETS:-"program_json profile_json catalog_csv oews_csv oews_xlsx scorecard_csv selector national_build institution_outcomes_csv accreditation_list"}

# Seed corpora from the test fixtures and the embedded data.
for target in program_json profile_json catalog_csv oews_csv oews_xlsx scorecard_csv selector national_build institution_outcomes_csv accreditation_list; do
  mkdir -p "$here/corpus/$target"
done
cp "$root/data/programs.json" "$here/corpus/program_json/"
printf '%s' '{"home_state":"OH","degree_levels":["associate"],"weights":{"total-cost":1,"exam-pass-rate":2},"method":"topsis"}' \
  > "$here/corpus/profile_json/example.json"
# Home ZIP codes: one alone, one with its state and a distance limit, one across a state line.
printf '%s' '{"home_zip":"01002"}' > "$here/corpus/profile_json/zip.json"
printf '%s' '{"home_state":"WY","home_zip":"83414","max_distance_miles":150,"weights":{"distance":1}}' \
  > "$here/corpus/profile_json/zip-other-state.json"
cp "$root/tests/fixtures/profile_cincinnati_30_miles.json" "$here/corpus/profile_json/"
cp "$root/tests/fixtures/catalog.csv" "$root/tests/fixtures/catalog_national_sample.csv" "$here/corpus/catalog_csv/"
cp "$root"/tests/fixtures/*M20*.csv "$here/corpus/oews_csv/"
cp "$root/tests/fixtures/Most-Recent-Cohorts-Field-of-Study.csv" "$here/corpus/scorecard_csv/"
# The real federal files, cut to their first 40 lines to keep inputs small: HD, Completions,
# IC and IC_AY joined by NUL bytes, as the national_build target splits them.
federal="$root/tests/fixtures/federal"
for year in 2022 2024; do
  { head -n 40 "$federal/hd${year}_him.csv"; printf '\0'; head -n 40 "$federal/c2022_a_him_first_majors.csv"
    printf '\0'; head -n 40 "$federal/ic2022_him.csv"; printf '\0'; head -n 40 "$federal/ic2022_ay_him.csv"
  } > "$here/corpus/national_build/hd${year}.bin"
done
for file in "$root"/tests/fixtures/outcomes/*.csv "$federal/most_recent_cohorts_institution_him.csv"; do
  head -n 40 "$file" > "$here/corpus/institution_outcomes_csv/$(basename "$file")"
done
# Accreditation lists with names as directories write them (name variants, CUNY alone, a
# one-letter and an empty name), whole and one row at a time under the header.
cp "$root/tests/fixtures/cahiim_directory_variants.csv" "$here/corpus/accreditation_list/"
list="$root/tests/fixtures/cahiim_directory_variants.csv"
for row in 2 5 7 11 23 28; do
  { head -n 1 "$list"; sed -n "${row}p" "$list"; } > "$here/corpus/accreditation_list/row${row}.csv"
done
head -n 40 "$root/tests/fixtures/federal/field_of_study_AL_AZ_10cols.csv" \
  > "$here/corpus/scorecard_csv/field_of_study_AL_AZ_10cols.csv"

cd "$here"
for target in $targets; do
  echo "== $target: ${seconds}s"
  cargo fuzz run --release "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 2>&1 \
    | grep -E "^(Done|stat::number_of_executed_units|==[0-9]+==|SUMMARY|.*(crash|panic|leak|timeout|out-of-memory))" || true
  if [ -n "$(ls -A "artifacts/$target" 2>/dev/null)" ]; then
    echo "!! $target left artifacts in fuzz/artifacts/$target"
    exit 1
  fi
done
