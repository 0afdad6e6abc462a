"""Blind coding enforced by a PostgreSQL lab server: per-coder login roles and row-level
security (``annotator lab secure`` / ``annotator lab add-coder``).

``secure`` (idempotent; ``add-coder`` runs it too) creates ``annotator_lab_roles`` (which
login role is which coder) and the function ``annotator_coder()`` (the coder of the current
role, or NULL), turns on row-level security on the study's tables and (re)creates these
policies. A coder's role

* reads the study, the codebooks and its own coder row; the cases and sessions it has a
  coding of; its own assignments, segments and edit-log rows; nothing of another coder;
* writes only its own segments, its own assignments' status, and edit-log rows of its own
  codings signed by itself (or unsigned); it cannot add cases, sessions, coders or
  assignments.

The lead's role owns the tables (it ran ``annotator init``), so row-level security does not
apply to it: it sees and changes everything. These are not schema migrations: the tables
are unchanged, and a study without them behaves as before.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text

from annotator.core import limits
from annotator.store.errors import StudyError

if TYPE_CHECKING:
    from annotator.store.study import Study

ROLES_TABLE = "annotator_lab_roles"
ROLE_PREFIX = "coder_"
OWN = "(SELECT a.id FROM assignments a WHERE a.coder_id = annotator_coder())"
ME = "annotator_coder()"

POLICIES: dict[str, list[tuple[str, str, str | None, str | None]]] = {
    # table: [(name, command, USING, WITH CHECK)]
    "study_info": [("read", "SELECT", "true", None)],
    "codebook_versions": [("read", "SELECT", "true", None)],
    "coders": [("own", "SELECT", f"id = {ME}", None)],
    "cases": [("assigned", "SELECT",
               "id IN (SELECT s.case_id FROM sessions s JOIN assignments a ON "
               f"a.session_id = s.id WHERE a.coder_id = {ME})", None)],
    "sessions": [("assigned", "SELECT",
                  f"id IN (SELECT a.session_id FROM assignments a WHERE a.coder_id = {ME})",
                  None)],
    "assignments": [("own_read", "SELECT", f"coder_id = {ME}", None),
                    ("own_status", "UPDATE", f"coder_id = {ME}", f"coder_id = {ME}")],
    "segments": [("own", "ALL", f"assignment_id IN {OWN}", f"assignment_id IN {OWN}")],
    "edit_log": [
        ("own_read", "SELECT",
         f"assignment_id IN {OWN} OR (assignment_id IS NULL AND coder_id = {ME})", None),
        ("own_write", "INSERT", None,
         f"(coder_id IS NULL OR coder_id = {ME}) AND "
         f"(assignment_id IS NULL OR assignment_id IN {OWN})"),
        ("own_state", "UPDATE", f"assignment_id IN {OWN}",
         f"assignment_id IN {OWN} AND (coder_id IS NULL OR coder_id = {ME})"),
    ],
}
READ_ONLY = ("alembic_version", ROLES_TABLE)
WRITES = {"segments": "INSERT, UPDATE, DELETE", "edit_log": "INSERT, UPDATE",
          "assignments": "UPDATE"}


@dataclass(frozen=True)
class LabIdentity:
    """Who the connection is on a lab server."""

    role: str
    coder: str | None  # the coder this role codes as, if it is a coder's role
    secured: bool  # row-level security is set up in this database
    lead: bool  # owns the tables (or is a superuser): sees everything

    def describe(self) -> str:
        if self.coder is not None:
            return f"the database role {self.role!r}, which is coder {self.coder}"
        return f"the database role {self.role!r}" + (" (the lead)" if self.lead else "")


def _server_only(study: Study) -> None:
    if study.is_sqlite:
        raise StudyError(
            f"{study.where} is a study file: per-coder access control is for a PostgreSQL lab "
            "server. For a file, give each coder a checkout (annotator checkout).")


def _q(conn: Connection, name: str) -> str:
    return str(conn.dialect.identifier_preparer.quote(name))


def secure(study: Study) -> None:
    """Set up (or refresh) the roles table, ``annotator_coder()`` and the policies."""
    _server_only(study)
    with study.write() as conn:
        _require_lead(conn, study.where)
        conn.execute(text(
            f"CREATE TABLE IF NOT EXISTS {ROLES_TABLE} (role_name text PRIMARY KEY, "
            "coder_id varchar(20) NOT NULL REFERENCES coders(id) ON DELETE CASCADE)"))
        conn.execute(text(
            "CREATE OR REPLACE FUNCTION annotator_coder() RETURNS text LANGUAGE sql STABLE "
            f"AS $$ SELECT coder_id::text FROM {ROLES_TABLE} WHERE role_name = current_user $$"))
        for table, policies in POLICIES.items():
            conn.execute(text(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"))
            existing = set(conn.execute(text(
                "SELECT policyname FROM pg_policies WHERE schemaname = current_schema() AND "
                "tablename = :t"), {"t": table}).scalars())
            for name in existing:
                if name.startswith("annot_"):
                    conn.execute(text(f"DROP POLICY {_q(conn, name)} ON {table}"))
            for name, command, using, check in policies:
                sql = f"CREATE POLICY annot_{name} ON {table} FOR {command} TO PUBLIC"
                if using is not None:
                    sql += f" USING ({using})"
                if check is not None:
                    sql += f" WITH CHECK ({check})"
                conn.execute(text(sql))


@dataclass(frozen=True)
class NewCoderRole:
    role: str
    created: bool
    password: str | None  # set (and to be handed over) when annotator made it


def add_coder_role(study: Study, coder: str, *, role: str | None = None,
                   password: str | None = None) -> NewCoderRole:
    """A login role for ``coder`` (made if missing), mapped to the coder and granted what
    the policies need. A new role gets ``password`` or a generated one."""
    _server_only(study)
    try:
        coder = limits.check_coder(coder, "--coder")
    except limits.LimitError as exc:
        raise StudyError(str(exc)) from None
    role = role or f"{ROLE_PREFIX}{coder.lower()}"
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,62}", role):
        raise StudyError(f"--role {role!r}: use letters, digits and _ (at most 63).")
    secure(study)
    study.add_coder(coder)
    made_password: str | None = None
    with study.write() as conn:
        q = _q(conn, role)
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"),
                              {"r": role}).first() is not None
        if not exists:
            made_password = password or secrets.token_urlsafe(18)
            literal = "'" + made_password.replace("'", "''") + "'"
            conn.execute(text(f"CREATE ROLE {q} LOGIN NOINHERIT PASSWORD {literal}"
                              .replace(":", "\\:")))
        elif password is not None:
            literal = "'" + password.replace("'", "''") + "'"
            conn.execute(text(f"ALTER ROLE {q} PASSWORD {literal}".replace(":", "\\:")))
        other = conn.execute(text(f"SELECT coder_id FROM {ROLES_TABLE} WHERE role_name = :r"),
                             {"r": role}).scalar_one_or_none()
        if other is not None and other != coder:
            raise StudyError(f"The role {role!r} already codes as {other} in {study.where}; "
                             "give another --role.")
        conn.execute(text(f"INSERT INTO {ROLES_TABLE} (role_name, coder_id) VALUES (:r, :c) "
                          "ON CONFLICT (role_name) DO NOTHING"), {"r": role, "c": coder})
        db = conn.execute(text("SELECT current_database()")).scalar_one()
        conn.execute(text(f"GRANT CONNECT ON DATABASE {_q(conn, str(db))} TO {q}"))
        conn.execute(text(f"GRANT USAGE ON SCHEMA {_q(conn, _schema(conn))} TO {q}"))
        for table in [*POLICIES, *READ_ONLY]:
            conn.execute(text(f"GRANT SELECT ON {table} TO {q}"))
        for table, what in WRITES.items():
            conn.execute(text(f"GRANT {what} ON {table} TO {q}"))
        conn.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "
                          f"{_q(conn, _schema(conn))} TO {q}"))
    return NewCoderRole(role, not exists, made_password if not exists else None)


def _schema(conn: Connection) -> str:
    return str(conn.execute(text("SELECT current_schema()")).scalar_one())


def _require_lead(conn: Connection, where: str) -> None:
    ident = _identity(conn)
    if not ident.lead:
        raise StudyError(f"Only the lead (the owner of the study's tables) can set up access "
                         f"control in {where}; you are connected as {ident.describe()}.")


def _identity(conn: Connection) -> LabIdentity:
    role = str(conn.execute(text("SELECT current_user")).scalar_one())
    lead = bool(conn.execute(text(
        "SELECT r.rolsuper OR r.rolbypassrls OR pg_has_role(current_user, c.relowner, "
        "'MEMBER') FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND "
        "c.oid = 'segments'::regclass")).scalar_one())
    secured = conn.execute(text("SELECT to_regclass(:t) IS NOT NULL"),
                           {"t": ROLES_TABLE}).scalar_one()
    coder = None
    if secured:
        coder = conn.execute(text(f"SELECT coder_id FROM {ROLES_TABLE} WHERE role_name = "
                                  "current_user")).scalar_one_or_none()
    return LabIdentity(role, None if coder is None else str(coder), bool(secured), lead)


def identity(study: Study) -> LabIdentity | None:
    """Who this connection is on a server; None for a study file."""
    if study.is_sqlite:
        return None
    with study.read() as conn:
        return _identity(conn)


def require_acting_as(study: Study, coder: str | None, what: str, *,
                      instead: str = "use --coder {coder}") -> None:
    """Refuse to ``what`` as ``coder`` unless the database role is that coder's (or the
    lead's). On a study file, or a server without access control, anything goes.
    ``instead`` says what to do otherwise (``{coder}``: the role's own coder)."""
    ident = identity(study)
    if ident is None or not ident.secured or ident.lead:
        return
    if ident.coder is None:
        raise StudyError(f"{study.where}: you are connected as {ident.describe()}, which is "
                         "no coder of this study; ask the lead for a coder role "
                         "(annotator lab add-coder).")
    if coder is not None and coder != ident.coder:
        raise StudyError(
            f"{study.where}: you are connected as {ident.describe()}; you cannot {what} as "
            f"coder {coder}. Connect with {coder}'s own role, or "
            f"{instead.format(coder=ident.coder)}.")
