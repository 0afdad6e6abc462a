"""``annotator session add|import|list``."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from pathlib import Path

from annotator.cli.common import open_reader, open_study, relative_media_path
from annotator.cli.errors import UsageError
from annotator.cli.output import safe
from annotator.cli.progress import Progress
from annotator.core import limits
from annotator.store import MediaLink


def _check_date(text: str | None, where: str) -> str | None:
    if text is None or text.strip() == "":
        return None
    try:
        dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{where}: {text!r} is not a date; use YYYY-MM-DD.") from None
    return text.strip()


def media_link(
    study_target: str, media: Path, progress: Progress | None,
    warnings: list[str] | None = None,
) -> MediaLink:
    """Probe and hash a recording (raises a MediaError subclass with a clear message).

    A usable file with a limitation (truncated) adds its warning to ``warnings``.
    """
    from annotator.media.hashing import sha256_file  # OpenCV and numpy: only with media
    from annotator.media.probe import probe

    info = probe(media)
    if info.warning and warnings is not None:
        warnings.append(info.warning)
    size = media.stat().st_size

    def on_bytes(done: int, total: int) -> None:
        if progress is not None:
            progress.update(done / max(total, 1), media.name)

    digest = sha256_file(media, progress=on_bytes)
    return MediaLink(
        path=relative_media_path(study_target, media), sha256=digest, size=size,
        duration_ms=info.duration_ms, fps=info.fps, frame_count=info.frame_count,
        width=info.width, height=info.height, codec=info.codec,
    )


def cmd_add(ns: argparse.Namespace) -> int:
    date = _check_date(ns.date, "--date")
    study = open_study(ns.study)
    try:
        if ns.media:
            warnings: list[str] = []
            link = media_link(ns.study, Path(ns.media), Progress("hashing"), warnings)
            s = study.add_session(ns.case, ns.number, media=link, date=date)
            assert s.media is not None
            if s.media.frame_count == 0:
                print(f"Added session {safe(s.key)}: {s.media.duration_ms / 1000:.3f} s, "
                      f"audio only ({s.media.codec}).")
            else:
                print(f"Added session {safe(s.key)}: {s.media.duration_ms / 1000:.3f} s, "
                      f"{s.media.fps:g} fps, {s.media.frame_count} frames, "
                      f"{s.media.width}x{s.media.height} {s.media.codec}.")
            for warning in warnings:
                print(f"Warning: {safe(warning)}", file=sys.stderr)
        else:
            duration_ms = limits.seconds_to_ms(ns.duration, "--duration")
            s = study.add_session(ns.case, ns.number, duration_ms=duration_ms, date=date)
            print(f"Added session {safe(s.key)} without media, {ns.duration:g} s long.")
    finally:
        study.close()
    return 0


def cmd_import(ns: argparse.Namespace) -> int:
    manifest = Path(ns.manifest)
    if not manifest.is_file():
        raise UsageError(f"There is no manifest file {manifest}.")
    base = manifest.resolve().parent
    rows = _read_manifest(manifest)
    problems: list[str] = []
    planned: list[tuple[int, str, int, Path, str | None]] = []
    for i, r in rows:
        try:
            case = limits.check_case(r["case"], "the case")
        except limits.LimitError as exc:
            problems.append(f"line {i}, column case: {exc}")
            continue
        try:
            number = limits.check_session_number(int(r["session"]))
        except ValueError as exc:
            reason = str(exc) if isinstance(exc, limits.LimitError) else "is not a number"
            problems.append(f"line {i}, column session: {r['session']!r} {reason}")
            continue
        if not r["media"] or limits.control_chars(r["media"]):
            problems.append(f"line {i}, column media: give the recording's file name")
            continue
        media = base / r["media"]
        if not media.is_file():
            problems.append(f"line {i}, column media: there is no file {r['media']}")
            continue
        try:
            date = _check_date(r.get("date"), f"line {i}, column date")
        except UsageError as exc:
            problems.append(str(exc))
            continue
        planned.append((i, case, number, media, date))
    if not planned and not problems:
        problems.append("the manifest has no sessions (only a header)")
    if problems:
        raise UsageError(f"{manifest.name}: {len(problems)} problem(s); no session was added.\n"
                         + "\n".join(f"  {p}" for p in problems))
    study = open_study(ns.study)
    try:
        existing = {(s.case, s.number) for s in study.sessions()}
        progress = Progress("sessions")
        links = []
        warnings: list[str] = []
        for k, (line, case, number, media, date) in enumerate(planned):
            if (case, number) in existing:
                problems.append(f"line {line}: session {case}:{number} already exists")
                continue
            progress.update(k / max(len(planned), 1), f"{case}:{number} {media.name}")
            try:
                found: list[str] = []
                links.append((case, number, media_link(ns.study, media, None, found), date))
                warnings += [f"line {line}: {w}" for w in found]
            except Exception as exc:  # MediaError: reported per line, nothing added
                problems.append(f"line {line}: {exc}")
        if problems:
            raise UsageError(f"{manifest.name}: {len(problems)} problem(s); no session was "
                             "added.\n" + "\n".join(f"  {p}" for p in problems))
        study.add_sessions([(c, n, link, None, d) for c, n, link, d in links])
        progress.done(f"{len(links)} session(s) added")
        print(f"Added {len(links)} session(s) from {manifest.name}.")
        for warning in warnings:
            print(f"Warning: {warning}", file=sys.stderr)
    finally:
        study.close()
    return 0


def _read_manifest(manifest: Path) -> list[tuple[int, dict[str, str]]]:
    """The manifest's rows with their line numbers; refuses a broken file as a whole."""
    try:
        with manifest.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            cols = [c.strip().lower() for c in (reader.fieldnames or [])]
            need = ["case", "session", "media"]
            if any(c not in cols for c in need):
                found = ",".join(cols) or "nothing"
                raise UsageError(f"{manifest.name}: the header must have "
                                 f"case,session,media[,date] (found {found}).")
            rows = []
            for r in reader:
                rows.append((reader.line_num, {k.strip().lower(): (v or "").strip()
                                               for k, v in r.items() if isinstance(k, str)}))
    except UnicodeDecodeError as exc:
        raise UsageError(f"{manifest.name}: not UTF-8 text (byte {exc.start}); save it as UTF-8 "
                         "CSV. No session was added.") from None
    except csv.Error as exc:
        raise UsageError(f"{manifest.name}: line {reader.line_num}: {exc} (a field is at most "
                         f"{limits.MAX_FIELD_BYTES // 1024} KiB). No session was added.") from None
    for _, r in rows:
        for key in ("case", "session", "media"):
            r.setdefault(key, "")
    return rows


def cmd_list(ns: argparse.Namespace) -> int:
    study = open_reader(ns.study)
    try:
        sessions = study.sessions()
        by_session: dict[int, list[str]] = {}
        for a in study.assignments():
            tag = a.coder + ("" if a.purpose == "primary" else f"/{a.purpose[:3]}")
            by_session.setdefault(a.session_id, []).append(f"{tag}:{a.status}")
        print(f"{'session':<10} {'date':<10} {'duration':>10}  {'media':<28} coders")
        for s in sessions:
            dur = s.duration_ms
            dur_text = "?" if dur is None else f"{dur / 1000:.1f} s"
            media = "-" if s.media is None else Path(s.media.path).name
            coders = ", ".join(by_session.get(s.id, [])) or "-"
            print(f"{safe(s.key):<10} {safe(s.date or '-'):<10} {dur_text:>10}  "
                  f"{safe(media[:28]):<28} {safe(coders)}")
        print(f"{len(sessions)} session(s).")
    finally:
        study.close()
    return 0
