"""Every command of the main window, declared once: text, shortcut, tip, handler and
when it is enabled.

:data:`ACTIONS` is the table; :func:`build_actions` makes the ``QAction`` objects
(resolving each handler as ``"<handler>.<method>"`` among the objects it is given) and
:func:`update_enabled` applies the enable conditions to the current
:class:`~annotator.ui.workspace.Workspace`. The menus (:mod:`annotator.ui.window_menus`)
and the keyboard help list the actions by name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from annotator.ui.workspace import Workspace

Condition = Callable[[Workspace], bool]


def always(_ws: Workspace) -> bool:
    return True


def has_study(ws: Workspace) -> bool:
    return ws.has_study


def coding(ws: Workspace) -> bool:
    return ws.coding


def editable(ws: Workspace) -> bool:
    return ws.editable


def submitted(ws: Workspace) -> bool:
    return ws.submitted


def can_undo(ws: Workspace) -> bool:
    return ws.editable and ws.can_undo


def can_redo(ws: Workspace) -> bool:
    return ws.editable and ws.can_redo


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One command. ``handler`` is ``"<object>.<method>"``; a checkable action's method
    gets the new checked state. ``shortcuts`` are the keys, the first one shown."""

    name: str
    text: str
    handler: str
    shortcuts: tuple[str, ...] = ()
    tip: str = ""
    checkable: bool = False
    enabled: Condition = always
    checked: bool = False

    @property
    def plain_text(self) -> str:
        return self.text.replace("&", "").rstrip("…")


