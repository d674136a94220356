#!/usr/bin/python3
"""Writes test/fixtures/auto/digits.csv from Debian's python3-sklearn copy of UCI's digits.

    /usr/bin/python3 scripts/compare/make_digits.py

1,797 8x8 images of handwritten digits, each pixel an integer 0..16 (the UCI "Optical Recognition
of Handwritten Digits" test set, as sklearn bundles it in datasets/data/digits.csv.gz: 64 pixel
values then the digit per line, no header). It is the comparison's one dataset large enough
(≥ 1,000 rows) for auto mode's MLP branch. It is a test fixture, not a bundled example, to keep
the app's download small. Licence CC BY 4.0: Alpaydin, E. & Kaynak, C. (1998). Optical
Recognition of Handwritten Digits [Dataset]. UCI Machine Learning Repository.
doi:10.24432/C50P49. The header added here: `Digit`, then `Pixel r-c` (row r, column c).
"""

import csv
import gzip
from pathlib import Path

SOURCE = Path("/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz")
OUT = Path(__file__).resolve().parents[2] / "test" / "fixtures" / "auto" / "digits.csv"


def main() -> None:
    with gzip.open(SOURCE, "rt", newline="") as f:
        rows = [r for r in csv.reader(f) if r]
    with open(OUT, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["Digit"] + [f"Pixel {i // 8}-{i % 8}" for i in range(64)])
        for i, row in enumerate(rows):
            if len(row) != 65:
                raise SystemExit(f"{SOURCE}, line {i + 1}: {len(row)} fields, expected 65")
            w.writerow([row[64], *row[:64]])
    print(f"{OUT.name}: {len(rows)} rows")


if __name__ == "__main__":
    main()
