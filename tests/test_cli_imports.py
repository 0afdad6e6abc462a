"""Commands start at once because they load only what they use (issue 13 point 6).

Each command runs in a fresh interpreter, as a user runs it; the test records which
modules it imported. A behaviour test, not a timing one: the times are in bench/README.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

NEVER = {"PySide6", "cv2", "pandas", "matplotlib", "weasyprint", "openpyxl", "pyreadstat",
         "sqlalchemy.orm"}
NO_NUMPY = NEVER | {"numpy", "alembic"}

PROBE = """
import json, sys
from annotator.cli import main
rc = main(sys.argv[1:])
print(json.dumps({"rc": rc, "modules": sorted(sys.modules)}))
"""


def _modules(*args: str, cwd: Path) -> set[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["rc"] == 0, proc.stdout + proc.stderr
    return set(result["modules"])


def _loaded(modules: set[str], names: set[str]) -> set[str]:
    return {n for n in names if n in modules or any(m.startswith(n + ".") for m in modules)}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tiny")
    from annotator.cli import main

    study = folder / "tiny.annot"
    assert main(["init", str(study)]) == 0
    assert main(["session", "add", str(study), "--case", "C01", "--number", "1",
                 "--duration", "600"]) == 0
    (folder / "codings.csv").write_text(
        "case,session,coder,category,code,start_s,end_s\n"
        "C01,1,AK,implicit,responsive,1,2\nC01,1,BL,implicit,responsive,1.2,2.5\n"
        "C01,1,AK,manifest,care,4,9\nC01,1,BL,manifest,care,4.5,9\n", encoding="utf-8")
    assert main(["import", str(study), str(folder / "codings.csv")]) == 0
    return study


@pytest.mark.parametrize("args", [
    ["session", "add", "{study}", "--case", "C02", "--number", "1", "--duration", "300"],
    ["session", "list", "{study}"],
    ["export", "{study}", "-o", "{dir}/out.csv"],
    ["import", "{study}", "{dir}/codings.csv", "--create-sessions"],
    ["check", "{study}"],
    ["codebook", "list"],
    ["plan-reliability", "{study}", "--coder", "CC", "--seed", "1"],
])
def test_commands_without_numbers_load_no_numpy_opencv_pandas_or_qt(
    tiny: Path, args: list[str]
) -> None:
    if args[0] == "import":  # a second import of the same rows would overlap nothing
        (tiny.parent / "codings.csv").write_text(
            "case,session,coder,category,code,start_s,end_s\n"
            "C09,1,AK,implicit,responsive,1,2\n", encoding="utf-8")
    argv = [a.format(study=tiny, dir=tiny.parent) for a in args]
    loaded = _loaded(_modules(*argv, cwd=tiny.parent), NO_NUMPY)
    assert loaded == set(), f"annotator {' '.join(args[:2])} imported {sorted(loaded)}"


@pytest.mark.parametrize("args", [
    ["session", "list", "{study}"],
    ["export", "{study}", "-o", "{dir}/light.csv"],
    ["export", "{study}", "-o", "-", "--coder", "AK"],
    ["check", "{study}"],
    ["init", "{dir}/new.annot"],
    ["archive", "{study}", "-o", "{dir}/a.zip"],
    ["--version"],
])
def test_light_commands_on_a_study_file_do_not_load_sqlalchemy(
    tiny: Path, args: list[str]
) -> None:
    """They read through annotator.store.lite (and init builds from the schema snapshot)."""
    argv = [a.format(study=tiny, dir=tiny.parent) for a in args]
    if args == ["--version"]:
        env = dict(os.environ)
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        code = ("import json, sys; from annotator.cli import main\n"
                "try: main(['--version'])\nexcept SystemExit: pass\n"
                "print(json.dumps(sorted(sys.modules)))")
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              env=env, timeout=300)
        modules = set(json.loads(proc.stdout.strip().splitlines()[-1]))
    else:
        modules = _modules(*argv, cwd=tiny.parent)
    heavy = NO_NUMPY | {"sqlalchemy"}
    if args[0] in ("session", "--version"):  # no codebook to read either
        heavy |= {"yaml"}
    loaded = _loaded(modules, heavy)
    assert loaded == set(), f"annotator {' '.join(args[:2])} imported {sorted(loaded)}"


@pytest.mark.parametrize("suffix", ["xlsx", "sav"])
def test_xlsx_and_sav_exports_of_a_study_file_do_not_load_sqlalchemy(
        tiny: Path, suffix: str) -> None:
    """They need only a StudyReader (exporters.READER_FORMATS); their own libraries load."""
    out = tiny.parent / f"timeline.{suffix}"
    modules = _modules("export", str(tiny), "-o", str(out), cwd=tiny.parent)
    assert {"openpyxl"} <= modules if suffix == "xlsx" else {"pyreadstat", "pandas"} <= modules
    assert _loaded(modules, {"sqlalchemy", "alembic", "PySide6", "cv2", "matplotlib"}) == set()
    assert out.stat().st_size > 0


def test_codebook_commands_do_not_load_the_database_layer(tiny: Path) -> None:
    modules = _modules("codebook", "show", "helper-maneuvers", cwd=tiny.parent)
    assert _loaded(modules, NO_NUMPY | {"sqlalchemy"}) == set()


def test_reliability_as_json_needs_numpy_but_not_pandas(tiny: Path) -> None:
    modules = _modules("reliability", str(tiny), "--coders", "AK", "BL", "--format", "json",
                       "--bootstrap", "20", "-o", str(tiny.parent / "r.json"), cwd=tiny.parent)
    assert "numpy" in modules
    assert _loaded(modules, NEVER | {"sqlalchemy", "alembic"}) == set()  # read on sqlite3
    # JSON needs neither the HTML, the text nor the CSV formatter (issue 13 point 4)
    assert _loaded(modules, {"annotator.exchange.report.html", "annotator.exchange.report.text",
                             "annotator.exchange.report.table_csv"}) == set()
    assert json.loads((tiny.parent / "r.json").read_text(encoding="utf-8"))["coders"] == [
        "AK", "BL"]


@pytest.mark.parametrize("fmt", ["csv", "table"])
def test_reliability_as_csv_or_text_loads_no_pandas(tiny: Path, fmt: str) -> None:
    out = tiny.parent / f"r.{fmt}"
    modules = _modules("reliability", str(tiny), "--coders", "AK", "BL", "--format", fmt,
                       "--bootstrap", "20", "-o", str(out), cwd=tiny.parent)
    assert _loaded(modules, NEVER | {"pandas", "sqlalchemy", "alembic"}) == set()
    text = out.read_text(encoding="utf-8")
    assert ("kappa_ci_low" in text) == (fmt == "csv") and "responsive" in text


def test_a_user_error_does_not_load_the_reliability_engine(tmp_path: Path) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    code = ("import sys; from annotator.cli import main; rc = main(sys.argv[1:]); "
            "print(rc, 'numpy' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code, "export", str(tmp_path / "no.annot"),
                           "-o", "-"], capture_output=True, text=True, env=env, timeout=300)
    assert proc.stdout.split() == ["2", "False"], proc.stdout + proc.stderr
    assert "no study at" in proc.stderr


@pytest.mark.parametrize("what", ["budget", "categories", "wide", "cooccurrence", "sequences",
                                  "trends", "trends_by_case"])
def test_summary_to_csv_loads_neither_sqlalchemy_nor_pandas(tiny: Path, what: str) -> None:
    """The analysis tables are numpy columns (core.analysis.table), so a CSV summary loads
    numpy but not pandas (whose import alone took longer than the whole command); its read
    goes through annotator.store.lite, like the other read-only commands."""
    out = tiny.parent / f"{what}.csv"
    modules = _modules("summary", str(tiny), "-o", str(out), "--what", what, cwd=tiny.parent)
    assert "numpy" in modules
    assert _loaded(modules, {"pandas", "sqlalchemy", "alembic", "PySide6", "cv2",
                             "matplotlib", "openpyxl", "pyreadstat", "weasyprint"}) == set()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split(",")[0] in ("case", "code", "scope", "session"), lines[0]
    if what == "budget":
        assert any(",responsive," in line for line in lines[1:]), lines


def test_summary_to_xlsx_loads_openpyxl_but_not_the_store(tiny: Path) -> None:
    """The analysis workbook's string cells come from exchange/xlsx_cells.py, which imports
    nothing of the store (exchange/xlsx.py, the timeline workbook, imports SQLAlchemy)."""
    from openpyxl import load_workbook

    out = tiny.parent / "s.xlsx"
    modules = _modules("summary", str(tiny), "-o", str(out), cwd=tiny.parent)
    assert "openpyxl" in modules
    assert _loaded(modules, {"pandas", "sqlalchemy", "alembic", "PySide6", "cv2",
                             "matplotlib", "pyreadstat", "weasyprint",
                             "annotator.exchange.xlsx"}) == set()
    wb = load_workbook(out, read_only=True)
    assert wb.sheetnames[0] == "about" and "time budget" in wb.sheetnames


def test_the_reliability_package_resolves_every_name_it_exports() -> None:
    """Its names load from their modules when first used (so that planning, which needs
    only the errors, loads no numpy); each exported name must resolve."""
    import importlib

    import annotator.core.reliability as rel

    assert set(rel.__all__) == set(rel._MODULE_OF)
    for name in rel.__all__:
        module = importlib.import_module(f"annotator.core.reliability.{rel._MODULE_OF[name]}")
        assert getattr(rel, name) is getattr(module, name)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        rel.nothing  # noqa: B018


@pytest.mark.parametrize("args", [
    ["session", "add", "{study}", "--case", "C03", "--number", "1", "--duration", "300"],
    ["plan-reliability", "{study}", "--coder", "DD", "--seed", "2"],
    ["checkout", "{study}", "--coder", "AK", "-o", "{dir}/ak.annot"],
])
def test_writing_to_a_study_file_loads_no_postgresql_dialect(
    tiny: Path, args: list[str]
) -> None:
    """They need SQLAlchemy (they write through Study) but not its PostgreSQL dialect
    (25 ms) nor, for a session or a plan, the codebook's YAML parser."""
    argv = [a.format(study=tiny, dir=tiny.parent) for a in args]
    modules = _modules(*argv, cwd=tiny.parent)
    assert "sqlalchemy" in modules
    heavy = NO_NUMPY | {"sqlalchemy.dialects.postgresql", "psycopg"}
    if args[0] != "checkout":  # a checkout copies the codebooks, parsing them
        heavy |= {"yaml"}
    loaded = _loaded(modules, heavy)
    assert loaded == set(), f"annotator {' '.join(args[:2])} imported {sorted(loaded)}"


