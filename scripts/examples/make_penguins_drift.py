#!/usr/bin/env python3
"""Builds the monitoring workshop example (issue 6) from public/examples/penguins.csv.

Real place drift: the Palmer penguins of Dream and Torgersen islands (Adelie and Chinstrap only)
are the training population; Biscoe island brings Gentoo penguins (heavier, longer flippers,
shallower beaks), which a model trained on the other islands has never seen.

Writes
- public/examples/penguins-drift-train.csv: Dream + Torgersen rows (176), file order kept;
- public/examples/penguins-drift-traffic.csv: the same rows followed by the Biscoe rows (344),
  i.e. traffic that starts like the training data and then moves to Biscoe. It is also the
  "newer dataset version" a retrain uses (every island, labelled).
The Island column is dropped from both, so the model cannot see the place directly (an island
it never saw would fail input validation instead of showing drift). Nothing else is changed.

Run: python3 scripts/examples/make_penguins_drift.py
"""
import csv
from pathlib import Path

root = Path(__file__).resolve().parents[2] / "public" / "examples"
with open(root / "penguins.csv", newline="") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
island = header.index("Island")
keep = [i for i in range(len(header)) if i != island]


def project(r):
    return [r[i] for i in keep]


home = [r for r in body if r[island] in ("Dream", "Torgersen")]
biscoe = [r for r in body if r[island] == "Biscoe"]
for name, part in (("penguins-drift-train.csv", home), ("penguins-drift-traffic.csv", home + biscoe)):
    with open(root / name, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(project(header))
        w.writerows(project(r) for r in part)
    print(name, len(part), "rows")
