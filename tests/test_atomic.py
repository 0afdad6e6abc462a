"""Atomic writes: all or nothing, and ordinary file permissions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator.exchange.atomic import atomic_text


def test_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_text(target) as fh:
        fh.write("half")
        raise RuntimeError("boom")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]  # no temporary left


def test_new_files_get_ordinary_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "new.csv"
        with atomic_text(target) as fh:
            fh.write("x")
        assert target.stat().st_mode & 0o777 == 0o644
        os.chmod(target, 0o600)
        with atomic_text(target) as fh:
            fh.write("y")
        assert target.stat().st_mode & 0o777 == 0o600  # a replaced file keeps its mode
    finally:
        os.umask(old)
