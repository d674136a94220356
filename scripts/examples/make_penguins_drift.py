#!/usr/bin/env python3
"""Builds the monitoring workshop example (issue 6) from public/examples/penguins.csv.

Real place drift: the Palmer penguins of Dream and Torgersen islands (Adelie and Chinstrap only)
are the training population; Biscoe island brings Gentoo penguins (heavier, longer flippers,
shallower beaks), which a model trained on the other islands has never seen.

Writes
- public/examples/penguins-drift-train.csv: Dream + Torgersen rows (176), file order kept;
- public/examples/penguins-drift-biscoe.csv: the Biscoe rows (168). The app imports it appended
  to the training file, so the dataset's v2 is the home rows followed by Biscoe (344): traffic
  that starts like the training data and then moves to Biscoe, and the "newer dataset version" a
  retrain uses (every island, labelled).
The Island column is dropped from both, so the model cannot see the place directly (an island
it never saw would fail input validation instead of showing drift). The rows of each part are
shuffled with a fixed seed (42 and 43). Nothing else is changed.

Run: python3 scripts/examples/make_penguins_drift.py
"""
import csv
import random
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
# penguins.csv is ordered by species and island; shuffled (fixed seed) so that every replay
# window of a part is a sample of that part's population, not one species at a time.
random.Random(42).shuffle(home)
random.Random(43).shuffle(biscoe)
for name, part in (("penguins-drift-train.csv", home), ("penguins-drift-biscoe.csv", biscoe)):
    with open(root / name, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(project(header))
        w.writerows(project(r) for r in part)
    print(name, len(part), "rows")
