"""Checkout: a coder's own study file, holding only that coder's work.

``checkout`` writes a new SQLite study holding only what one coder needs: the codebook
version(s), the sessions assigned to the coder (media links rewritten relative to the new
file), the coder's assignments and the coder's live segments. Nothing of other coders goes
in (no other coder, assignment, segment or edit-log row), so the copy is blind by
construction. The file is built beside the target and renamed into place.

The checkout carries one audit row in its edit log (``action="checkout"``) with the source
study's identity, the checkout time and the *baseline*: a short digest of every segment's
content and every assignment's status as checked out. ``annotator.store.merge`` brings the
coder's work back against that baseline.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, insert, select

from annotator.store.errors import NotFoundError, StudyError
from annotator.store.models import (
    Assignment,
    Case,
    CodebookVersion,
    Coder,
    EditLog,
    Segment,
    Session,
)
from annotator.store.sync_rows import (
    CHECKOUT_ACTION,
    Progress,
    report_progress,
    segment_state,
    snapshot,
    study_identity,
    utc_now,
)

if TYPE_CHECKING:
    from annotator.store.study import Study


@dataclass(frozen=True)
class CheckoutReport:
    path: Path
    coder: str
    sessions: int
    assignments: int
    segments: int



def checkout(
    study: Study, coder: str, out_path: str | Path, progress: Progress | None = None
) -> CheckoutReport:
    """Write ``out_path``: a new study with only ``coder``'s sessions, assignments and work."""
    from annotator.store.study import Study as StudyClass

    out = Path(out_path)
    if not study.has_coder(coder):
        raise NotFoundError(f"There is no coder {coder!r} in {study.where}.")
    if not study.assignments(coder=coder):
        raise StudyError(f"{coder} has no assignments in {study.where}: assign sessions first.")
    if out.exists():
        raise StudyError(
            f"{out} already exists. Merge it back first (annotator merge), or choose a new name."
        )
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise StudyError(f"The folder {folder} does not exist (for {out}).")
    tmp = folder / f".{out.name}.{uuid.uuid4().hex[:8]}.building"
    report_progress(progress, 0.0, "reading the study")
    try:
        current_text, _ = study.codebook_text()
        with snapshot(study) as src:
            info = study_identity(src)
            new = StudyClass.create(tmp, current_text, "checkout",
                                    name=f"{info['name']} (checkout for {coder})"[:200])
            try:
                counts = _copy_for_coder(study, new, src, coder, folder.resolve(), info,
                                         progress)
            finally:
                new.close()
        for suffix in ("-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        if out.exists():
            raise StudyError(f"{out} appeared while the checkout was being written; not replaced.")
        os.replace(tmp, out)
    except BaseException:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
        raise
    study.log_event(CHECKOUT_ACTION, "coder", coder, by=None,
                    details={"file": out.name, "sessions": counts[0], "segments": counts[2]})
    report_progress(progress, 1.0, "done")
    return CheckoutReport(out, coder, *counts)


def _rebase_media(stored: str | None, src_base: Path | None, dst_base: Path) -> str | None:
    """A media path relative to the study file, rewritten relative to ``dst_base``."""
    if stored is None:
        return None
    p = Path(stored)
    if not p.is_absolute():
        if src_base is None:
            return stored
        p = src_base / p
    try:
        return Path(os.path.relpath(os.path.normpath(p), dst_base)).as_posix()
    except ValueError:  # another drive (Windows): keep it absolute
        return str(p)


def _copy_for_coder(
    study: Study, new: Study, src: Connection, coder: str, dst_base: Path,
    info: dict[str, str], progress: Progress | None,
) -> tuple[int, int, int]:
    from annotator.core.codebook_yaml import parse_codebook

    src_base = study.path.parent if study.path is not None else None
    assignments = src.execute(
        select(Assignment.__table__).where(Assignment.coder_id == coder).order_by(Assignment.id)
    ).all()
    session_ids = sorted({a.session_id for a in assignments})
    sessions = src.execute(
        select(Session.__table__, Case.label.label("case_label"))
        .join(Case, Case.id == Session.case_id)
        .where(Session.id.in_(session_ids)).order_by(Case.label, Session.number)
    ).all()
    name = src.execute(select(Coder.name).where(Coder.id == coder)).scalar_one()
    cb_rows = src.execute(
        select(CodebookVersion.id, CodebookVersion.yaml_text, CodebookVersion.name)
        .where(CodebookVersion.id.in_({a.codebook_id for a in assignments}))
    ).all()
    segments = src.execute(
        select(Segment.__table__).where(
            Segment.assignment_id.in_([a.id for a in assignments]), Segment.deleted.is_(False),
            Segment.end_ms.is_not(None),  # an open recording is not handed out
        ).order_by(Segment.assignment_id, Segment.start_ms)
    ).all()
    report_progress(progress, 0.3, f"copying {len(segments)} segment(s)")
    with new.write() as dst:
        cb_map = {int(r.id): new._insert_codebook(dst, parse_codebook(r.yaml_text, r.name),
                                                  r.yaml_text) for r in cb_rows}
        dst.execute(insert(Coder).values(id=coder, name=name))
        sess_map: dict[int, int] = {}
        for r in sessions:
            values = {k: v for k, v in r._mapping.items() if k not in ("id", "case_label")}
            values["media_path"] = _rebase_media(r.media_path, src_base, dst_base)
            values["case_id"] = new._case_id(dst, r.case_label, create=True)
            res = dst.execute(insert(Session).values(**values))
            assert res.inserted_primary_key is not None
            sess_map[int(r.id)] = int(res.inserted_primary_key[0])
        asg_map: dict[int, int] = {}
        statuses: dict[str, str] = {}
        for a in assignments:
            res = dst.execute(insert(Assignment).values(
                session_id=sess_map[a.session_id], coder_id=coder, purpose=a.purpose,
                status=a.status, codebook_id=cb_map[a.codebook_id], created_at=a.created_at,
                updated_at=a.updated_at,
            ))
            assert res.inserted_primary_key is not None
            asg_map[a.id] = int(res.inserted_primary_key[0])
            statuses[str(asg_map[a.id])] = a.status
        seg_rows = []
        baseline: dict[str, str] = {}
        for s in segments:
            seg_rows.append(dict(
                id=s.id, assignment_id=asg_map[s.assignment_id], code_id=s.code_id,
                start_ms=s.start_ms, end_ms=s.end_ms, note=s.note or "",
                modifiers=dict(s.modifiers or {}), created_at=s.created_at,
                updated_at=s.updated_at, deleted=False,
            ))
            baseline[s.id] = segment_state(s).digest()
        if seg_rows:
            dst.execute(insert(Segment), seg_rows)
        dst.execute(insert(EditLog).values(
            at=utc_now(), coder_id=coder, action=CHECKOUT_ACTION, entity="study",
            entity_id=str(uuid.uuid4()), assignment_id=None, before=None, state="audit",
            after={"format": 1, "source": info, "coder": coder, "at": utc_now().isoformat(),
                   "statuses": statuses, "baseline": baseline},
        ))
    report_progress(progress, 0.9, "finishing")
    return len(sessions), len(assignments), len(seg_rows)
