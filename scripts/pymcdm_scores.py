#!/usr/bin/env python3
"""Writes pymcdm 1.4's TOPSIS scores for matrices dumped by ../shared/bench/peer_mcdm.sh --dump.

Usage: scripts/peer_check.sh runs this; by hand:
  /tmp/himkit-peer-venv/bin/python scripts/pymcdm_scores.py /tmp/himkit-matrix 1000 100000 1000000
For each N it reads PREFIX.N.f64 (row-major N x 8) and writes PREFIX.N.pymcdm-topsis.f64.
"""
import sys

import numpy as np
from pymcdm.methods import TOPSIS

TYPES = np.array([1, -1, 1, -1, 1, 1, -1, 1])
WEIGHTS = np.array([0.20, 0.15, 0.15, 0.10, 0.10, 0.10, 0.10, 0.10])

prefix = sys.argv[1]
for n in sys.argv[2:]:
    matrix = np.fromfile(f"{prefix}.{n}.f64", dtype="<f8").reshape(-1, 8)
    scores = TOPSIS()(matrix, WEIGHTS, TYPES, validation=False)
    scores.astype("<f8").tofile(f"{prefix}.{n}.pymcdm-topsis.f64")
    print(f"wrote {prefix}.{n}.pymcdm-topsis.f64 ({len(scores)} scores)")
