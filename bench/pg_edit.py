"""Benchmark: single edits committed to PostgreSQL on loopback. Prints figures.

Each edit is what the GUI does on a key press: one transaction (add, change or delete a
segment, with its edit-log row). The server comes from ``ANNOTATOR_TEST_PG_URL`` (an admin
URL; a scratch database is created and dropped) or ``--url``.

Target: p99 < 20 ms.

    ANNOTATOR_TEST_PG_URL=postgresql+psycopg://postgres:postgres@127.0.0.1:5432/postgres \\
        python bench/pg_edit.py [--edits 2000]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg

from annotator.core.codebook_files import load_codebook
from annotator.store import Study


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def report(label: str, lat: list[float]) -> None:
    print(f"  {label:<8} n={len(lat):>5}  p50 {pct(lat, 50):6.2f} ms  p95 {pct(lat, 95):6.2f} ms  "
          f"p99 {pct(lat, 99):6.2f} ms  max {max(lat):6.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default=os.environ.get("ANNOTATOR_TEST_PG_URL", ""))
    ap.add_argument("--edits", type=int, default=2000)
    ns = ap.parse_args()
    if not ns.url:
        sys.exit("give --url or set ANNOTATOR_TEST_PG_URL to a PostgreSQL admin URL")
    admin = ns.url.replace("postgresql+psycopg://", "postgresql://")
    name = f"annot_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
    url = f"{ns.url.rsplit('/', 1)[0]}/{name}"
    try:
        _, text = load_codebook("helper-maneuvers")
        study = Study.create(url, text)
        s = study.add_session("C01", 1, duration_ms=10 * 3600 * 1000)
        a = study.assign(s.id, "AK")
        codes = [c.id for c in study.codebook.codes]
        rng = random.Random(5)
        adds: list[float] = []
        ids = []
        for i in range(ns.edits):
            start = rng.randrange(0, 10 * 3600 * 1000 - 10_000)
            t0 = time.perf_counter()
            seg = study.add_segment(a.id, codes[i % len(codes)], start, start + 2000, by="AK")
            adds.append((time.perf_counter() - t0) * 1000)
            ids.append(seg.id)
        updates: list[float] = []
        for sid in rng.sample(ids, min(500, len(ids))):
            t0 = time.perf_counter()
            study.update_segment(sid, note="changed", by="AK")
            updates.append((time.perf_counter() - t0) * 1000)
        deletes: list[float] = []
        for sid in rng.sample(ids, min(500, len(ids))):
            t0 = time.perf_counter()
            study.delete_segment(sid, by="AK")
            deletes.append((time.perf_counter() - t0) * 1000)
        print(f"PostgreSQL single-edit transactions on {url.rsplit('@', 1)[-1]} "
              "(target p99 < 20 ms):")
        report("add", adds)
        report("update", updates)
        report("delete", deletes)
        study.close()
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
