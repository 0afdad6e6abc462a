"""Merge: bringing a coder's checkout (``annotator.store.checkout``) back into the study.

``merge`` is a three-way merge against the baseline the checkout recorded in its edit log
(the digest of every segment's content and every assignment's status as checked out), in
one transaction of the main study:

* a segment the coder changed (its digest differs from the baseline) is inserted if new,
  updated (or soft-deleted) if the main study still has the baseline version, and left
  alone if both sides already agree;
* a segment changed on both sides since the baseline is a *conflict*: the main study's
  version is kept and the coder's version is reported, never silently written;
* a change that would overlap another segment inside an exclusive category is a conflict;
* assignment statuses follow the same rule; the checkout's edit-log rows are appended
  (as audit rows, so main-study undo never replays them).

Each merge records, in the main study's edit log (``action="merge"``), what it took from
the checkout (digests and the last edit-log row read), which becomes the baseline of the
next merge of the same file: merging twice changes nothing the second time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from annotator.store.engine import is_url
from annotator.store.errors import StudyError
from annotator.store.models import (
    Assignment,
    Case,
    CodebookVersion,
    Coder,
    EditLog,
    Segment,
    Session,
    StudyInfo,
)
from annotator.store.sync_rows import (
    CHECKOUT_ACTION,
    LOG_FIELDS,
    MERGE_ACTION,
    SEGMENT_FIELDS,
    Progress,
    SegmentState,
    as_datetime,
    bulk_insert,
    json_param,
    log_columns,
    raw_text,
    report_progress,
    row_digest,
    segment_columns,
    segment_state,
    snapshot,
    study_identity,
    time_for,
    utc_now,
)

if TYPE_CHECKING:
    from annotator.store.study import Study


class MergeError(StudyError):
    """A merge that cannot be done (itself, another codebook, not a checkout...)."""


@dataclass(frozen=True, slots=True)
class Conflict:
    """A segment the merge left alone: this study's version was kept."""

    segment_id: str
    where: str  # CASE:N CODER[/purpose]
    ours: SegmentState | None
    theirs: SegmentState
    reason: str

    def __str__(self) -> str:
        ours = "missing" if self.ours is None else self.ours.describe()
        return (f"{self.where} segment {self.segment_id[:8]}: {self.reason}; kept this study's "
                f"version ({ours}), the checkout has: {self.theirs.describe()}")


@dataclass
class MergeReport:
    coder: str
    new: int = 0
    changed: int = 0
    deleted: int = 0
    statuses: int = 0
    log_rows: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    status_conflicts: list[str] = field(default_factory=list)

    @property
    def changed_anything(self) -> bool:
        return bool(self.new or self.changed or self.deleted or self.statuses or self.log_rows)

    def summary(self) -> str:
        n = len(self.conflicts) + len(self.status_conflicts)
        return (f"{self.new} new, {self.changed} changed, {self.deleted} deleted, "
                f"{self.statuses} status change(s), {n} conflict(s)")




# ---------------------------------------------------------------------------- merge
@dataclass
class _Other:
    """Everything read from the checkout file."""

    identity: dict[str, str]
    record_id: int | None
    record: dict[str, Any]
    checkout_id: str
    codebook_shas: dict[int, tuple[str, str, str]]  # id -> sha, name, version
    current_codebook: int
    assignments: list[Any]  # id, case, number, coder, purpose, status, codebook_id
    segments: list[Any]
    log: list[Any]  # edit-log rows after ``log_from`` (the rest was merged before)
    log_from: int


def _same_target(study: Study, other: str) -> bool:
    if is_url(other) or study.path is None:
        if not (is_url(other) and study.path is None):
            return False
        a, b = make_url(str(study.target)), make_url(other)
        return (a.host, a.port, a.database) == (b.host, b.port, b.database)
    return Path(other).resolve() == study.path