A = ActionSpec
ACTIONS: tuple[ActionSpec, ...] = (
    # File
    A("new_study", "&New study…", "study.new_study", ("Ctrl+N",),
      "Create a new study file with a codebook"),
    A("open_study", "&Open study…", "window.open_study_dialog", ("Ctrl+O",)),
    A("open_demo", "Open the &demo study", "study.open_demo", (),
      "Build (first time) and open the demo study"),
    A("export", "&Export…", "study.export_dialog", ("Ctrl+E",),
      "Export coded timelines (CSV, Excel, SPSS, ELAN, time-sliced)", enabled=has_study),
    A("checkout", "Check &out for a coder…", "study.checkout_dialog", (),
      "Write a coder's own blind study file for their laptop", enabled=has_study),
    A("merge", "&Merge a coder's study…", "study.merge_dialog", (),
      "Bring a coder's checked-out work back into this study", enabled=has_study),
    A("close_study", "&Close study", "window.close_study", ("Ctrl+W",), enabled=has_study),
    A("quit", "&Quit", "window.close", ("Ctrl+Q",)),
    # Edit
    A("undo", "&Undo", "edit.undo", ("Ctrl+Z",), enabled=can_undo),
    A("redo", "&Redo", "edit.redo", ("Ctrl+Shift+Z", "Ctrl+Y"), enabled=can_redo),
    A("split", "&Split at playhead", "edit.split_selected", ("S",),
      "Split the selected segment (or the one under the playhead)", enabled=editable),
    A("note", "&Note…", "edit.edit_note", ("N",), "Write a note on the selected segment",
      enabled=editable),
    A("delete", "&Delete segment", "edit.delete_selected", (),
      "Delete the selected segments (Delete in the timeline or table)", enabled=editable),
    A("close_open", "&End open codes", "edit.close_open_codes", ("Return",),
      "End every code that is being recorded, at the playhead", enabled=editable),
    A("cancel_open", "Discard open codes", "edit.cancel_open_codes", ("Escape",),
      "Discard the codes being recorded", enabled=editable),
    # Coding
    A("hold_mode", "&Hold mode", "edit.set_hold_mode", ("H",),
      "Code for as long as a code's key is held down", checkable=True),
    A("show_others", "Show &other coders (unblind)", "edit.toggle_others", (),
      "Show the other coders' segments on this session; this is logged", checkable=True,
      enabled=coding),
    A("submit", "S&ubmit session", "edit.submit", ("Ctrl+Return",),
      "Mark your coding of this session as done", enabled=editable),
    A("reopen", "&Reopen session", "edit.reopen", (),
      "Reopen a submitted session to edit it; this is logged", enabled=submitted),
    A("switch_coder", "Switch &coder…", "study.choose_coder", (), enabled=has_study),
    # Study
    A("plan_reliability", "&Plan reliability coding…", "study.plan_reliability", (),
      "Assign a stratified sample of sessions to a second coder, blind", enabled=has_study),
    A("compare", "&Compare coders…", "study.compare", ("Ctrl+K",),
      "Reliability, confusion and timeline differences between coders", enabled=has_study),
    A("analysis", "&Analysis…", "study.analysis", (),
      "Time budgets, co-occurrence, sequences and trends over sessions", enabled=has_study),
    A("check_study", "C&heck study", "study.check_study", (),
      "Integrity, schema and missing media", enabled=has_study),
    # View
    A("refresh", "Re&fresh", "window.refresh", ("F5",),
      "Show what other coders committed meanwhile (lab server, merges)"),
    A("reset_layout", "&Reset layout", "window.reset_layout"),
    A("zoom_all", "Show the &whole session", "nav.zoom_fit", ("Ctrl+0",),
      "Zoom the timeline out to the whole session"),
    A("zoom_in", "Zoom &in", "nav.zoom_in", ("Ctrl+=", "Ctrl++"),
      "Zoom the timeline in around the playhead"),
    A("zoom_out", "Zoom o&ut", "nav.zoom_out", ("Ctrl+-",),
      "Zoom the timeline out around the playhead"),
    A("follow", "&Follow the playhead", "nav.set_follow", ("Ctrl+Shift+F",),
      "Page the timeline so the playhead stays in view while playing", checkable=True,
      checked=True),
    A("definition", "&Definition pane", "window.show_definition", ("Ctrl+D",),
      "Show the definition and examples of the hovered or selected code", checkable=True),
    # Navigate
    A("go_to_time", "&Go to time…", "nav.go_to_time", ("Ctrl+G",),
      "Move the playhead to a time (12:34.5, 1:02:03 or seconds)", enabled=coding),
    A("next_segment", "&Next segment", "nav.next_segment", ("Ctrl+PgDown",),
      "Go to the next segment of any code", enabled=coding),
    A("previous_segment", "&Previous segment", "nav.previous_segment", ("Ctrl+PgUp",),
      "Go to the previous segment of any code", enabled=coding),
    A("next_of_code", "Next segment of the selected &code", "nav.next_of_code",
      ("Ctrl+Shift+PgDown",), "Go to the next segment of the selected segment's code",
      enabled=coding),
    A("previous_of_code", "Previous segment of the selected c&ode", "nav.previous_of_code",
      ("Ctrl+Shift+PgUp",), "Go to the previous segment of the selected segment's code",
      enabled=coding),
    # Help
    A("keys_help", "&Keyboard…", "window.keyboard_help", ("F1",)),
    A("about", "&About annotator", "window.about"),
)
del A

SPECS: dict[str, ActionSpec] = {s.name: s for s in ACTIONS}


def build_actions(parent: QWidget, handlers: Mapping[str, object],
                  specs: tuple[ActionSpec, ...] = ACTIONS) -> dict[str, QAction]:
    """One window-wide ``QAction`` per spec, added to ``parent``, by name."""
    out: dict[str, QAction] = {}
    for spec in specs:
        obj_name, _, method = spec.handler.partition(".")
        slot = getattr(handlers[obj_name], method)  # fails loudly on a typo in the table
        a = QAction(spec.text, parent)
        if spec.shortcuts:
            a.setShortcuts([QKeySequence(k) for k in spec.shortcuts])
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        tip = spec.tip or spec.plain_text
        a.setToolTip(f"{tip} ({spec.shortcuts[0]})" if spec.shortcuts else tip)
        a.setStatusTip(tip)
        a.setCheckable(spec.checkable)
        a.setChecked(spec.checked)
        if spec.checkable:
            a.toggled.connect(slot)
        else:
            a.triggered.connect(lambda _checked=False, f=slot: f())
        parent.addAction(a)
        out[spec.name] = a
    return out


def update_enabled(actions: Mapping[str, QAction], ws: Workspace,
                   specs: tuple[ActionSpec, ...] = ACTIONS) -> None:
    """Enable each action whose condition holds for ``ws``."""
    for spec in specs:
        a = actions.get(spec.name)
        if a is not None:
            a.setEnabled(spec.enabled(ws))
