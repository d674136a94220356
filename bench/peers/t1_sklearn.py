#!/usr/bin/python3
"""scikit-learn peer of workload T1 (PERFORMANCE.md): MLP 50 -> 128 -> 64 -> 2, Adam, batch 1024.

    t1_sklearn.py X.bin Y.bin N D EPOCHS

X.bin holds N x D float32 little-endian (row-major), Y.bin N int32 labels: the same files the
tfjs side trains on. Reads commands from stdin, one per line, so the caller can interleave runs
with its own: `fit` trains a fresh MLPClassifier(hidden_layer_sizes=(128, 64), batch_size=1024,
solver='adam', max_iter=EPOCHS) (defaults otherwise: learning rate 1e-3, alpha 1e-4, shuffled)
for exactly EPOCHS epochs and prints one JSON line {"seconds": ..., "loss": ...}; `quit` exits.
The first fit of the process is the cold one.
"""
import json
import sys
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier


def main():
    xpath, ypath, n, d, epochs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(
        sys.argv[5])
    x = np.fromfile(xpath, dtype='<f4').reshape(n, d)
    y = np.fromfile(ypath, dtype='<i4')
    warnings.simplefilter('ignore', ConvergenceWarning)
    seed = 0
    print(json.dumps({'ready': True}), flush=True)
    for line in sys.stdin:
        cmd = line.strip()
        if cmd == 'quit':
            break
        if cmd != 'fit':
            continue
        seed += 1
        # tol=0 and n_iter_no_change > epochs: exactly `epochs` epochs, no early exit.
        model = MLPClassifier(hidden_layer_sizes=(128, 64), batch_size=1024, solver='adam',
                              max_iter=epochs, tol=0.0, n_iter_no_change=epochs + 1,
                              random_state=seed)
        t0 = time.perf_counter()
        model.fit(x, y)
        seconds = time.perf_counter() - t0
        print(json.dumps({'seconds': seconds, 'loss': float(model.loss_),
                          'epochs': int(model.n_iter_)}), flush=True)


if __name__ == '__main__':
    main()
