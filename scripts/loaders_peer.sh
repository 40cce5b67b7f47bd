#!/usr/bin/env bash
# Loader figures in one run: himkit's criterion bench on the generated 400 000-row OEWS CSV,
# pandas read_csv on the same file (all columns as text), and the peak memory of a filtered
# streaming read. pandas comes from the peer virtualenv that ../shared/bench/peer_mcdm.sh makes.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
cargo bench --bench loaders
file="${TMPDIR:-/tmp}/himkit-bench/all_data_M_2024.csv"
venv=${PEER_VENV:-/tmp/himkit-peer-venv}
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q pandas
fi
"$venv/bin/python" - "$file" <<'PY'
import os, statistics, sys, time
import pandas as pd
path = sys.argv[1]
size = os.path.getsize(path)
times = []
for _ in range(5):
    start = time.perf_counter()
    pd.read_csv(path, dtype=str)
    times.append(time.perf_counter() - start)
median = statistics.median(times)
print(f"pandas {pd.__version__} read_csv(dtype=str): median {median*1e3:.0f} ms, {size/1e6/median:.0f} MB/s ({size/1e6:.0f} MB)")
PY
cargo build --release --example wages
/usr/bin/time -v target/release/examples/wages --oews "$file" > /dev/null 2> /tmp/himkit-wages-time.txt
grep -E "Maximum resident set size|Elapsed" /tmp/himkit-wages-time.txt
