"""A lab server enforces blind coding: each coder's login role (``annotator lab add-coder``)
reads and writes only that coder's codings, through PostgreSQL row-level security; the lead
sees everything. Real server, real roles."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest

from annotator.store import Study, StudyError
from annotator.store.lab_security import add_coder_role, identity, require_acting_as
from tests.conftest import _pg_admin_execute, run_cli
from tests.studyutil import make_study

pytestmark = pytest.mark.postgres


@dataclass
class Lab:
    lead: str
    ak: str  # AK's role's URL
    bl: str
    ak_aid: int
    bl_aid: int
    roles: list[str]


def role_url(pg_url: str, role: str, password: str) -> str:
    rest = pg_url.split("@", 1)[1]
    return f"postgresql+psycopg://{role}:{password}@{rest}"


def drop_roles(pg_url: str, roles: list[str]) -> None:
    with psycopg.connect(pg_url.replace("+psycopg", ""), autocommit=True) as conn:
        for r in roles:
            conn.execute(f'DROP OWNED BY "{r}"')  # type: ignore[arg-type]
    for r in roles:
        _pg_admin_execute(f'DROP ROLE IF EXISTS "{r}"')


@pytest.fixture
def lab(pg_url: str) -> Iterator[Lab]:
    study = make_study(pg_url)
    s1 = study.add_session("C01", 1, duration_ms=60_000)
    study.add_case("C02", notes="AK's case notes")
    s2 = study.add_session("C02", 1, duration_ms=60_000)
    ak = study.assign(s1.id, "AK").id
    ak2 = study.assign(s2.id, "AK").id
    bl = study.assign(s1.id, "BL", "reliability").id
    study.add_segment(ak, "praise", 0, 1000, note="AK-SECRET-NOTE", by="AK")
    study.add_segment(ak2, "praise", 0, 1000, note="AK-OTHER-CASE", by="AK")
    study.add_segment(bl, "praise", 500, 1500, note="bl's own note", by="BL")
    tag = uuid.uuid4().hex[:8]
    roles = [f"coder_ak_{tag}", f"coder_bl_{tag}"]
    made = [add_coder_role(study, c, role=r, password=f"pw-{c}-{tag}")
            for c, r in zip(("AK", "BL"), roles, strict=True)]
    study.close()
    assert all(m.created for m in made)
    try:
        yield Lab(pg_url, role_url(pg_url, roles[0], f"pw-AK-{tag}"),
                  role_url(pg_url, roles[1], f"pw-BL-{tag}"), ak, bl, roles)
    finally:
        drop_roles(pg_url, roles)


def sql(url: str, query: str, *params: object) -> list[tuple[object, ...]]:
    with psycopg.connect(url.replace("+psycopg", "")) as conn:
        cur = conn.execute(query, params)  # type: ignore[arg-type]
        rows = cur.fetchall() if cur.description else []
        conn.commit()
        return rows


def test_a_coder_reads_only_their_own_codings(lab: Lab) -> None:
    notes = [r[0] for r in sql(lab.bl, "SELECT note FROM segments")]
    assert notes == ["bl's own note"]
    log = sql(lab.bl, "SELECT coder_id, after::text FROM edit_log")
    assert log and all("AK" not in str(r) for r in log)
    assert sql(lab.bl, "SELECT label, notes FROM cases") == [("C01", "")]
    assert [r[0] for r in sql(lab.bl, "SELECT coder_id FROM assignments")] == ["BL"]
    assert sql(lab.bl, "SELECT id FROM coders") == [("BL",)]
    assert len(sql(lab.bl, "SELECT id FROM sessions")) == 1
    proc = run_cli("export", lab.bl, "-o", "-")
    assert proc.returncode == 0 and "AK" not in proc.stdout and "bl's own note" in proc.stdout
    proc = run_cli("export", lab.bl, "-o", "-", "--coder", "AK")
    assert proc.returncode == 2 and "cannot export codings as coder AK" in proc.stderr
    assert "AK-SECRET-NOTE" not in proc.stdout + proc.stderr


def test_a_coders_writes_to_another_coding_fail(lab: Lab) -> None:
    before = sql(lab.lead, "SELECT id, note, start_ms FROM segments ORDER BY id")
    status = sql(lab.lead, "SELECT id, status FROM assignments ORDER BY id")
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
        sql(lab.bl, "INSERT INTO segments (id, assignment_id, code_id, start_ms, end_ms, note, "
            "modifiers, created_at, updated_at, deleted) VALUES (%s, %s, 'praise', 0, 5, '', "
            "'{}', now(), now(), false)", str(uuid.uuid4()), lab.ak_aid)
    sql(lab.bl, "UPDATE segments SET note = 'forged' WHERE assignment_id = %s", lab.ak_aid)
    sql(lab.bl, "DELETE FROM segments WHERE assignment_id = %s", lab.ak_aid)
    sql(lab.bl, "UPDATE assignments SET status = 'submitted' WHERE id = %s", lab.ak_aid)
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        sql(lab.bl, "UPDATE segments SET assignment_id = %s", lab.ak_aid)
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
        sql(lab.bl, "INSERT INTO edit_log (at, coder_id, action, entity, entity_id, "
            "assignment_id, state) VALUES (now(), 'AK', 'submit', 'assignment', '1', %s, "
            "'audit')", lab.ak_aid)
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
        sql(lab.bl, "INSERT INTO edit_log (at, coder_id, action, entity, entity_id, "
            "assignment_id, state) VALUES (now(), 'AK', 'note', 'study', '1', NULL, 'audit')")
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"):
        sql(lab.bl, "INSERT INTO coders (id, name) VALUES ('ZZ', 'zz')")
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"):
        sql(lab.bl, "UPDATE sessions SET explicit_duration_ms = 1")
    assert sql(lab.lead, "SELECT id, note, start_ms FROM segments ORDER BY id") == before
    assert sql(lab.lead, "SELECT id, status FROM assignments ORDER BY id") == status
    # Through annotator itself: refused, with a clear message.
    with Study.open(lab.bl) as study:
        with pytest.raises(StudyError):
            study.add_segment(lab.ak_aid, "praise", 2000, 3000, by="BL")
        with pytest.raises(StudyError, match="cannot code as coder AK"):
            require_acting_as(study, "AK", "code")
    proc = run_cli("gui", lab.bl, "--coder", "AK")
    assert proc.returncode == 2 and "cannot code as coder AK" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_coder_codes_their_own_work(lab: Lab) -> None:
    with Study.open(lab.bl) as study:
        ident = identity(study)
        assert ident is not None and ident.coder == "BL" and not ident.lead
        v = study.add_segment(lab.bl_aid, "praise", 2000, 3000, by="BL")
        study.update_segment(v.id, note="changed", by="BL")
        study.undo(lab.bl_aid, by="BL")
        study.set_status(lab.bl_aid, "submitted", by="BL")
        require_acting_as(study, "BL", "code")
    with Study.open(lab.lead) as lead:
        assert lead.assignment(lab.bl_aid).status == "submitted"
        assert {s.note for s in lead.segments(lab.bl_aid)} == {"bl's own note", ""}


def test_the_lead_sees_everything(lab: Lab) -> None:
    notes = {r[0] for r in sql(lab.lead, "SELECT note FROM segments")}
    assert notes == {"AK-SECRET-NOTE", "AK-OTHER-CASE", "bl's own note"}
    assert len(sql(lab.lead, "SELECT id FROM cases")) == 2
    with Study.open(lab.lead) as study:
        ident = identity(study)
        assert ident is not None and ident.lead and ident.coder is None
        require_acting_as(study, "AK", "code")
    assert {r[0] for r in sql(lab.ak, "SELECT note FROM segments")} == {
        "AK-SECRET-NOTE", "AK-OTHER-CASE"}


def test_setting_up_again_is_harmless(lab: Lab) -> None:
    proc = run_cli("lab", "secure", lab.lead)
    assert proc.returncode == 0, proc.stderr
    proc = run_cli("lab", "add-coder", lab.lead, "--coder", "BL", "--role", lab.roles[1])
    assert proc.returncode == 0 and "existing role" in proc.stdout, proc.stderr
    assert "password" not in proc.stdout.lower().split("codings.")[-1]
    assert [r[0] for r in sql(lab.bl, "SELECT note FROM segments")] == ["bl's own note"]
    proc = run_cli("lab", "secure", lab.bl)
    assert proc.returncode == 2 and "Only the lead" in proc.stderr
