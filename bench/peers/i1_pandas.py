#!/usr/bin/python3
"""pandas peer of workload I1 (PERFORMANCE.md): pandas.read_csv of the I1 file.

    i1_pandas.py FILE RUNS

Prints JSON: {"seconds": [cold, warm...], "rows": n, "cols": k}. The first run is the cold one
(the file may not be in the page cache yet).
"""
import json
import sys
import time

import pandas as pd


def main():
    path, runs = sys.argv[1], int(sys.argv[2])
    seconds = []
    shape = None
    for _ in range(runs):
        t0 = time.perf_counter()
        df = pd.read_csv(path)
        seconds.append(time.perf_counter() - t0)
        shape = df.shape
        del df
    print(json.dumps({"seconds": seconds, "rows": shape[0], "cols": shape[1], "pandas": pd.__version__}))


if __name__ == "__main__":
    main()
