#!/usr/bin/env python3
"""Runs ocrmend inside a real (local-mode) Apache Spark job and checks that it gives
exactly what the command line gives.

The fixtures become a JSON Lines dataset of {"id", "text"} records, split over several
partitions; Spark pipes each partition through `ocrmend batch --jsonl`, the way a
cluster would; every result must equal `ocrmend clean` of the same file, with its id.

Usage (from the repository root, after `cargo build --release`):

    python3 -m pip install pyspark      # needs Java 17 or newer
    python3 tests/spark/run_spark_test.py [path/to/ocrmend]

Exits 0 when every result matches, 1 when any differs or is missing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import local_spark
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "fixtures")
COPIES = 3  # each fixture several times, so that partitions hold more than one record


def fixture_names() -> list[str]:
    """The OCR fixtures (fixtures/clean/ holds clean text for other tests)."""
    return sorted(n for n in os.listdir(FIXTURES) if n.endswith(".ocr.txt"))


def write_dataset(path: str) -> list[str]:
    """The fixtures as JSON Lines records, ids 'fixtures/NAME' (+ '#k' for copies)."""
    ids = []
    with open(path, "w", encoding="utf-8") as out:
        for copy in range(COPIES):
            for name in fixture_names():
                with open(os.path.join(FIXTURES, name), encoding="utf-8") as f:
                    text = f.read()
                record_id = f"fixtures/{name}" + (f"#{copy}" if copy else "")
                out.write(json.dumps({"id": record_id, "text": text}, ensure_ascii=False) + "\n")
                ids.append(record_id)
    return ids


def spark_results(binary: str, dataset: str) -> list[dict]:
    spark = local_spark.session("ocrmend-spark-test")
    try:
        records = spark.sparkContext.textFile(dataset, minPartitions=4)
        # One Spark task per core already: one ocrmend thread per task.
        lines = records.pipe(f"{binary} batch --jsonl --jobs 1").collect()
        print(f"spark: {records.getNumPartitions()} partitions, {len(lines)} results")
    finally:
        spark.stop()
    return [json.loads(line) for line in lines]


def cli_result(binary: str, name: str) -> dict:
    out = subprocess.run(
        [binary, "clean", f"fixtures/{name}"], cwd=ROOT, check=True, capture_output=True
    )
    return json.loads(out.stdout)


def main() -> int:
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                             os.path.join(ROOT, "target", "release", "ocrmend"))
    if not os.access(binary, os.X_OK):
        sys.exit(f"{binary} is not built: run cargo build --release first")
    with tempfile.TemporaryDirectory() as tmp:
        dataset = os.path.join(tmp, "fixtures.jsonl")
        ids = write_dataset(dataset)
        results = spark_results(binary, dataset)

    failures = []  # per record, then one for the order of ids
    got_ids = [r.get("id") for r in results]
    if got_ids != ids:
        failures.append(f"ids differ from the dataset's, in order:\n  want {ids}\n  got  {got_ids}")
    expected = {name: cli_result(binary, name) for name in fixture_names()}
    for result in results:
        record_id = result.pop("id", None)
        name = str(record_id).removeprefix("fixtures/").split("#")[0]
        want = dict(expected[name])
        want["source"] = dict(want["source"], path=record_id)  # a record is named by its id
        if result != want:
            diff = [k for k in want if want.get(k) != result.get(k)]
            failures.append(f"{record_id}: differs from `ocrmend clean` in {diff or 'extra keys'}")
    wrong_records = sum(1 for f in failures if not f.startswith("ids differ"))
    for failure in failures:
        print("FAIL", failure)
    print(f"spark: {len(results) - wrong_records} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
