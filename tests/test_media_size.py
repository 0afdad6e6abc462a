"""A recording of 2 GiB or more links on SQLite and on a PostgreSQL lab server: migration
0003 makes ``sessions.media_size`` a ``bigint`` (PostgreSQL's ``integer`` stops at
2 147 483 647). The size is checked against the shared limits: whole bytes, 0 .. bigint."""

from __future__ import annotations

import dataclasses

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from annotator.store import Study
from annotator.store.errors import EditError
from annotator.store.migrate import alembic_config, head_revision
from annotator.store.records import MediaLink
from tests.studyutil import make_study

GIB = 1024**3


def link(size: int, name: str = "big.mp4") -> MediaLink:
    return MediaLink(path=name, sha256="a" * 64, size=size, duration_ms=3_600_000, fps=25.0,
                     frame_count=90_000, width=1920, height=1080, codec="h264")


def test_a_3_gib_recording_links_and_reads_back(study_target: str) -> None:
    with make_study(study_target) as study:
        s = study.add_session("C01", 1, media=link(3 * GIB))
        study.add_sessions([("C01", 2, link(5 * GIB + 7, "b.mp4"), None, None)])
        small = study.add_session("C01", 3, media=link(10, "c.mp4"))
        study.relink_media(small.id, link(4 * GIB + 1, "c2.mp4"), by="AK")
    with Study.open(study_target) as study:
        sizes = {x.number: x.media.size for x in study.sessions() if x.media is not None}
        assert sizes == {1: 3 * GIB, 2: 5 * GIB + 7, 3: 4 * GIB + 1}
        assert study.session("C01", 1).id == s.id
        with study.read() as conn:
            assert conn.execute(text("SELECT media_size FROM sessions WHERE id = :i"),
                                {"i": s.id}).scalar() == 3 * GIB


@pytest.mark.parametrize("size", [-1, 2**63, 1.5, True])
def test_an_impossible_media_size_is_refused(tmp_path: object, size: object) -> None:
    path = f"{tmp_path}/s.annot"
    with make_study(path) as study:
        with pytest.raises(EditError, match="media size"):
            study.add_session("C01", 1, media=dataclasses.replace(link(1), size=size))
        ok = study.add_session("C01", 2, media=link(1))
        with pytest.raises(EditError, match="media size"):
            study.relink_media(ok.id, dataclasses.replace(link(1), size=size))
        assert [x.number for x in study.sessions()] == [2]
        assert study.session("C01", 2).media.size == 1  # type: ignore[union-attr]


def _size_type(url: str) -> str:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return str(conn.execute(text(
                "SELECT data_type FROM information_schema.columns "
                "WHERE table_name = 'sessions' AND column_name = 'media_size'")).scalar())
    finally:
        engine.dispose()


def _to_0002(url: str) -> None:
    """Take a new study back to schema 0002 (as an annotator of the 0002 era left it)."""
    cfg = alembic_config()
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0002")
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() \
                == "0002"
    finally:
        engine.dispose()


def _migrate_from_0002(target: str, url: str) -> None:
    with make_study(target) as study:
        old = study.add_session("C01", 1, media=link(1_500_000_000, "old.mp4"))
        study.assign(old.id, "AK")
    _to_0002(url)
    if url.startswith("postgresql"):
        assert _size_type(url) == "integer"  # as schema 0002 had it
    with Study.open(target) as study:  # migrates 0002 -> head
        with study.read() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() \
                == head_revision()
        assert study.session("C01", 1).media.size == 1_500_000_000  # type: ignore[union-attr]
        assert [a.coder for a in study.assignments()] == ["AK"]
        study.add_session("C01", 2, media=link(3 * GIB, "new.mp4"))
    with Study.open(target) as study:
        assert study.session("C01", 2).media.size == 3 * GIB  # type: ignore[union-attr]
        assert [a.coder for a in study.assignments()] == ["AK"]


@pytest.mark.postgres
def test_postgres_study_of_schema_0002_migrates_to_bigint(pg_url: str) -> None:
    _migrate_from_0002(pg_url, pg_url)
    assert _size_type(pg_url) == "bigint"


def test_sqlite_study_of_schema_0002_migrates(tmp_path: object) -> None:
    path = f"{tmp_path}/old.annot"
    _migrate_from_0002(path, f"sqlite:///{path}")


@pytest.mark.postgres
def test_postgres_downgrade_refuses_sizes_that_do_not_fit(pg_url: str) -> None:
    with make_study(pg_url) as study:
        study.add_session("C01", 1, media=link(3 * GIB))
    with pytest.raises(RuntimeError, match="2 GiB or more"):
        _to_0002(pg_url)
    assert _size_type(pg_url) == "bigint"
    with Study.open(pg_url) as study:
        assert study.session("C01", 1).media.size == 3 * GIB  # type: ignore[union-attr]
