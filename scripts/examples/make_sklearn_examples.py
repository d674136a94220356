#!/usr/bin/python3
"""Writes public/examples/{iris,wine,breast-cancer}.csv from Debian's python3-sklearn data files.

Run with Debian's interpreter (it has python3-sklearn; a `python3` on PATH may not):

    /usr/bin/python3 scripts/examples/make_sklearn_examples.py

The source files (/usr/lib/python3/dist-packages/sklearn/datasets/data/*.csv) start with a line
`n_samples,n_features,class_name_0,class_name_1,...`, then one row per sample: the feature values,
then the class as an integer code. This script writes a plain CSV with a header of readable
column names, the class label as text in the first column (as in penguins.csv) and the feature
values copied verbatim as text (no float reformatting), in the source's row order. It checks the
row and feature counts against the first line. Licences and citations: public/examples/LICENSES.md.
"""

import csv
import sys
from pathlib import Path

SOURCE = Path("/usr/lib/python3/dist-packages/sklearn/datasets/data")
OUT = Path(__file__).resolve().parents[2] / "public" / "examples"

# Feature names follow sklearn's load_iris / load_wine / load_breast_cancer (sklearn/datasets/
# _base.py), written in the Title Case of penguins.csv.
IRIS = ["Sepal Length (cm)", "Sepal Width (cm)", "Petal Length (cm)", "Petal Width (cm)"]
WINE = [
    "Alcohol",
    "Malic Acid",
    "Ash",
    "Alcalinity of Ash",
    "Magnesium",
    "Total Phenols",
    "Flavanoids",
    "Nonflavanoid Phenols",
    "Proanthocyanins",
    "Color Intensity",
    "Hue",
    "OD280/OD315 of Diluted Wines",
    "Proline",
]
_CELL = [
    "Radius",
    "Texture",
    "Perimeter",
    "Area",
    "Smoothness",
    "Compactness",
    "Concavity",
    "Concave Points",
    "Symmetry",
    "Fractal Dimension",
]
BREAST_CANCER = (
    [f"Mean {c}" for c in _CELL] + [f"{c} SE" for c in _CELL] + [f"Worst {c}" for c in _CELL]
)

# (source file, output file, target column name, feature names). The class labels are the
# source's own class names (its first line): setosa/versicolor/virginica, class_0..class_2,
# malignant/benign.
DATASETS = [
    ("iris.csv", "iris.csv", "Species", IRIS),
    ("wine_data.csv", "wine.csv", "Class", WINE),
    ("breast_cancer.csv", "breast-cancer.csv", "Diagnosis", BREAST_CANCER),
]


def convert(source: str, out: str, target: str, features: list) -> int:
    with open(SOURCE / source, newline="") as f:
        rows = list(csv.reader(f))
    first, data = rows[0], rows[1:]
    n, d = int(first[0]), int(first[1])
    names = first[2:]
    if len(data) != n or d != len(features):
        sys.exit(f"{source}: expected {n} rows x {d} features, header names {len(features)}")
    with open(OUT / out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow([target, *features])
        for i, row in enumerate(data):
            if len(row) != d + 1:
                sys.exit(f"{source}, data row {i + 1}: {len(row)} fields, expected {d + 1}")
            w.writerow([names[int(row[d])], *row[:d]])
    return n


def main() -> None:
    for source, out, target, features in DATASETS:
        n = convert(source, out, target, features)
        print(f"{out}: {n} rows, target {target}")


if __name__ == "__main__":
    main()