def _read_other(other: Study, merged_through: Callable[[str], int]) -> _Other:
    """Everything the merge needs from the checkout; ``merged_through(checkout_id)`` says up
    to which of its edit-log rows earlier merges took (those are not read again)."""
    with snapshot(other) as conn:
        identity = study_identity(conn)
        rec = conn.execute(
            select(EditLog.id, EditLog.entity_id, EditLog.after)
            .where(EditLog.action == CHECKOUT_ACTION, EditLog.entity == "study")
            .order_by(EditLog.id).limit(1)
        ).first()
        cbs = {int(r[0]): (str(r[1]), str(r[2]), str(r[3])) for r in conn.execute(
            select(CodebookVersion.id, CodebookVersion.sha256, CodebookVersion.name,
                   CodebookVersion.version_label))}
        asg = conn.execute(
            select(Assignment.id, Case.label, Session.number, Assignment.coder_id,
                   Assignment.purpose, Assignment.status, Assignment.codebook_id)
            .join(Session, Session.id == Assignment.session_id)
            .join(Case, Case.id == Session.case_id).order_by(Assignment.id)
        ).all()
        current = conn.execute(select(StudyInfo.current_codebook_id)).scalar_one()
        raw_times = other.is_sqlite
        # a code the coder is still recording is not a segment to merge
        segs = conn.execute(select(*segment_columns(raw_times))
                            .where(Segment.end_ms.is_not(None))).all()
        log_from = 0 if rec is None else max(int(rec[0]), merged_through(str(rec[1])))
        log = conn.execute(
            select(*log_columns(raw_times)).where(EditLog.id > log_from)
            .order_by(EditLog.id)).all()
    return _Other(
        identity=identity, record_id=None if rec is None else int(rec[0]),
        record=dict(rec[2] or {}) if rec is not None else {},
        checkout_id="" if rec is None else str(rec[1]), codebook_shas=cbs,
        current_codebook=int(current or 0), assignments=list(asg),
        segments=list(segs), log=list(log), log_from=log_from,
    )


def _merged_through(study: Study) -> Callable[[str], int]:
    def through(checkout_id: str) -> int:
        with study.read() as conn:
            rows = conn.execute(select(EditLog.after).where(
                EditLog.action == MERGE_ACTION, EditLog.entity == "checkout",
                EditLog.entity_id == checkout_id)).scalars().all()
        return max((int((r or {}).get("log_through") or 0) for r in rows), default=0)

    return through


def merge(study: Study, other_path: str | Path, progress: Progress | None = None) -> MergeReport:
    """Bring a checkout's work back into ``study`` (one transaction; see the module doc)."""
    from annotator.store.study import Study as StudyClass

    target = str(other_path)
    if _same_target(study, target):
        raise MergeError(f"Cannot merge {study.where} into itself: give the coder's checkout "
                         "file (made with annotator checkout).")
    report_progress(progress, 0.0, "reading the checkout")
    other_study = StudyClass.open(target)
    try:
        other = _read_other(other_study, _merged_through(study))
        other_where = other_study.where
    finally:
        other_study.close()
    with snapshot(study) as conn:
        mine = study_identity(conn)
        my_shas = {str(r[0]) for r in conn.execute(select(CodebookVersion.sha256))}
    if other.record_id is None and other.identity == mine:
        raise MergeError(f"{other_where} is a copy of {study.where} itself, not a coder's "
                         "checkout; there is nothing to merge.")
    used = {a.codebook_id for a in other.assignments} | {other.current_codebook}
    for cb_id in sorted(used):
        sha, name, version = other.codebook_shas[cb_id]
        if sha not in my_shas:
            raise MergeError(
                f"{other_where} uses the codebook {name!r} version {version} (sha256 "
                f"{sha[:12]}…), which {study.where} does not have. A checkout can only be merged "
                "into a study with the same codebook version; nothing was changed."
            )
    if other.record_id is None:
        raise MergeError(f"{other_where} is not a checkout (it has no checkout record); make "
                         "one with annotator checkout, or move codings with export/import.")
    if other.record.get("source") != mine:
        src = other.record.get("source") or {}
        raise MergeError(
            f"{other_where} was checked out from another study ({src.get('name')!r}, created "
            f"{src.get('created_at')}), not from {study.where}; nothing was changed."
        )
    report_progress(progress, 0.2, f"merging {len(other.segments)} segment(s)")
    report = MergeReport(coder=str(other.record.get("coder", "")))
    with study.write() as conn:
        _Merger(study, conn, other, report).run()
    report_progress(progress, 1.0, report.summary())
    return report


