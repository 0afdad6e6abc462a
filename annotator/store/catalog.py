"""Cases, sessions, coders and assignments of a study."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from annotator.core import limits
from annotator.store.errors import EditError, NotFoundError, StudyError
from annotator.store.models import Assignment, Case, Coder, EditLog, Segment, Session
from annotator.store.records import (
    PURPOSES,
    STATUSES,
    AssignmentInfo,
    CoderInfo,
    MediaLink,
    SessionInfo,
    session_info,
)

if TYPE_CHECKING:
    from annotator.core.codebook import Codebook
    from annotator.store.recordings import OpenRecordingInfo


def _now() -> datetime:
    return datetime.now(UTC)


_SESSION_COLS = (
    Session.id, Case.label, Session.number, Session.date, Session.media_path,
    Session.media_sha256, Session.media_size, Session.media_duration_ms, Session.fps,
    Session.frame_count, Session.width, Session.height, Session.codec,
    Session.explicit_duration_ms,
)


_session_info = session_info


def _checked(check: Any, value: Any, what: str) -> Any:
    try:
        return check(value, what)
    except limits.LimitError as exc:
        raise EditError(str(exc)) from None


def _check_session_values(case: str, number: int, media: MediaLink | None,
                          duration_ms: int | None, date: str | None) -> None:
    """The shared limits (``annotator.core.limits``) for a new session, so a value that
    would not fit a server's 4-byte integers is refused the same way everywhere."""
    _checked(limits.check_case, case, "the case id")
    _checked(limits.check_session_number, number, "the session number")
    if duration_ms is not None:
        _checked(limits.check_time_ms, duration_ms, "the session duration")
    if date is not None and (len(date) > 10 or limits.control_chars(date)):
        raise EditError(f"The date {date!r} is not YYYY-MM-DD.")
    if media is not None:
        _check_media(media)


def _check_media(media: MediaLink) -> None:
    _checked(limits.check_time_ms, media.duration_ms, "the media duration")
    _checked(limits.check_media_size, media.size, "the media size")
    for what, value in (("frame count", media.frame_count), ("width", media.width),
                        ("height", media.height)):
        _checked(lambda v, w: limits.check_count(v, w, 0, limits.INT4_MAX), value,
                 f"the media {what}")


