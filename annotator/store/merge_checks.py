"""What a merge accepts from a checkout file (``annotator.store.merge``).

A checkout file is in the coder's hands, so nothing in it is trusted:

* *authorisation*: the main study itself recorded, when it made the checkout, which coder
  and which codings it was made for (``checkout_record``). Only those codings may change:
  a coding of another coder, a coding the checkout never held, or an edit-log row signed by
  anyone else is refused, and the refusal names what was attempted;
* *validation*: every segment the merge would write is checked as an import checks a
  timeline row (``annotator.core.timeline_rows``: limits, unknown code, end before start,
  point codes, exclusive overlaps among the incoming rows) and against the session's
  duration in the main study.

Any refusal raises :class:`MergeRefused` inside the merge's transaction, so nothing changes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from annotator.core.codebook import Codebook
from annotator.core.timeline_rows import TimelineRow, check_rows
from annotator.store.errors import StudyError
from annotator.store.models import Case, EditLog, Session
from annotator.store.sync_rows import CHECKOUT_ACTION

MAX_LISTED = 20


class MergeRefused(StudyError):
    """A checkout that tries something it may not, or brings invalid segments."""


@dataclass(frozen=True)
class CheckoutGrant:
    """What the main study recorded when it made a checkout."""

    checkout_id: str
    coder: str
    codings: frozenset[tuple[str, int, str]]  # (case, session number, purpose)


def checkout_details(checkout_id: str, coder: str,
                     codings: Iterable[tuple[str, int, str]]) -> dict[str, Any]:
    """The fields the main study's checkout event carries (see :func:`checkout_record`)."""
    return {"checkout_id": checkout_id, "coder": coder,
            "codings": [list(c) for c in sorted(codings)]}


def checkout_record(conn: Connection, checkout_id: str, where: str) -> CheckoutGrant:
    """The main study's own record of the checkout ``checkout_id``."""
    rows = conn.execute(select(EditLog.entity_id, EditLog.after).where(
        EditLog.action == CHECKOUT_ACTION, EditLog.entity == "coder")).all()
    for coder, after in rows:
        after = after if isinstance(after, dict) else _json(after)
        if after.get("checkout_id") == checkout_id and checkout_id:
            codings = frozenset((str(c), int(n), str(p)) for c, n, p in after.get("codings", []))
            return CheckoutGrant(checkout_id, str(after.get("coder") or coder), codings)
    raise MergeRefused(
        f"{where} has no record of making this checkout (id {checkout_id[:8] or 'missing'}…): "
        "it was not made from this study, or its checkout record was altered. Nothing was "
        "changed; make a new checkout with annotator checkout."
    )


def _json(raw: Any) -> dict[str, Any]:
    try:
        value = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def refuse(what: str, problems: Sequence[str]) -> None:
    if problems:
        shown = "\n".join(f"  {p}" for p in problems[:MAX_LISTED])
        more = (f"\n  ... and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED
                else "")
        raise MergeRefused(f"{what}; nothing was changed:\n{shown}{more}")


def check_grant(grant: CheckoutGrant, claimed_coder: str, assignments: Sequence[Any],
                segments: Sequence[Any], log: Sequence[Any]) -> None:
    """Refuse codings and edit-log rows outside what the checkout was made for."""
    problems: list[str] = []
    if claimed_coder != grant.coder:
        problems.append(f"the file says it is {claimed_coder!r}'s checkout, but it was made "
                        f"for {grant.coder!r}")
    ids = set()
    for a in assignments:
        ids.add(int(a.id))
        key = (str(a.label), int(a.number), str(a.purpose))
        if str(a.coder_id) != grant.coder:
            problems.append(f"a change to {a.coder_id}'s {a.purpose} coding of "
                            f"{a.label}:{a.number}")
        elif key not in grant.codings:
            problems.append(f"a {a.purpose} coding of {a.label}:{a.number} that the checkout "
                            "did not hold")
    for seg in segments:
        if seg.assignment_id is None or int(seg.assignment_id) not in ids:
            problems.append(f"segment {str(seg.id)[:8]} for a coding that is not in the "
                            "checkout")
        mods = seg.modifiers
        if isinstance(mods, str) and mods.strip() not in ("", "null", "{}") and not _json(mods):
            problems.append(f"segment {str(seg.id)[:8]} with modifiers that are not a JSON "
                            "object")
    for r in log:
        if r.coder_id is not None and str(r.coder_id) != grant.coder:
            problems.append(f"an edit-log row ({r.action} {r.entity}) signed as {r.coder_id}")
        if r.assignment_id is not None and int(r.assignment_id) not in ids:
            problems.append(f"an edit-log row ({r.action} {r.entity}) for a coding that is "
                            "not in the checkout")
    refuse(f"This checkout was made for {grant.coder} and may change only {grant.coder}'s "
           f"codings; it attempts {len(problems)} other thing(s)", problems)


def check_segments(conn: Connection, changes: Iterable[Any], amap: dict[int, int],
                   other_assignments: Sequence[Any], codebooks: dict[int, Codebook],
                   where: dict[int, str]) -> None:
    """Check every segment the merge would write; ``codebooks`` by main assignment id."""
    info = {int(a.id): a for a in other_assignments}
    durations = {(str(r[0]), int(r[1])): (r[2] if r[2] is not None else r[3])
                 for r in conn.execute(select(Case.label, Session.number,
                                              Session.media_duration_ms,
                                              Session.explicit_duration_ms)
                                       .join(Case, Case.id == Session.case_id))}
    problems: list[str] = []
    by_codebook: dict[int, list[tuple[TimelineRow, str]]] = {}
    for n, r in enumerate(changes, start=1):
        src = info.get(int(r.assignment_id))
        if src is None:
            problems.append(f"segment {str(r.id)[:8]}: its coding is not in the checkout")
            continue
        aid = amap[int(src.id)]
        label = f"{where.get(aid, aid)} segment {str(r.id)[:8]}"
        try:
            start, end = int(r.start_ms), int(r.end_ms)
        except (TypeError, ValueError):
            problems.append(f"{label}: its times are not numbers")
            continue
        codebook = codebooks[aid]
        code = str(r.code_id)
        category = codebook.code(code).category_id if codebook.has_code(code) else "?"
        row = TimelineRow(line=n, case=str(src.label), session=int(src.number),
                          coder=str(src.coder_id), category=category, code=code,
                          start_ms=start, end_ms=end, note=str(r.note or ""),
                          purpose=str(src.purpose))
        by_codebook.setdefault(aid, []).append((row, label))
        duration = durations.get((row.case, row.session))
        if duration is not None and end > duration:
            problems.append(f"{label}: ends at {end / 1000:.3f} s, beyond the session's "
                            f"duration ({duration / 1000:.3f} s)")
    labels = {row.line: label for rows in by_codebook.values() for row, label in rows}

    def name(m: re.Match[str]) -> str:
        return "segment " + labels.get(int(m.group(1)), "?").rsplit(" ", 1)[-1]

    for aid, rows in by_codebook.items():
        for p in check_rows([row for row, _ in rows], codebooks[aid]):
            reason = re.sub(r"line (\d+)", name, p.reason)
            problems.append(f"{labels[p.line]}: {p.column}: {reason}")
    refuse(f"The checkout holds {len(problems)} invalid segment change(s)", problems)
