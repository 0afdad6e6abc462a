"""A lab server for tests: a PostgreSQL study with row-level security and two coder roles
(``annotator lab add-coder``), shared by the RLS tests and the window's lab tests."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import psycopg

from annotator.store.lab_security import add_coder_role
from tests.conftest import _pg_admin_execute
from tests.studyutil import make_study


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


@contextmanager
def made_lab(pg_url: str) -> Iterator[Lab]:
    """A lab server study with AK's and BL's coder roles (dropped afterwards)."""
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