class CatalogMixin:
    """Study catalog: part of :class:`annotator.store.study.Study`."""

    if TYPE_CHECKING:
        def write(self) -> AbstractContextManager[Connection]: ...
        def read(self) -> AbstractContextManager[Connection]: ...
        @property
        def current_codebook_id(self) -> int: ...
        def codebook_by_id(self, codebook_id: int) -> Codebook: ...
        def open_recordings(self, assignment_id: int | None = None, *,
                            conn: Connection | None = None) -> list[OpenRecordingInfo]: ...

    # ------------------------------------------------------------------ cases
    def add_case(self, label: str, notes: str = "") -> int:
        label = label.strip()
        if not label:
            raise EditError("A case needs a label, for example C01.")
        _checked(limits.check_note, notes, "the case notes")
        with self.write() as conn:
            return self._case_id(conn, label, create=True, notes=notes)

    def _case_id(self, conn: Connection, label: str, *, create: bool, notes: str = "") -> int:
        cid = conn.execute(select(Case.id).where(Case.label == label)).scalar_one_or_none()
        if cid is not None:
            return int(cid)
        if not create:
            raise NotFoundError(f"There is no case {label!r} in this study.")
        if _checked(limits.check_case, label, "the case id") != label:
            raise EditError(f"The case id {label!r} has spaces at its ends; remove them.")
        res = conn.execute(insert(Case).values(label=label, notes=notes))
        assert res.inserted_primary_key is not None
        return int(res.inserted_primary_key[0])

    def cases(self) -> list[str]:
        with self.read() as conn:
            return [str(r) for r in conn.execute(select(Case.label).order_by(Case.label)).scalars()]

    # ------------------------------------------------------------------ sessions
    def add_session(
        self, case: str, number: int, *, media: MediaLink | None = None,
        duration_ms: int | None = None, date: str | None = None,
    ) -> SessionInfo:
        if number < 1:
            raise EditError(f"Session numbers start at 1 (got {number}).")
        if media is None and duration_ms is None:
            raise EditError("A session needs either a media file or an explicit duration.")
        if duration_ms is not None and duration_ms <= 0:
            raise EditError(f"A session duration must be positive (got {duration_ms} ms).")
        _check_session_values(case, number, media, duration_ms, date)
        with self.write() as conn:
            self._insert_session(conn, case, number, media, duration_ms, date)
        return self.session(case, number)

    def add_sessions(
        self, items: list[tuple[str, int, MediaLink | None, int | None, str | None]]
    ) -> None:
        """Add many sessions ``(case, number, media, duration_ms, date)`` in one transaction."""
        with self.write() as conn:
            for case, number, media, duration_ms, date in items:
                self._insert_session(conn, case, number, media, duration_ms, date)

    def _insert_session(
        self, conn: Connection, case: str, number: int, media: MediaLink | None,
        duration_ms: int | None, date: str | None,
    ) -> int:
        _check_session_values(case, number, media, duration_ms, date)
        case_id = self._case_id(conn, case, create=True)
        exists = conn.execute(
            select(Session.id).where(Session.case_id == case_id, Session.number == number)
        ).scalar_one_or_none()
        if exists is not None:
            raise EditError(f"Session {case}:{number} already exists in this study.")
        values: dict[str, Any] = dict(
            case_id=case_id, number=number, date=date, explicit_duration_ms=duration_ms,
        )
        if media is not None:
            values.update(
                media_path=media.path, media_sha256=media.sha256, media_size=media.size,
                media_duration_ms=media.duration_ms, fps=media.fps,
                frame_count=media.frame_count, width=media.width, height=media.height,
                codec=media.codec,
            )
        res = conn.execute(insert(Session).values(**values))
        assert res.inserted_primary_key is not None
        return int(res.inserted_primary_key[0])

    def relink_media(self, session_id: int, media: MediaLink, by: str | None = None) -> None:
        _check_media(media)
        with self.write() as conn:
            before = conn.execute(
                select(Session.media_path).where(Session.id == session_id)
            ).scalar_one_or_none()
            conn.execute(
                update(Session).where(Session.id == session_id).values(
                    media_path=media.path, media_sha256=media.sha256, media_size=media.size,
                    media_duration_ms=media.duration_ms, fps=media.fps,
                    frame_count=media.frame_count, width=media.width, height=media.height,
                    codec=media.codec,
                )
            )
            conn.execute(insert(EditLog).values(
                at=_now(), coder_id=by, action="relink", entity="session",
                entity_id=str(session_id), assignment_id=None,
                before={"media_path": before}, after={"media_path": media.path}, state="audit",
            ))

    def sessions(self, case: str | None = None) -> list[SessionInfo]:
        with self.read() as conn:
            q = select(*_SESSION_COLS).join(Case, Case.id == Session.case_id)
            if case is not None:
                q = q.where(Case.label == case)
            rows = conn.execute(q.order_by(Case.label, Session.number)).all()
            # The latest segment end stands in for a duration only where a session has
            # none (no media, no explicit duration): only those sessions' segments are read.
            undated = [r[0] for r in rows if r[4] is None and r[13] is None]
            ends: dict[int, int] = {}
            if undated:
                ends = {int(k): int(v) for k, v in conn.execute(
                    select(Assignment.session_id, func.max(Segment.end_ms))
                    .join(Segment, Segment.assignment_id == Assignment.id)
                    .where(Segment.deleted.is_(False), Assignment.session_id.in_(undated))
                    .group_by(Assignment.session_id)
                ).all() if v is not None}
        return [_session_info(r, ends.get(r[0])) for r in rows]

    def session(self, case: str, number: int) -> SessionInfo:
        for s in self.sessions(case):
            if s.number == number:
                return s
        raise NotFoundError(f"There is no session {case}:{number} in this study.")

    def session_by_id(self, session_id: int) -> SessionInfo:
        with self.read() as conn:
            row = conn.execute(
                select(*_SESSION_COLS).join(Case, Case.id == Session.case_id)
                .where(Session.id == session_id)
            ).one_or_none()
            if row is None:
                raise NotFoundError(f"There is no session with id {session_id}.")
            end = conn.execute(
                select(func.max(Segment.end_ms))
                .join(Assignment, Segment.assignment_id == Assignment.id)
                .where(Assignment.session_id == session_id, Segment.deleted.is_(False))
            ).scalar_one_or_none()
        return _session_info(row, end)

    # ------------------------------------------------------------------ coders
    def add_coder(self, coder_id: str, name: str = "") -> CoderInfo:
        coder_id = coder_id.strip()
        if not coder_id or len(coder_id) > 20 or any(c.isspace() for c in coder_id):
            raise EditError(
                f"A coder id is short initials without spaces (1-20 characters), got "
                f"{coder_id!r}."
            )
        _checked(limits.check_coder, coder_id, "the coder id")
        _checked(limits.check_name, name, "the coder's name")
        with self.write() as conn:
            self._ensure_coder(conn, coder_id, name)
        return CoderInfo(coder_id, name or coder_id)

    def _ensure_coder(self, conn: Connection, coder_id: str, name: str = "") -> bool:
        """Create the coder if new; return whether it was created."""
        if conn.execute(select(Coder.id).where(Coder.id == coder_id)).scalar_one_or_none():
            return False
        _checked(limits.check_coder, coder_id, "the coder id")
        conn.execute(insert(Coder).values(id=coder_id, name=name or coder_id))
        return True

    def coders(self) -> list[CoderInfo]:
        with self.read() as conn:
            rows = conn.execute(select(Coder.id, Coder.name).order_by(Coder.id)).all()
        return [CoderInfo(str(r[0]), str(r[1])) for r in rows]

    def has_coder(self, coder_id: str) -> bool:
        return any(c.id == coder_id for c in self.coders())

    # ------------------------------------------------------------------ assignments
    def assign(
        self, session_id: int, coder_id: str, purpose: str = "primary",
        *, by: str | None = None,
    ) -> AssignmentInfo:
        """Assign a coder to a session (idempotent for the same purpose)."""
        if purpose not in PURPOSES:
            raise EditError(f"Unknown purpose {purpose!r}; use one of {', '.join(PURPOSES)}.")
        with self.write() as conn:
            self._ensure_coder(conn, coder_id)
            aid = self._assignment_id(conn, session_id, coder_id, purpose)
            if aid is None:
                aid = self._insert_assignment(conn, session_id, coder_id, purpose, by)
        return self.assignment(aid)

    def _assignment_id(
        self, conn: Connection, session_id: int, coder_id: str, purpose: str
    ) -> int | None:
        aid = conn.execute(
            select(Assignment.id).where(
                Assignment.session_id == session_id, Assignment.coder_id == coder_id,
                Assignment.purpose == purpose,
            )
        ).scalar_one_or_none()
        return None if aid is None else int(aid)

    def _insert_assignment(
        self, conn: Connection, session_id: int, coder_id: str, purpose: str, by: str | None,
        codebook_id: int | None = None,
    ) -> int:
        from annotator.store.models import StudyInfo

        cb = codebook_id or conn.execute(select(StudyInfo.current_codebook_id)).scalar_one()
        t = _now()
        try:
            res = conn.execute(insert(Assignment).values(
                session_id=session_id, coder_id=coder_id, purpose=purpose, status="assigned",
                codebook_id=cb, created_at=t, updated_at=t,
            ))
        except IntegrityError as exc:
            raise NotFoundError(f"There is no session with id {session_id}.") from exc
        assert res.inserted_primary_key is not None
        aid = int(res.inserted_primary_key[0])
        conn.execute(insert(EditLog).values(
            at=t, coder_id=by, action="assign", entity="assignment", entity_id=str(aid),
            assignment_id=aid, before=None,
            after={"session_id": session_id, "coder": coder_id, "purpose": purpose},
            state="audit",
        ))
        return aid

    def _assignment_query(self) -> Any:
        return select(
            Assignment.id, Assignment.session_id, Case.label, Session.number,
            Assignment.coder_id, Assignment.purpose, Assignment.status, Assignment.codebook_id,
        ).join(Session, Session.id == Assignment.session_id).join(
            Case, Case.id == Session.case_id
        )

    def assignment(self, assignment_id: int) -> AssignmentInfo:
        with self.read() as conn:
            row = conn.execute(
                self._assignment_query().where(Assignment.id == assignment_id)
            ).one_or_none()
        if row is None:
            raise NotFoundError(f"There is no assignment with id {assignment_id}.")
        return AssignmentInfo(*row)

    def assignments(
        self, *, session_id: int | None = None, coder: str | None = None,
        purpose: str | None = None,
    ) -> list[AssignmentInfo]:
        q = self._assignment_query()
        if session_id is not None:
            q = q.where(Assignment.session_id == session_id)
        if coder is not None:
            q = q.where(Assignment.coder_id == coder)
        if purpose is not None:
            q = q.where(Assignment.purpose == purpose)
        with self.read() as conn:
            rows = conn.execute(q.order_by(Case.label, Session.number, Assignment.id)).all()
        return [AssignmentInfo(*r) for r in rows]

    def find_assignment(
        self, session_id: int, coder: str, purpose: str | None = None
    ) -> AssignmentInfo | None:
        found = self.assignments(session_id=session_id, coder=coder, purpose=purpose)
        return found[0] if found else None

    def set_status(self, assignment_id: int, status: str, *, by: str | None = None) -> None:
        """Move an assignment's status; submitting and reopening are logged."""
        if status not in STATUSES:
            raise EditError(f"Unknown status {status!r}; use one of {', '.join(STATUSES)}.")
        with self.write() as conn:
            before = conn.execute(
                select(Assignment.status).where(Assignment.id == assignment_id)
            ).scalar_one_or_none()
            if before is None:
                raise NotFoundError(f"There is no assignment with id {assignment_id}.")
            if before == status:
                return
            if status == "submitted":
                still = self.open_recordings(assignment_id, conn=conn)
                if still:
                    raise EditError(
                        "Not submitted: " + "; ".join(r.describe() for r in still)
                        + ". End the recording (Enter) or discard it (Esc) first; a code "
                        "still being recorded is not a segment yet.")
            conn.execute(
                update(Assignment).where(Assignment.id == assignment_id)
                .values(status=status, updated_at=_now())
            )
            action = {"submitted": "submit"}.get(status, "reopen" if before == "submitted"
                                                  else "status")
            conn.execute(insert(EditLog).values(
                at=_now(), coder_id=by, action=action, entity="assignment",
                entity_id=str(assignment_id), assignment_id=assignment_id,
                before={"status": before}, after={"status": status}, state="audit",
            ))

    def log_event(
        self, action: str, entity: str, entity_id: str, *, by: str | None,
        assignment_id: int | None = None, details: dict[str, Any] | None = None,
    ) -> None:
        """Record an audit-only event (for example unblinding) in the edit log."""
        with self.write() as conn:
            conn.execute(insert(EditLog).values(
                at=_now(), coder_id=by, action=action, entity=entity, entity_id=entity_id,
                assignment_id=assignment_id, before=None, after=details, state="audit",
            ))

    def log_entries(self, assignment_id: int | None = None) -> Iterator[Any]:
        q = select(EditLog).order_by(EditLog.id)
        if assignment_id is not None:
            q = q.where(EditLog.assignment_id == assignment_id)
        with self.read() as conn:
            yield from conn.execute(q).mappings().all()

    def _require(self, ok: bool, message: str) -> None:
        if not ok:
            raise StudyError(message)
