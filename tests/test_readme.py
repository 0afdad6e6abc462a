"""The README's commands work: the Quick start scripts exist and the usage block runs."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from annotator.media.videogen import write_test_video
from tests.conftest import ROOT, run_cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_quick_start_comes_first_with_two_commands() -> None:
    head = README.split("## Quick start", 1)
    assert len(head) == 2 and "##" not in head[0].split("\n", 1)[1]  # first section
    block = re.search(r"```sh\n(.*?)```", head[1], re.S)
    assert block is not None
    commands = [ln.split("#")[0].strip() for ln in block.group(1).splitlines() if ln.strip()]
    assert commands == ["bash scripts/demo.sh", "bash scripts/test.sh"]
    for cmd in commands:
        assert (ROOT / cmd.split()[1]).is_file()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/test.sh" in ci


def test_usage_block_runs(tmp_path: Path) -> None:
    usage = README.split("## Using it", 1)[1]
    block = re.search(r"```sh\n(.*?)```", usage, re.S)
    assert block is not None
    (tmp_path / "rec").mkdir()
    write_test_video(tmp_path / "rec" / "C01_1.mp4", frames=100, fps=25.0)
    (tmp_path / "codings.csv").write_text(
        "case,session,coder,category,code,start_s,end_s,note\n"
        "C01,1,AK,implicit,responsive,0.2,1.4,warm tone\n"
        "C01,1,AK,manifest,care,1.0,3.5,\n"
        "C01,2,AK,implicit,joins_play,10,95.5,\n"
        "C01,2,BL,implicit,joins_play,11,90,\n"
        "C01,1,BL,implicit,responsive,0.3,1.2,\n", encoding="utf-8")
    lines = [ln for ln in block.group(1).splitlines() if ln.strip()]
    assert len(lines) >= 10
    for line in lines:
        argv = shlex.split(line)
        assert argv[0] == "annotator"
        proc = run_cli(*argv[1:], cwd=tmp_path)
        assert proc.returncode == 0, f"{line}\n{proc.stdout}\n{proc.stderr}"
    for name in ("timeline.csv", "timeline.xlsx", "timeline.sav", "sliced.csv",
                 "reliability.html", "lab-archive.zip", "BL.annot"):
        assert (tmp_path / name).stat().st_size > 0, name
    assert list(tmp_path.glob("C01*.eaf"))
