"""``annotator check``: damage and tampering a study can show beyond SQLite's page checks.

:func:`audit` looks for

* rows whose foreign keys point nowhere (SQLite: ``PRAGMA foreign_key_check``; PostgreSQL:
  the same question asked of every foreign key, since triggers can be switched off);
* triggers and views the schema does not have (compared with a freshly migrated study), for
  example a trigger that empties the edit log;
* stored codebook versions whose YAML no longer parses or no longer matches its hash;
* more or fewer than one ``study_info`` row.

Each :class:`Finding` says what is wrong and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from annotator.core.codebook_yaml import CodebookError, codebook_hash, parse_codebook

if TYPE_CHECKING:
    from annotator.store.reader import StudyReader

#: ``exec_driver_sql`` of a SQLAlchemy connection or of a light one
#: (:class:`annotator.store.lite.LiteConnection`): audit runs on either.
Conn = Any

RESTORE = ("Restore the study from a backup (the .backups folder beside it, or your own "
           "copies)")


@dataclass(frozen=True)
class Finding:
    problem: str
    todo: str

    def __str__(self) -> str:
        return f"{self.problem}. {self.todo}."


#: (type, name) of the triggers and views annotator's own schema has: none, in any revision.
#: ``tests/test_check_tampering.py`` checks this against a freshly migrated study, so a
#: migration that adds one must add it here (``check`` itself loads no Alembic: it starts fast).
EXPECTED_OBJECTS: frozenset[tuple[str, str]] = frozenset()


def expected_objects() -> frozenset[tuple[str, str]]:
    """(type, name) of the triggers and views a freshly migrated study has."""
    return EXPECTED_OBJECTS


def audit(study: StudyReader) -> list[Finding]:
    findings: list[Finding] = []
    with study.read() as conn:
        findings += _study_rows(conn)
        findings += _foreign_keys(conn, study.is_sqlite)
        findings += _extra_objects(conn, study.is_sqlite)
        findings += _codebooks(conn)
    return findings


def _study_rows(conn: Conn) -> list[Finding]:
    n = int(conn.exec_driver_sql("SELECT count(*) FROM study_info").scalar_one())
    if n == 1:
        return []
    return [Finding(f"study_info has {n} rows; a study has exactly one",
                    f"{RESTORE}, or delete the extra rows (keep id 1)")]


def _foreign_keys(conn: Conn, sqlite: bool) -> list[Finding]:
    counts: dict[tuple[str, str], int] = {}
    if sqlite:
        for table, _rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check"):
            counts[(str(table), str(parent))] = counts.get((str(table), str(parent)), 0) + 1
    else:
        from sqlalchemy import func, select

        from annotator.store.models import Base

        for table in Base.metadata.sorted_tables:
            for fk in table.foreign_keys:
                parent = fk.column.table
                q = select(func.count()).select_from(table).where(
                    fk.parent.is_not(None),
                    ~select(parent.c[fk.column.name]).where(
                        parent.c[fk.column.name] == fk.parent).exists())
                n = int(conn.execute(q).scalar_one())
                if n:
                    counts[(table.name, parent.name)] = n
    return [Finding(f"{n} row(s) of {table} point to {parent} rows that do not exist "
                    "(foreign-key violation)",
                    f"{RESTORE}; the rows were removed or changed outside annotator")
            for (table, parent), n in sorted(counts.items())]


def _extra_objects(conn: Conn, sqlite: bool) -> list[Finding]:
    expected = expected_objects()
    if sqlite:
        rows = conn.exec_driver_sql(
            "SELECT type, name, tbl_name FROM sqlite_master "
            "WHERE type IN ('trigger', 'view')").all()
        found = [(str(t), str(n), str(tb)) for t, n, tb in rows]
    else:
        from sqlalchemy import text

        found = [("trigger", str(n), str(tb)) for n, tb in conn.execute(text(
            "SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_namespace s ON s.oid = c.relnamespace "
            "WHERE NOT t.tgisinternal AND s.nspname = current_schema()"))]
        found += [("view", str(n), str(n)) for (n,) in conn.execute(text(
            "SELECT viewname FROM pg_views WHERE schemaname = current_schema()"))]
    out = []
    for kind, name, table in found:
        if (kind, name) in expected:
            continue
        on = f" on {table}" if kind == "trigger" else ""
        out.append(Finding(
            f"the {kind} {name!r}{on} is not part of annotator's schema (it can change or "
            "hide data behind annotator's back)",
            f"Remove it (DROP {kind.upper()} \"{name}\") if nobody in your lab added it on "
            f"purpose, then check the data; or {RESTORE[0].lower()}{RESTORE[1:]}"))
    return out


def _codebooks(conn: Conn) -> list[Finding]:
    out = []
    rows = conn.exec_driver_sql("SELECT id, name, version_label, yaml_text, sha256 "
                                "FROM codebook_versions").all()
    for cid, name, version, yaml_text, sha in rows:
        label = f"the stored codebook {name!r} version {version} (id {cid})"
        try:
            parse_codebook(str(yaml_text), f"{name} (stored)")
        except CodebookError as exc:
            first = str(exc).splitlines()[0]
            out.append(Finding(f"{label} does not parse ({first})",
                               f"{RESTORE}; codings made with it cannot be shown or exported"))
            continue
        if codebook_hash(str(yaml_text)) != sha:
            out.append(Finding(f"{label} no longer matches its SHA-256: its text was changed "
                               "after it was stored",
                               f"{RESTORE}, or compare it with your codebook file"))
    return out
