"""Writing files that cannot be written: a full disk, a read-only folder, an output that is a
folder, permission denied. Each ends with exit status 2, a clear message, and nothing left.

The full disk and the read-only folder are real: a small tmpfs mounted in a private mount
namespace (``unshare -m``, so nothing is mounted outside the test), which needs root (as in
CI's container); without it those cases are skipped. Permission denied runs the command as
the unprivileged user ``nobody`` (``setpriv``), since root may write anywhere.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from tests.studyutil import make_study


def _can_mount() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs tmpfs /mnt"],
                           capture_output=True)
    return probe.returncode == 0


needs_mount = pytest.mark.skipif(not _can_mount(), reason="needs root to mount a tmpfs")


def _lab(folder: Path, segments: int = 400) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "lab.annot"
    study = make_study(str(path))
    s = study.add_session("C01", 1, duration_ms=3_600_000)
    a = study.assign(s.id, "AK")
    study.assign(s.id, "BL")
    rows = [("praise", i * 5000, i * 5000 + 2000) for i in range(segments)]
    for code, start, end in rows:
        study.add_segment(a.id, code, start, end, note="a fairly long note " * 10, by="AK")
    study.close()
    return path


def _on_tmpfs(mnt: Path, cli: list[str], *, size: str = "256k", fill: bool = False,
              read_only: bool = False) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run ``annotator CLI`` with a fresh tmpfs on ``mnt``; returns the run and what the
    tmpfs holds afterwards (listed before it is unmounted with its namespace)."""
    mnt.mkdir(exist_ok=True)
    steps = [f"mount -t tmpfs -o size={size} tmpfs {shlex.quote(str(mnt))} || exit 99"]
    if fill:  # leave a few KiB, less than any output needs
        steps.append(f"head -c $(( $(stat -f -c '%a*%S' {shlex.quote(str(mnt))}) - 4096 )) "
                     f"/dev/zero > {shlex.quote(str(mnt / 'filler'))} 2>/dev/null; true")
    if read_only:
        steps.append(f"mount -o remount,ro {shlex.quote(str(mnt))}")
    cmd = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "annotator.cli", *cli])
    steps.append(f"{cmd}; rc=$?; echo @@; ls -A {shlex.quote(str(mnt))}; exit $rc")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(["unshare", "-m", "sh", "-c", "; ".join(steps)], capture_output=True,
                          text=True, env=env, timeout=300)
    assert proc.returncode != 99, proc.stderr
    listing = proc.stdout.rsplit("@@", 1)[1].split()
    return proc, [n for n in listing if n != "filler"]


OUTPUTS = [
    ("export", "t.csv"), ("export", "t.xlsx"), ("export", "t.sav"), ("export", "t.eaf"),
    ("archive", "a.zip"), ("checkout", "B.annot"), ("init", "new.annot"),
]


def _args(kind: str, lab: Path, out: Path) -> list[str]:
    if kind == "export":
        return ["export", str(lab), "-o", str(out)]
    if kind == "archive":
        return ["archive", str(lab), "-o", str(out)]
    if kind == "checkout":
        return ["checkout", str(lab), "--coder", "AK", "-o", str(out)]
    return ["init", str(out)]


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _lab(tmp_path_factory.mktemp("lab"))


@needs_mount
@pytest.mark.parametrize(("kind", "name"), OUTPUTS)
def test_disk_full(kind: str, name: str, lab: Path, tmp_path: Path) -> None:
    mnt = tmp_path / "full"
    proc, left = _on_tmpfs(mnt, _args(kind, lab, mnt / name), fill=True)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "full" in proc.stderr, proc.stderr
    assert "nothing was" in proc.stderr.lower(), proc.stderr
    assert left == []


@needs_mount
@pytest.mark.parametrize(("kind", "name"), OUTPUTS)
def test_read_only_folder(kind: str, name: str, lab: Path, tmp_path: Path) -> None:
    mnt = tmp_path / "ro"
    proc, left = _on_tmpfs(mnt, _args(kind, lab, mnt / name), read_only=True)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "read-only" in proc.stderr, proc.stderr
    assert left == []


@pytest.mark.parametrize(("kind", "name"), OUTPUTS)
def test_output_that_is_a_folder(kind: str, name: str, lab: Path, tmp_path: Path) -> None:
    out = tmp_path / name
    out.mkdir()
    proc = run_cli(*_args(kind, lab, out))
    if kind == "export" and name.endswith(".eaf"):
        # ELAN export into a folder is the per-session mode: it writes CASE_N.eaf inside.
        assert proc.returncode == 0 and [p.name for p in out.iterdir()] == ["C01_1.eaf"]
        return
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "folder" in proc.stderr or "already exists" in proc.stderr, proc.stderr
    assert list(out.iterdir()) == [] and sorted(p.name for p in tmp_path.iterdir()) == [name]


@pytest.fixture
def nobody_dirs() -> Iterator[tuple[Path, Path]]:
    """A study folder owned by nobody and an output folder nobody may not write."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run a command as nobody")
    base = Path(tempfile.mkdtemp(prefix="annot-perm-"))
    try:
        base.chmod(0o755)
        mine = base / "mine"
        _lab(mine, segments=5)
        for p in [mine, *mine.iterdir()]:
            os.chown(p, 65534, 65534)
        locked = base / "locked"
        locked.mkdir(mode=0o755)
        yield mine / "lab.annot", locked
    finally:
        shutil.rmtree(base)


@pytest.mark.parametrize(("kind", "name"), OUTPUTS)
def test_permission_denied(kind: str, name: str, nobody_dirs: tuple[Path, Path]) -> None:
    lab, locked = nobody_dirs
    cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable,
           "-m", "annotator.cli", *_args(kind, lab, locked / name)]
    env = dict(os.environ, PYTHONPATH=str(ROOT), HOME=str(lab.parent))
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300,
                          cwd=lab.parent)
    if proc.returncode != 2 and "Permission denied" in proc.stderr and "python" in proc.stderr:
        pytest.skip("nobody cannot run this Python")
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "permission" in proc.stderr.lower() or "read-only" in proc.stderr, proc.stderr
    assert list(locked.iterdir()) == []
