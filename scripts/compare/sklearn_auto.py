#!/usr/bin/python3
"""Scores scikit-learn's default classifiers on Benchtop's exact splits of the bundled examples.

    npx tsx scripts/compare/splits.ts                 # writes test/fixtures/auto/splits.json
    /usr/bin/python3 scripts/compare/sklearn_auto.py  # writes test/fixtures/auto/sklearn.json

Run with Debian's interpreter (python3-sklearn); a `python3` on PATH may lack scikit-learn.

For each dataset of splits.json it trains `LogisticRegression()` and
`MLPClassifier(random_state=0)`, both with scikit-learn's defaults otherwise, on the train and
validation rows together (scikit-learn's defaults hold nothing out: LogisticRegression has no
early stopping and MLPClassifier's `early_stopping` is False), and reports accuracy on the test
rows. Benchtop trains on the train rows and uses the validation rows for early stopping; both
are scored on the same test rows.

Preprocessing, in the spirit of Benchtop's defaults (src/lib/data/preprocess.ts) and fitted on
the rows the model is trained on (never on test rows), in one Pipeline:
- numeric columns: SimpleImputer(strategy="mean"), then StandardScaler();
- categorical columns: SimpleImputer(strategy="most_frequent"), then
  OneHotEncoder(handle_unknown="ignore").
One difference: Benchtop's default one-hot gives a missing category its own "unseen" slot, where
this imputes the most frequent category (only penguins' `Sex` has missing categories).
Cells Benchtop reads as missing (src/lib/data/parse-value.ts isMissing: '', NA, N/A, null, NaN,
'.', any case, trimmed) are missing here too. The features are those Benchtop uses
(splits.json `numeric` and `categorical`).
"""

import csv
import json
import warnings
from pathlib import Path

import numpy as np
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.exceptions import ConvergenceWarning
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

ROOT = Path(__file__).resolve().parents[2]
SPLITS = ROOT / "test" / "fixtures" / "auto" / "splits.json"
OUT = ROOT / "test" / "fixtures" / "auto" / "sklearn.json"
MISSING = {"", "na", "n/a", "null", "nan", "."}


def read_csv(path: Path) -> dict:
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    header, data = rows[0], rows[1:]
    return {name: [r[j] for r in data] for j, name in enumerate(header)}


def is_missing(v: str) -> bool:
    return v.strip().lower() in MISSING


def models() -> dict:
    return {
        "logisticRegression": LogisticRegression(),
        "mlp": MLPClassifier(random_state=0),
    }


def score(d: dict) -> dict:
    table = read_csv(ROOT / d["file"])
    num, cat = d["numeric"], d["categorical"]
    n = d["rowCount"]
    x_num = np.array(
        [[np.nan if is_missing(table[c][i]) else float(table[c][i]) for c in num] for i in range(n)]
    )
    x_cat = np.array(
        [[None if is_missing(table[c][i]) else table[c][i].strip() for c in cat] for i in range(n)],
        dtype=object,
    ).reshape(n, len(cat))
    x = np.concatenate([x_num.astype(object), x_cat], axis=1)
    y = np.array([table[d["target"]][i].strip() for i in range(n)], dtype=object)
    fit_rows = sorted(d["train"] + d["validation"])
    test_rows = d["test"]

    steps = [("numeric", make_pipeline(SimpleImputer(strategy="mean"), StandardScaler()),
              list(range(len(num))))]
    if cat:
        steps.append(
            (
                "categorical",
                make_pipeline(
                    SimpleImputer(strategy="most_frequent", missing_values=None),
                    OneHotEncoder(handle_unknown="ignore"),
                ),
                list(range(len(num), len(num) + len(cat))),
            )
        )
    result = {"fitRows": len(fit_rows), "testRows": len(test_rows), "accuracy": {}, "notes": []}
    for name, model in models().items():
        pipe = Pipeline([("prep", ColumnTransformer(steps)), ("model", model)])
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConvergenceWarning)
            pipe.fit(x[fit_rows], y[fit_rows])
        if any(issubclass(w.category, ConvergenceWarning) for w in caught):
            result["notes"].append(f"{name}: ConvergenceWarning (default max_iter reached)")
        acc = accuracy_score(y[test_rows], pipe.predict(x[test_rows]))
        result["accuracy"][name] = round(float(acc), 6)
    return result


def main() -> None:
    splits = json.loads(SPLITS.read_text())
    out = {
        "generatedBy": "/usr/bin/python3 scripts/compare/sklearn_auto.py",
        "sklearnVersion": sklearn.__version__,
        "numpyVersion": np.__version__,
        "models": {
            "logisticRegression": "LogisticRegression()",
            "mlp": "MLPClassifier(random_state=0)",
        },
        "preprocessing": "numeric: SimpleImputer(mean) + StandardScaler; categorical: "
        "SimpleImputer(most_frequent) + OneHotEncoder(handle_unknown='ignore'); fitted on the "
        "train + validation rows",
        "datasets": {},
    }
    for d in splits["datasets"]:
        r = score(d)
        out["datasets"][d["name"]] = r
        acc = r["accuracy"]
        print(f"{d['name']}: LR {acc['logisticRegression']:.4f}  MLP {acc['mlp']:.4f}  "
              f"({r['fitRows']} fit / {r['testRows']} test rows) {'; '.join(r['notes'])}")
    OUT.write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
