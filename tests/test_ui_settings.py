"""Settings keep recent studies, never a database password."""

from __future__ import annotations

from pathlib import Path

from annotator.ui.settings import Settings, without_password


def test_recent_studies_drop_passwords(tmp_path: Path) -> None:
    ini = tmp_path / "s.ini"
    s = Settings(ini)
    s.add_recent(str(tmp_path / "a.annot"))
    s.add_recent("postgresql+psycopg://lab:s3cret@db.local:5433/lab?sslmode=require")
    s.sync()
    assert "s3cret" not in ini.read_text(encoding="utf-8")
    again = Settings(ini)
    assert again.recent_studies() == [
        "postgresql+psycopg://lab@db.local:5433/lab?sslmode=require", str(tmp_path / "a.annot")]
    assert without_password("postgresql+psycopg://lab@h/x") == "postgresql+psycopg://lab@h/x"
