#!/usr/bin/env python3
"""Cleans a DataFrame column with the Python package inside a real (local-mode) Spark
job, `mapInPandas`, and checks that every result is what `ocrmend clean` gives.

The recipe: a DataFrame of (id, text); each partition arrives as pandas batches; the
function cleans the batch's texts with `ocrmend.clean_many` (one native thread per
Spark task: Spark already runs one task per core) and returns (id, json). Run with
the Python that has the package installed, after `cargo build --release`:

    pip install ./python pyspark pandas pyarrow     # Java 17 or newer for Spark
    python tests/spark/map_in_pandas.py [path/to/ocrmend]

Exits 0 when every result matches, 1 when any differs or is missing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import local_spark

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COPIES = 3  # each fixture several times, so that partitions hold more than one record


def clean_partition(batches):
    """mapInPandas function: pandas batches of (id, text) to (id, json)."""
    import ocrmend
    import pandas as pd

    for batch in batches:
        docs = ocrmend.clean_many(batch["text"], threads=1)
        json_texts = [json.dumps(doc, ensure_ascii=False) for doc in docs]
        yield pd.DataFrame({"id": batch["id"], "json": json_texts})


def main() -> int:
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "target/release/ocrmend")
    names = sorted(n for n in os.listdir(os.path.join(ROOT, "fixtures")) if n.endswith(".ocr.txt"))
    rows = []
    for copy in range(COPIES):
        for name in names:
            with open(os.path.join(ROOT, "fixtures", name), encoding="utf-8") as f:
                rows.append((f"{name}#{copy}", f.read()))

    spark = local_spark.session("ocrmend-map-in-pandas")
    try:
        df = spark.createDataFrame(rows, "id string, text string").repartition(4)
        cleaned = df.mapInPandas(clean_partition, schema="id string, json string")
        results = {row["id"]: json.loads(row["json"]) for row in cleaned.collect()}
    finally:
        spark.stop()
    print(f"spark mapInPandas: {len(results)} results for {len(rows)} rows")

    failures = 0
    for name in names:
        out = subprocess.run(
            [binary, "clean", f"fixtures/{name}"], cwd=ROOT, check=True, capture_output=True
        )
        expected = json.loads(out.stdout)
        expected["source"]["path"] = "-"  # the package names an unnamed input "-"
        for copy in range(COPIES):
            got = results.get(f"{name}#{copy}")
            if got != expected:
                failures += 1
                print(f"{name}#{copy}: {'missing' if got is None else 'differs from ocrmend clean'}")
    if failures or len(results) != len(rows):
        print(f"spark mapInPandas: {failures} failures")
        return 1
    print("spark mapInPandas: every result equals ocrmend clean")
    return 0


if __name__ == "__main__":
    sys.exit(main())
