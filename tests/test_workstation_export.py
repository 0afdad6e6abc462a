"""File ▸ Export in the real window: the chosen type decides the format and suffix,
the CLI's options (case, session, coder, slice length), one ELAN file per session into a
folder,
the last folder remembered, the work done on a worker, and a status message that names
what was actually written."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.store import Study
from annotator.store.queries import iter_segments
from annotator.ui.export_dialog import TYPE_BY_FMT, ExportDialog, with_suffix
from annotator.ui.main_window import MainWindow
from tests.gui_helpers import WAIT_MS, copy_demo, key, open_window

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return copy_demo(tmp_path / "demo")


@pytest.fixture
def win(qtbot: QtBot, demo: Path, tmp_path: Path) -> MainWindow:
    return open_window(qtbot, demo, "AK", "C01:1", tmp_path / "settings.ini")


def open_export(qtbot: QtBot, w: MainWindow) -> ExportDialog:
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=WAIT_MS)
    key(qtbot, w, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: w.study_actions.export is not None, timeout=WAIT_MS)
    dlg = w.study_actions.export
    assert dlg is not None
    qtbot.waitExposed(dlg)
    return dlg


def export(qtbot: QtBot, w: MainWindow, dlg: ExportDialog) -> str:
    w.statusBar().clearMessage()
    key(qtbot, dlg.target_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.statusBar().currentMessage().startswith(("Exported", "Wrote")),
                    timeout=WAIT_MS)
    return w.statusBar().currentMessage()


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def live_rows(study: Path, coder: str | None = None, case: str | None = None) -> int:
    from annotator.store.queries import segment_rows

    with Study.open(study) as s:
        return len(segment_rows(s, coder=coder, case=case))


def test_suffix_follows_the_type() -> None:
    assert with_suffix("C01", TYPE_BY_FMT["csv"]) == "C01.csv"
    assert with_suffix("all.csv", TYPE_BY_FMT["xlsx"]) == "all.xlsx"
    assert with_suffix("all.eaf", TYPE_BY_FMT["sav"]) == "all.sav"
    assert with_suffix("notes.v2", TYPE_BY_FMT["csv"]) == "notes.v2.csv"
    assert with_suffix("x.CSV", TYPE_BY_FMT["csv"]) == "x.CSV"


def test_csv_named_without_suffix_gets_it_and_the_message_names_the_file(
        qtbot: QtBot, win: MainWindow, demo: Path, tmp_path: Path) -> None:
    dlg = open_export(qtbot, win)
    out = tmp_path / "out"
    out.mkdir()
    dlg.target_edit.setText(str(out / "C01"))
    dlg.case_box.setCurrentIndex(dlg.case_box.findData("C01"))
    assert "out/C01.csv" in dlg.preview.text()
    message = export(qtbot, win, dlg)
    written = out / "C01.csv"
    assert not (out / "C01").exists()
    rows = read_csv(written)
    assert rows and {r["case"] for r in rows} == {"C01"}
    assert len(rows) == live_rows(demo, case="C01")
    assert message == f"Exported {len(rows)} rows (case C01) to {written}"


def test_excel_and_coder_filter_and_the_folder_is_remembered(
        qtbot: QtBot, win: MainWindow, demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "xl"
    out.mkdir()
    dlg = open_export(qtbot, win)
    dlg.set_kind("xlsx")
    dlg.target_edit.setText(str(out / "all.csv"))  # the type decides: all.xlsx
    coders = [dlg.coder_box.itemData(i) for i in range(dlg.coder_box.count())]
    coder = next(c for c in coders if c and c != "AK")
    dlg.coder_box.setCurrentIndex(dlg.coder_box.findData(coder))
    message = export(qtbot, win, dlg)
    book = openpyxl.load_workbook(out / "all.xlsx")
    assert not (out / "all.csv").exists()
    assert message.endswith(f"(coder {coder}) to {out / 'all.xlsx'}")
    assert book.sheetnames
    assert f"Exported {live_rows(demo, coder=coder)} rows" in message
    # the next export starts in that folder, with that type
    dlg = open_export(qtbot, win)
    assert dlg.kind().fmt == "xlsx"
    assert Path(dlg.target_edit.text()).parent == out
    dlg.reject()


def test_time_sliced_uses_the_slice_length(qtbot: QtBot, win: MainWindow,
                                            tmp_path: Path) -> None:
    dlg = open_export(qtbot, win)
    dlg.set_kind("sliced")
    assert dlg.slice_ms.isEnabled()
    dlg.slice_ms.setValue(500)
    dlg.case_box.setCurrentIndex(dlg.case_box.findData("C02"))
    dlg.target_edit.setText(str(tmp_path / "slices"))
    message = export(qtbot, win, dlg)
    rows = read_csv(tmp_path / "slices.csv")
    assert rows and {r["case"] for r in rows} == {"C02"}
    starts = sorted({float(r["t_start_s"]) for r in rows})
    assert starts[1] - starts[0] == pytest.approx(0.5)
    assert message.startswith(f"Exported {len(rows)} slices, 500 ms slices (case C02) to")


def test_elan_writes_one_file_per_session_into_a_folder_and_says_so(
        qtbot: QtBot, win: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "elan"
    dlg = open_export(qtbot, win)
    dlg.set_kind("eaf")
    assert dlg.target_label.text() == "Folder:"
    assert not dlg.slice_ms.isEnabled()
    dlg.target_edit.setText(str(folder))
    dlg.case_box.setCurrentIndex(dlg.case_box.findData("C03"))
    message = export(qtbot, win, dlg)
    files = sorted(folder.glob("*.eaf"))
    assert [f.name for f in files] == [f"C03_{n}.eaf" for n in range(1, 6)]
    assert message.startswith("Wrote 5 ELAN files (")
    assert f"(case C03) to {folder}: C03_1.eaf, C03_2.eaf, C03_3.eaf …" in message
    assert all(f.read_text(encoding="utf-8").startswith("<?xml") for f in files)
    # all cases: every session with coding gets its file, and the count says so
    dlg = open_export(qtbot, win)
    assert dlg.kind().fmt == "eaf" and Path(dlg.target_edit.text()) == folder
    message = export(qtbot, win, dlg)
    n = len(list(folder.glob("*.eaf")))
    assert n == 45 and message.startswith(f"Wrote {n} ELAN files")


def test_sessions_follow_the_case_and_one_session_writes_only_it(
        qtbot: QtBot, win: MainWindow, demo: Path, tmp_path: Path) -> None:
    dlg = open_export(qtbot, win)
    keys = [dlg.session_box.itemData(i) for i in range(dlg.session_box.count())]
    assert keys[0] == "" and dlg.session_box.itemText(0) == "All sessions"
    assert len(keys) == 1 + 45 and "C09:5" in keys
    dlg.case_box.setCurrentIndex(dlg.case_box.findData("C03"))
    keys = [dlg.session_box.itemData(i) for i in range(dlg.session_box.count())]
    assert keys == ["", "C03:1", "C03:2", "C03:3", "C03:4", "C03:5"]
    dlg.set_session("C03:2")
    dlg.set_kind("eaf")
    folder = tmp_path / "elan"
    dlg.target_edit.setText(str(folder))
    assert dlg.preview.text() == f"Writes C03_2.eaf into {folder}."
    message = export(qtbot, win, dlg)
    assert [f.name for f in folder.iterdir()] == ["C03_2.eaf"]
    assert message.startswith("Wrote 1 ELAN file (")
    assert message.endswith(f"(case C03, session C03:2) to {folder}: C03_2.eaf")
    # all cases, one session: the CSV holds that session's rows only
    dlg = open_export(qtbot, win)
    dlg.set_kind("csv")
    assert dlg.session_box.currentIndex() == 0  # not remembered, like case and coder
    dlg.set_session("C05:4")
    dlg.case_box.setCurrentIndex(dlg.case_box.findData("C05"))  # keeps the session
    assert dlg.chosen_sessions() == ("C05:4",)
    dlg.case_box.setCurrentIndex(0)
    assert dlg.chosen_sessions() == ("C05:4",)
    out = tmp_path / "one.csv"
    dlg.target_edit.setText(str(out))
    message = export(qtbot, win, dlg)
    rows = read_csv(out)
    with Study.open(demo) as s:
        expected = len(list(iter_segments(s, session_id=s.session("C05", 4).id)))
    assert rows and {(r["case"], r["session"]) for r in rows} == {("C05", "4")}
    assert len(rows) == expected < live_rows(demo, case="C05")
    assert message == f"Exported {len(rows)} rows (session C05:4) to {out}"
    # choosing another case drops a session of a different case
    dlg = open_export(qtbot, win)
    dlg.set_session("C05:4")
    dlg.case_box.setCurrentIndex(dlg.case_box.findData("C01"))
    assert dlg.chosen_sessions() == ()
    dlg.reject()


def test_no_destination_no_export(qtbot: QtBot, win: MainWindow) -> None:
    dlg = open_export(qtbot, win)
    dlg.target_edit.setText("")
    assert "Choose where" in dlg.preview.text()
    key(qtbot, dlg.target_edit, Qt.Key.Key_Return)
    assert dlg.isVisible()
    dlg.reject()
