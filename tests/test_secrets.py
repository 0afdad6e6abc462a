"""A database password (in the user part or as ``?password=``) is masked wherever it is
printed, never stored in the recent list, and never part of the lock file's name."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.store.engine import describe_target, identity_key, mask_text, without_secrets
from annotator.ui.instance_lock import lock_path
from annotator.ui.settings import Settings
from tests.conftest import run_cli
from tests.studyutil import make_study

URL_Q = "postgresql+psycopg://lab@db.local:5433/lab?password=qs3cret&sslmode=require"
URL_U = "postgresql+psycopg://lab:us3cret@db.local:5433/lab?sslmode=require"


def test_masking_and_stripping() -> None:
    for url, secret in ((URL_Q, "qs3cret"), (URL_U, "us3cret")):
        assert secret not in describe_target(url) and "***" in describe_target(url)
        assert secret not in without_secrets(url)
        assert without_secrets(url) == "postgresql+psycopg://lab@db.local:5433/lab?sslmode=require"
        assert secret not in mask_text(f"error near {url} here")
    assert "zz" not in describe_target("postgresql+psycopg://u@h/db?sslpassword=zz")


def test_the_lock_file_name_does_not_depend_on_the_password() -> None:
    names = {lock_path(u) for u in (URL_Q, URL_U, without_secrets(URL_U),
                                    URL_U.replace("us3cret", "guess"))}
    assert len(names) == 1
    assert identity_key(URL_Q) == identity_key(URL_U)
    assert lock_path(URL_U) != lock_path(URL_U.replace("/lab?", "/other?"))


def test_recent_list_never_keeps_a_query_password(tmp_path: Path) -> None:
    ini = tmp_path / "s.ini"
    s = Settings(ini)
    s.add_recent(URL_Q)
    s.add_recent(URL_U)
    s.sync()
    text = ini.read_text(encoding="utf-8")
    assert "qs3cret" not in text and "us3cret" not in text and "password" not in text
    assert Settings(ini).recent_studies() == [without_secrets(URL_U)]


@pytest.mark.postgres
def test_cli_masks_a_query_password(pg_url: str) -> None:
    make_study(pg_url).close()
    user, rest = pg_url.split("://", 1)[1].split("@", 1)
    name, password = user.split(":", 1)
    url = f"postgresql+psycopg://{name}@{rest}?password={password}"
    proc = run_cli("check", url)
    assert proc.returncode == 0, proc.stderr
    assert f"password={password}" not in proc.stdout + proc.stderr
    assert "password=***" in proc.stdout
    wrong = f"postgresql+psycopg://{name}@{rest}?password=Wr0ngSecret"
    proc = run_cli("check", wrong)
    assert proc.returncode == 2 and "Wr0ngSecret" not in proc.stdout + proc.stderr
    proc = run_cli("init", f"postgresql+psycopg://{name}@{rest}?password={password}")
    assert proc.returncode == 2 and f"password={password}" not in proc.stdout + proc.stderr


def test_unusable_urls_are_clear_errors() -> None:
    for url in ("foo://x", "mysql://u:pw@h/db", "://", "postgresql+psycopg://u:pw@h:notaport/x"):
        proc = run_cli("check", url)
        assert proc.returncode == 2, (url, proc.stderr)
        assert "Traceback" not in proc.stderr and ":pw@" not in proc.stderr
