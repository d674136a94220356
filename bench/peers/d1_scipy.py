#!/usr/bin/python3
"""SciPy peer of workload D1 (PERFORMANCE.md): one call per statistic per column.

    d1_scipy.py DATA COLS ROWS OUT.json

DATA holds float64 little-endian: COLS reference columns of ROWS values, then COLS current
columns. KS = scipy.stats.ks_2samp; normed Wasserstein = wasserstein_distance / max(std, 1e-3);
PSI and Jensen-Shannon use Evidently's binning (STATS.md) in NumPy, with
scipy.spatial.distance.jensenshannon.
"""
import json
import sys
import time

import numpy as np
from scipy import stats
from scipy.spatial import distance


def binned(ref, cur, fill):
    if len(np.unique(ref)) > 20:
        edges = np.histogram_bin_edges(np.concatenate([ref, cur]), bins='sturges')
        r = np.histogram(ref, edges)[0] / len(ref)
        c = np.histogram(cur, edges)[0] / len(cur)
    else:
        keys = np.union1d(ref, cur)
        r = np.array([np.sum(ref == k) for k in keys]) / len(ref)
        c = np.array([np.sum(cur == k) for k in keys]) / len(cur)
    if fill:
        for v in (r, c):
            m = min(v[v != 0])
            np.place(v, v == 0, m / 10**6 if m <= 0.0001 else 0.0001)
    return r, c


def main():
    path, cols, rows, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    data = np.fromfile(path, dtype='<f8').reshape(2, cols, rows)
    t0 = time.perf_counter()
    columns = []
    for c in range(cols):
        ref, cur = data[0, c], data[1, c]
        ks = stats.ks_2samp(ref, cur)
        w = stats.wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)
        r, k = binned(ref, cur, True)
        psi = float(np.sum((r - k) * np.log(r / k)))
        r2, k2 = binned(ref, cur, False)
        js = float(distance.jensenshannon(r2, k2))
        columns.append({'ks': float(ks.statistic), 'ksP': float(ks.pvalue),
                        'wassersteinNormed': float(w), 'psi': psi, 'jensenShannon': js})
    seconds = time.perf_counter() - t0
    with open(out, 'w') as f:
        json.dump({'seconds': seconds, 'columns': columns}, f)


if __name__ == '__main__':
    main()
