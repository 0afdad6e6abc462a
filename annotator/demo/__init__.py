"""The demo study: nine cases with five short synthetic sessions each (docs/design.md §1).

Its recordings show the frame number and timecode in every frame; its codings are
synthetic but plausible, with a second coder on a stratified 20% of sessions.
"""

from __future__ import annotations

import csv
import datetime as dt
import multiprocessing
import os
import random
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from annotator.core.codebook_files import load_codebook
from annotator.demo.codings import primary_coding, second_coding
from annotator.exchange.reliability_data import plan_sample
from annotator.media.hashing import sha256_file
from annotator.media.probe import probe
from annotator.media.videogen import write_test_video
from annotator.store import MediaLink, Study
from annotator.store.edits import NewSegment

CASES = [f"C{i:02d}" for i in range(1, 10)]
SESSIONS_PER_CASE = 5
FPS = 25.0
SECONDS = 30
SIZE = (320, 240)
PRIMARY = ("AK", "Anna Knutsen")
SECOND = ("BL", "Bjørn Lie")
STUDY_NAME = "demo.annot"
#: The session the demo opens on: the primary coder's first session still in progress.
OPEN_SESSION = "C09:1"

Progress = Callable[[float, str], None]


def demo_manifest_rows() -> list[dict[str, str]]:
    start = dt.date(2026, 1, 5)
    rows = []
    for ci, case in enumerate(CASES):
        for n in range(1, SESSIONS_PER_CASE + 1):
            date = start + dt.timedelta(days=7 * (n - 1) + ci)
            rows.append({"case": case, "session": str(n),
                         "media": f"media/{case}_S{n}.mp4", "date": date.isoformat()})
    return rows


def build_demo(folder: Path, progress: Progress | None = None, *, seconds: int = SECONDS,
               seed: int = 2026) -> Path:
    """Build ``folder/demo.annot`` (and its media); returns the study path.

    An existing demo study in ``folder`` is kept and returned as it is.
    """
    report = progress or (lambda f, t: None)
    folder.mkdir(parents=True, exist_ok=True)
    study_path = folder / STUDY_NAME
    if study_path.exists():
        Study.open(study_path).close()
        report(1.0, "the demo study already exists")
        return study_path
    rows = demo_manifest_rows()
    (folder / "media").mkdir(exist_ok=True)
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["case", "session", "media", "date"],
                           lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    _write_recordings(folder, rows, int(seconds * FPS), report)
    links = []
    for i, r in enumerate(rows):
        media = folder / r["media"]
        report(0.80 + 0.08 * i / len(rows), f"probing {r['case']} session {r['session']}")
        info = probe(media)
        links.append((r["case"], int(r["session"]), MediaLink(
            path=r["media"], sha256=sha256_file(media), size=media.stat().st_size,
            duration_ms=info.duration_ms, fps=info.fps, frame_count=info.frame_count,
            width=info.width, height=info.height, codec=info.codec,
        ), None, r["date"]))
    report(0.88, "creating the study")
    _, text = load_codebook("helper-maneuvers")
    tmp_study = folder / (STUDY_NAME + ".building")
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp_study) + suffix).unlink(missing_ok=True)
    study = Study.create(tmp_study, text, "helper-maneuvers", name="Demo: helper maneuvers")
    try:
        _fill(study, links, seed)
    finally:
        study.close()
    for suffix in ("-wal", "-shm"):
        Path(str(tmp_study) + suffix).unlink(missing_ok=True)
    tmp_study.replace(study_path)
    report(1.0, "done")
    return study_path


def _write_recordings(folder: Path, rows: list[dict[str, str]], frames: int,
                      report: Progress) -> None:
    """Write the missing recordings, on all cores (separate processes, spawned: safe from
    a GUI worker thread)."""
    todo = [r for r in rows if not (folder / r["media"]).exists()]
    if not todo:
        return
    ctx = multiprocessing.get_context("spawn")
    workers = max(1, min(len(todo), os.cpu_count() or 1))
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        futures = {
            pool.submit(write_test_video, folder / r["media"], frames=frames, fps=FPS,
                        size=SIZE, codec="mp4v", label=f"{r['case']} session {r['session']}"): r
            for r in todo
        }
        for done, fut in enumerate(as_completed(futures), start=1):
            fut.result()
            r = futures[fut]
            report(0.80 * done / len(todo), f"recorded {r['case']} session {r['session']}")


def _fill(study: Study, links: list, seed: int) -> None:  # type: ignore[type-arg]
    rng = random.Random(seed)
    codebook = study.codebook
    study.add_coder(*PRIMARY)
    study.add_coder(*SECOND)
    study.add_sessions(links)
    sessions = study.sessions()
    items: list[NewSegment] = []
    primary: dict[int, list] = {}  # type: ignore[type-arg]
    for s in sessions:
        a = study.assign(s.id, PRIMARY[0], "primary")
        assert s.duration_ms is not None
        spans = primary_coding(codebook, s.duration_ms, rng)
        primary[s.id] = spans
        items.extend(NewSegment(a.id, sp.code, sp.start_ms, sp.end_ms) for sp in spans)
    sample = plan_sample(sessions, 0.2, seed)
    for s in sample:
        a = study.assign(s.id, SECOND[0], "reliability")
        assert s.duration_ms is not None
        spans = second_coding(codebook, primary[s.id], s.duration_ms, rng)
        items.extend(NewSegment(a.id, sp.code, sp.start_ms, sp.end_ms) for sp in spans)
    study.add_segments(items, by="demo", action="demo")
    for a in study.assignments():
        study.set_status(a.id, "submitted", by="demo")
    # Leave the last case's sessions open for coding.
    for a in study.assignments(coder=PRIMARY[0]):
        if a.case == CASES[-1]:
            study.set_status(a.id, "in_progress", by="demo")
