"""Shared test setup: offscreen Qt, repo root on the path."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import subprocess  # noqa: E402
import uuid  # noqa: E402
from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402

PG_ADMIN_URL = os.environ.get("ANNOTATOR_TEST_PG_URL", "")


def _pg_admin_execute(sql: str) -> None:
    import psycopg

    url = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def _private_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads or writes the user's own app settings (or cache)."""
    monkeypatch.setenv("ANNOTATOR_SETTINGS", str(tmp_path / "env-settings.ini"))
    monkeypatch.setenv("ANNOTATOR_CACHE_DIR", str(tmp_path / "env-cache"))


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database; dropped afterwards."""
    if not PG_ADMIN_URL:
        pytest.skip("set ANNOTATOR_TEST_PG_URL to a PostgreSQL admin URL (CI does)")
    name = f"annot_test_{uuid.uuid4().hex[:12]}"
    _pg_admin_execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        _pg_admin_execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{name}' AND pid <> pg_backend_pid()"
        )
        _pg_admin_execute(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def study_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A place for a new study: an SQLite file path, or a fresh PostgreSQL database URL."""
    if request.param == "sqlite":
        return str(tmp_path / "study.annot")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def helper_codebook_text() -> str:
    from annotator.core.codebook_files import load_codebook

    return load_codebook("helper-maneuvers")[1]


def run_cli(*args: str, cwd: Path | None = None, check: bool = False,
            input_text: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real ``annotator`` command in a subprocess."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run(
        [sys.executable, "-m", "annotator.cli", *args], capture_output=True, text=True,
        cwd=cwd, env=env, input=input_text, timeout=600,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"annotator {' '.join(args)} failed ({proc.returncode}):\n"
                             f"{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(params=["libyaml", "python"])
def yaml_parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with either YAML parser (``pytestmark = pytest.mark.usefixtures(
    "yaml_parser")`` in the codebook tests): libyaml composes a codebook when
    PyYAML has it, the Python parser (the reference) when not, and again for any text
    libyaml refuses; results and messages must be the same."""
    from annotator.core import codebook_yaml

    if request.param == "python":
        monkeypatch.setattr(codebook_yaml, "_FAST_LOADER", None)
    else:
        assert codebook_yaml._FAST_LOADER is not None, "PyYAML without libyaml here"
    return str(request.param)