class _Merger:
    """One merge, inside the main study's write transaction."""

    def __init__(self, study: Study, conn: Connection, other: _Other, report: MergeReport):
        self.study = study
        self.conn = conn
        self.other = other
        self.report = report
        self.where: dict[int, str] = {}

    # --------------------------------------------------------------- baseline
    def _baseline(self) -> tuple[dict[str, str], dict[str, str], int]:
        seg_base: dict[str, str] = dict(self.other.record.get("baseline") or {})
        status_base: dict[str, str] = dict(self.other.record.get("statuses") or {})
        through = int(self.other.record_id or 0)
        rows = self.conn.execute(
            select(EditLog.after).where(
                EditLog.action == MERGE_ACTION, EditLog.entity == "checkout",
                EditLog.entity_id == self.other.checkout_id,
            ).order_by(EditLog.id)
        ).scalars()
        for after in rows:
            after = after or {}
            seg_base.update(after.get("synced") or {})
            status_base.update(after.get("statuses") or {})
            through = max(through, int(after.get("log_through") or 0))
        return seg_base, status_base, through

    # --------------------------------------------------------------- assignments
    def _map_assignments(self) -> dict[int, int]:
        sessions = {(r[0], r[1]): int(r[2]) for r in self.conn.execute(
            select(Case.label, Session.number, Session.id).join(Case, Case.id == Session.case_id))}
        cb_by_sha = {str(r[0]): int(r[1]) for r in self.conn.execute(
            select(CodebookVersion.sha256, CodebookVersion.id))}
        coders = set(self.conn.execute(select(Coder.id)).scalars())
        amap: dict[int, int] = {}
        for a in self.other.assignments:
            sid = sessions.get((a.label, a.number))
            if sid is None:
                raise MergeError(
                    f"The checkout has session {a.label}:{a.number}, which this study does not "
                    "have; add that session first. Nothing was changed."
                )
            if a.coder_id not in coders:
                self.conn.execute(insert(Coder).values(id=a.coder_id, name=a.coder_id))
                coders.add(a.coder_id)
            aid = self.study._assignment_id(self.conn, sid, a.coder_id, a.purpose)
            if aid is None:
                cb = cb_by_sha[self.other.codebook_shas[a.codebook_id][0]]
                aid = self.study._insert_assignment(self.conn, sid, a.coder_id, a.purpose,
                                                    a.coder_id, codebook_id=cb)
            amap[int(a.id)] = aid
            tag = "" if a.purpose == "primary" else f"/{a.purpose}"
            self.where[aid] = f"{a.label}:{a.number} {a.coder_id}{tag}"
        return amap

    def _main_segments(self, aids: Sequence[int]) -> dict[str, Any]:
        """This study's segments of the checked-out codings (what a merge can touch)."""
        q = select(Segment.id, Segment.assignment_id, Segment.code_id, Segment.start_ms,
                   Segment.end_ms, Segment.note, raw_text(Segment.modifiers), Segment.deleted)
        q = q.where(Segment.assignment_id.in_(aids), Segment.end_ms.is_not(None))
        return {str(r.id): r for r in self.conn.execute(q)}

    # --------------------------------------------------------------- run
    def run(self) -> None:
        seg_base, status_base, through = self._baseline()
        amap = self._map_assignments()
        aids = sorted(set(amap.values()))
        # Lock the codings first (in id order), as every edit does: an edit made on a
        # server meanwhile waits for the merge instead of being overwritten by it.
        self.conn.execute(select(Assignment.id).where(Assignment.id.in_(aids))
                          .order_by(Assignment.id).with_for_update())
        ours = self._main_segments(aids)
        inserts: dict[str, Any] = {}
        updates: dict[str, Any] = {}
        synced: dict[str, str] = {}
        for row in self.other.segments:
            sid = str(row.id)
            digest = row_digest(row)
            base = seg_base.get(sid)
            if base == digest:
                continue  # the coder did not change it
            aid = amap[int(row.assignment_id)]
            main = ours.get(sid)
            if main is None:
                if base is None:
                    if not row.deleted:
                        inserts[sid] = row
                        synced[sid] = digest
                else:
                    self._conflict(sid, aid, None, segment_state(row),
                                   "it is no longer in this study")
                continue
            main_digest = row_digest(main)
            if int(main.assignment_id) != aid:
                self._conflict(sid, aid, segment_state(main), segment_state(row),
                               "this study has it in another coding")
            elif main_digest == digest:
                synced[sid] = digest
            elif base is not None and main_digest == base:
                updates[sid] = row
                synced[sid] = digest
            else:
                self._conflict(sid, aid, segment_state(main), segment_state(row),
                               "changed in both since the checkout")
        for sid in self._drop_overlaps(amap, ours, inserts, updates):
            synced.pop(sid, None)
        self._write_segments(amap, inserts, updates)
        statuses = self._merge_statuses(amap, status_base)
        self._append_log(amap, through)
        if self.report.changed_anything:
            self.conn.execute(insert(EditLog).values(
                at=utc_now(), coder_id=self.report.coder or None, action=MERGE_ACTION,
                entity="checkout", entity_id=self.other.checkout_id, assignment_id=None,
                before=None, state="audit",
                after={"new": self.report.new, "changed": self.report.changed,
                       "deleted": self.report.deleted,
                       "conflicts": [c.segment_id for c in self.report.conflicts],
                       "log_through": max([through, *(int(r.id) for r in self.other.log)]),
                       "synced": synced, "statuses": statuses},
            ))

    def _conflict(self, sid: str, aid: int, ours: SegmentState | None, theirs: SegmentState,
                  reason: str) -> None:
        self.report.conflicts.append(
            Conflict(sid, self.where.get(aid, str(aid)), ours, theirs, reason))

    # --------------------------------------------------------------- exclusive overlaps
    def _drop_overlaps(self, amap: dict[int, int], ours: dict[str, Any],
                       inserts: dict[str, Any], updates: dict[str, Any]) -> list[str]:
        """Turn changes that would overlap inside an exclusive category into conflicts."""
        by_aid: dict[int, dict[str, Any]] = defaultdict(dict)
        for pool in (inserts, updates):
            for sid, r in pool.items():
                by_aid[amap[int(r.assignment_id)]][sid] = r
        dropped: list[str] = []
        for aid, changes in by_aid.items():
            cb_id = self.conn.execute(
                select(Assignment.codebook_id).where(Assignment.id == aid)).scalar_one()
            codebook = self.study.codebook_by_id(int(cb_id))
            exclusive = {c.id: cat.id for cat in codebook.categories if cat.exclusive
                         for c in cat.codes}
            if not exclusive:
                continue
            live = {sid: (r.code_id, r.start_ms, r.end_ms) for sid, r in ours.items()
                    if int(r.assignment_id) == aid and not r.deleted}
            while True:
                final = dict(live)
                for sid, r in changes.items():
                    final.pop(sid, None)
                    if not r.deleted:
                        final[sid] = (r.code_id, r.start_ms, r.end_ms)
                bad = _overlapping(final, exclusive, set(changes))
                if not bad:
                    break
                for sid, other_code in bad.items():
                    r = changes.pop(sid)
                    inserts.pop(sid, None)
                    updates.pop(sid, None)
                    dropped.append(sid)
                    main = ours.get(sid)
                    self._conflict(sid, aid, None if main is None else segment_state(main),
                                   segment_state(r), f"it would overlap {other_code!r} inside "
                                   "an exclusive category")
        return dropped

    # --------------------------------------------------------------- writes
    def _write_segments(self, amap: dict[int, int], inserts: dict[str, Any],
                        updates: dict[str, Any]) -> None:
        conn = self.conn
        rows = [(sid, amap[int(r.assignment_id)], r.code_id, r.start_ms, r.end_ms, r.note or "",
                 r.modifiers or "{}", time_for(conn, r.created_at),
                 time_for(conn, r.updated_at), False) for sid, r in inserts.items()]
        try:
            bulk_insert(conn, Segment.__table__, SEGMENT_FIELDS, rows, ("modifiers",))
        except IntegrityError as exc:
            raise MergeError(
                "A segment of the checkout has the id of a segment in another coding of "
                "this study; the checkout was not made from it. Nothing was changed."
            ) from exc
        self.report.new = len(rows)
        changes = []
        for sid, r in updates.items():
            changes.append({
                "sid": sid, "code_id": r.code_id, "start_ms": r.start_ms, "end_ms": r.end_ms,
                "note": r.note or "", "modifiers": r.modifiers or "{}",
                "deleted": bool(r.deleted), "updated_at": as_datetime(r.updated_at),
            })
            if r.deleted:
                self.report.deleted += 1
            else:
                self.report.changed += 1
        if changes:
            self.conn.execute(update(Segment).where(Segment.id == bindparam("sid")).values(
                code_id=bindparam("code_id"), start_ms=bindparam("start_ms"),
                end_ms=bindparam("end_ms"), note=bindparam("note"),
                modifiers=json_param("modifiers", self.conn), deleted=bindparam("deleted"),
                updated_at=bindparam("updated_at"),
            ), changes)

    def _merge_statuses(self, amap: dict[int, int], base: dict[str, str]) -> dict[str, str]:
        taken: dict[str, str] = {}
        main = dict(self.conn.execute(
            select(Assignment.id, Assignment.status).where(Assignment.id.in_(amap.values()))
        ).all())
        for a in self.other.assignments:
            key, aid, theirs = str(a.id), amap[int(a.id)], str(a.status)
            was, now = base.get(key), str(main[aid])
            if theirs in (was, now):
                continue
            if was is not None and now != was:
                self.report.status_conflicts.append(
                    f"{self.where[aid]}: status changed in both since the checkout; kept "
                    f"{now!r}, the checkout has {theirs!r}")
                continue
            self.conn.execute(update(Assignment).where(Assignment.id == aid)
                              .values(status=theirs, updated_at=utc_now()))
            taken[key] = theirs
            self.report.statuses += 1
        return taken

    def _append_log(self, amap: dict[int, int], through: int) -> None:
        conn = self.conn
        rows = []
        for r in self.other.log:
            if r.id <= through:
                continue
            aid = None if r.assignment_id is None else amap.get(r.assignment_id)
            entity_id = r.entity_id
            if r.entity == "assignment" and entity_id.isdigit():
                entity_id = str(amap.get(int(entity_id), entity_id))
            rows.append((time_for(conn, r.at), r.coder_id, r.action, r.entity, entity_id, aid,
                         r.before or "null", r.after or "null", "audit", r.batch))
        bulk_insert(conn, EditLog.__table__, LOG_FIELDS, rows, ("before", "after"))
        self.report.log_rows = len(rows)


def _overlapping(
    final: dict[str, tuple[str, int, int]], exclusive: dict[str, str], applied: set[str]
) -> dict[str, str]:
    """Applied segments that overlap another one inside an exclusive category."""
    by_cat: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for sid, (code, start, end) in final.items():
        if code in exclusive and end > start:
            by_cat[exclusive[code]].append((start, end, sid, code))
    bad: dict[str, str] = {}
    for items in by_cat.values():
        items.sort()
        for i, (_s, e, sid, code) in enumerate(items):
            for s2, _e2, sid2, code2 in items[i + 1:]:
                if s2 >= e:
                    break
                if sid in applied:
                    bad[sid] = code2
                if sid2 in applied:
                    bad[sid2] = code
    return bad
