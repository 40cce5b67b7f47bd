#!/usr/bin/env bash
# Times the peer libraries and himkit on the same matrices, and checks himkit's TOPSIS scores
# against pymcdm's. Needs ../shared/bench (the developers' shared folder) and network access to
# PyPI on first use.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
prefix=${HIMKIT_PEER_DUMP:-/tmp/himkit-matrix}
sizes=${SIZES:-1000,100000,1000000}
bash "$here/../shared/bench/peer_mcdm.sh" --sizes "$sizes" --dump "$prefix" --json /tmp/himkit-peer-results.json
/tmp/himkit-peer-venv/bin/python "$here/scripts/pymcdm_scores.py" "$prefix" ${sizes//,/ }
cd "$here"
HIMKIT_PEER_DUMP="$prefix" cargo bench --bench selection -- core
