"""The main window's menus and actions (names in ``window.actions_by_name``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from annotator.ui.analysis import open_analysis

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


def build_menus(w: MainWindow) -> None:
    sa = w.study_actions
    names = w.actions_by_name

    def act(name: str, text: str, slot: Callable[..., object], shortcut: str | None = None,
            tip: str = "", checkable: bool = False) -> QAction:
        a = QAction(text, w)
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        tip = tip or text.replace("&", "").rstrip("…")
        a.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        a.setStatusTip(tip)
        a.setCheckable(checkable)
        if checkable:
            a.toggled.connect(slot)
        else:
            a.triggered.connect(lambda _checked=False: slot())
        names[name] = a
        w.addAction(a)
        return a

    mb = w.menuBar()
    m = mb.addMenu("&File")
    m.addAction(act("new_study", "&New study…", sa.new_study, "Ctrl+N",
                    "Create a new study file with a codebook"))
    m.addAction(act("open_study", "&Open study…", w.open_study_dialog, "Ctrl+O"))
    m.addAction(act("open_demo", "Open the &demo study", sa.open_demo, None,
                    "Build (first time) and open the demo study"))
    sa.recent_menu = m.addMenu("Open &recent")
    sa.recent_menu.aboutToShow.connect(sa.fill_recent_menu)
    m.addSeparator()
    m.addAction(act("export", "&Export…", sa.export_dialog, "Ctrl+E",
                    "Export coded timelines (CSV, Excel, SPSS, ELAN, time-sliced)"))
    m.addAction(act("checkout", "Check &out for a coder…", sa.checkout_dialog, None,
                    "Write a coder's own blind study file for their laptop"))
    m.addAction(act("merge", "&Merge a coder's study…", sa.merge_dialog, None,
                    "Bring a coder's checked-out work back into this study"))
    m.addSeparator()
    m.addAction(act("close_study", "&Close study", w.close_study, "Ctrl+W"))
    m.addAction(act("quit", "&Quit", w.close, "Ctrl+Q"))

    m = mb.addMenu("&Edit")
    m.addAction(act("undo", "&Undo", lambda: w.controller and w.controller.undo(), "Ctrl+Z"))
    m.addAction(act("redo", "&Redo", lambda: w.controller and w.controller.redo(),
                    "Ctrl+Shift+Z"))
    names["redo"].setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    m.addSeparator()
    m.addAction(act("split", "&Split at playhead", w.split_selected, "S",
                    "Split the selected segment (or the one under the playhead)"))
    m.addAction(act("note", "&Note…", w.edit_note, "N", "Write a note on the selected segment"))
    m.addAction(act("delete", "&Delete segment", w.delete_selected, None,
                    "Delete the selected segments (Delete in the timeline or table)"))
    m.addSeparator()
    m.addAction(act("close_open", "&End open codes", w.close_open_codes, "Return",
                    "End every code that is being recorded, at the playhead"))
    m.addAction(act("cancel_open", "Discard open codes", w.cancel_open_codes, "Escape",
                    "Discard the codes being recorded"))

    m = mb.addMenu("&Playback")
    for a in w.player.player_actions.all():
        m.addAction(a)
    speed = m.addMenu("&Speed")
    group = QActionGroup(w)
    for rate in (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0):
        a = QAction(f"{rate:g}×", w, checkable=True)
        a.setChecked(rate == 1.0)
        a.triggered.connect(lambda _c=False, r=rate: w.player.controller.set_rate(r))
        group.addAction(a)
        speed.addAction(a)

    m = mb.addMenu("&Coding")
    m.addAction(act("hold_mode", "&Hold mode", lambda on: w.controller
                    and w.controller.set_hold_mode(on), "H",
                    "Code for as long as a code's key is held down", checkable=True))
    m.addAction(act("show_others", "Show &other coders (unblind)", w.toggle_others, None,
                    "Show the other coders' segments on this session; this is logged",
                    checkable=True))
    m.addSeparator()
    m.addAction(act("submit", "S&ubmit session", lambda: w.controller and w.controller.submit(),
                    "Ctrl+Return", "Mark your coding of this session as done"))
    m.addAction(act("reopen", "&Reopen session", lambda: w.controller and w.controller.reopen(),
                    None, "Reopen a submitted session to edit it; this is logged"))
    m.addSeparator()
    m.addAction(act("switch_coder", "Switch &coder…", sa.choose_coder, None))
    lang = m.addMenu("Code &language")
    lgroup = QActionGroup(w)
    for code, label in (("en", "English"), ("nb", "Norsk bokmål")):
        a = QAction(label, w, checkable=True)
        a.setChecked(code == w.lang)
        a.triggered.connect(lambda _c=False, c=code: w.set_language(c))
        lgroup.addAction(a)
        lang.addAction(a)

    m = mb.addMenu("&Study")
    m.addAction(act("plan_reliability", "&Plan reliability coding…", sa.plan_reliability,
                    None, "Assign a stratified sample of sessions to a second coder, blind"))
    m.addAction(act("compare", "&Compare coders…", sa.compare, "Ctrl+K",
                    "Reliability, confusion and timeline differences between coders"))
    m.addAction(act("analysis", "&Analysis…", lambda: open_analysis(w), None,
                    "Time budgets, co-occurrence, sequences and trends over sessions"))
    m.addAction(act("check_study", "C&heck study", sa.check_study, None,
                    "Integrity, schema and missing media"))

    m = mb.addMenu("&View")
    for dock in (w.browser_dock, w.codes_dock, w.table_dock):
        m.addAction(dock.toggleViewAction())
    m.addAction(act("refresh", "Re&fresh", w.refresh, "F5",
                    "Show what other coders committed meanwhile (lab server, merges)"))
    m.addAction(act("reset_layout", "&Reset layout", w.reset_layout))
    m.addAction(act("zoom_all", "Show the &whole session", w.timeline.fit_all, "Ctrl+0"))

    m = mb.addMenu("&Help")
    m.addAction(act("keys_help", "&Keyboard…", w.keyboard_help, "F1"))
    m.addAction(act("about", "&About annotator", w.about))