def test_the_program_exits_with_the_commands_code_after_its_exit_handlers(tiny: Path) -> None:
    """``annotator.cli.run`` (the installed script and ``python -m annotator.cli``) freezes
    the finished command's objects out of shutdown's garbage collections; exit handlers
    still run, output is all there, and the exit code is the command's."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    code = ("import atexit, gc, sys\n"
            "atexit.register(lambda: print('handler ran; frozen', gc.get_freeze_count() > 0))\n"
            "sys.argv = ['annotator', *sys.argv[1:]]\n"
            "from annotator.cli import run\nrun()\n")
    outputs = []
    for args, rc in ((["session", "add", str(tiny), "--case", "C07", "--number", "1",
                       "--duration", "60"], 0),
                     (["session", "list", str(tiny)], 0),
                     (["export", str(tiny.parent / "missing.annot"), "-o", "-"], 2)):
        proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                              text=True, env=env, timeout=300)
        assert proc.returncode == rc, proc.stderr
        assert proc.stdout.rstrip().endswith("handler ran; frozen True"), proc.stdout
        outputs.append(proc.stdout)
    assert "Added session C07:1" in outputs[0]
    assert "C07" in outputs[1]  # the session added is in the study
    assert "no study at" in proc.stderr


def test_commands_collect_garbage_less_often_than_the_desktop_app(tiny: Path) -> None:
    """The program raises the collector's threshold for a command's start-up; the desktop
    app (``gui``, ``demo``) gets Python's default back before it starts."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["QT_QPA_PLATFORM"] = "offscreen"
    code = ("import atexit, gc, sys\n"
            "default = gc.get_threshold()\n"
            "atexit.register(lambda: print('threshold', gc.get_threshold() == default))\n"
            "sys.argv = ['annotator', *sys.argv[1:]]\n"
            "from annotator.cli import run\nrun()\n")
    for args, rc, default in ((["session", "list", str(tiny)], 0, False),
                              (["gui", str(tiny), "--coder", "bad id!"], 2, True)):
        proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                              text=True, env=env, timeout=300)
        assert proc.returncode == rc, proc.stderr
        assert proc.stdout.rstrip().endswith(f"threshold {default}"), proc.stdout
