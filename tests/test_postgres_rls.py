"""A lab server enforces blind coding: each coder's login role (``annotator lab add-coder``)
reads and writes only that coder's codings, through PostgreSQL row-level security; the lead
sees everything. Real server, real roles."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest

from annotator.store import Study, StudyError
from annotator.store.lab_security import identity, require_acting_as
from tests.conftest import run_cli
from tests.lab_util import Lab, made_lab

pytestmark = pytest.mark.postgres


@pytest.fixture
def lab(pg_url: str) -> Iterator[Lab]:
    with made_lab(pg_url) as made:
        yield made


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
