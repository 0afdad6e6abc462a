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

from annotator.ui.i18n import QT_TRANSLATE_NOOP, translate
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
    gets the new checked state. ``shortcuts`` are the keys, the first one shown. ``text``
    and ``tip`` are English, marked for translation (context ``Actions``)."""

    name: str
    text: str
    handler: str
    shortcuts: tuple[str, ...] = ()
    tip: str = ""
    checkable: bool = False
    enabled: Condition = always
    checked: bool = False

    @property
    def shown_text(self) -> str:
        """The menu text in the interface language."""
        return translate("Actions", self.text)

    @property
    def plain_text(self) -> str:
        """The text without accelerator or ellipsis, in the interface language."""
        return self.shown_text.replace("&", "").rstrip("…")

    @property
    def shown_tip(self) -> str:
        """The tip (else the plain text) in the interface language."""
        return translate("Actions", self.tip) if self.tip else self.plain_text


A = ActionSpec
ACTIONS: tuple[ActionSpec, ...] = (
    # File
    A("new_study", QT_TRANSLATE_NOOP("Actions", "&New study…"), "study.new_study", ("Ctrl+N",),
      QT_TRANSLATE_NOOP("Actions", "Create a new study file with a codebook")),
    A("open_study", QT_TRANSLATE_NOOP("Actions", "&Open study…"),
      "window.open_study_dialog", ("Ctrl+O",)),
    A("open_demo", QT_TRANSLATE_NOOP("Actions", "Open the &demo study"), "study.open_demo", (),
      QT_TRANSLATE_NOOP("Actions", "Build (first time) and open the demo study")),
    A("export", QT_TRANSLATE_NOOP("Actions", "&Export…"), "study.export_dialog", ("Ctrl+E",),
      QT_TRANSLATE_NOOP("Actions", "Export coded timelines (CSV, Excel, SPSS, ELAN, time-sliced)"),
      enabled=has_study),
    A("checkout", QT_TRANSLATE_NOOP("Actions", "Check &out for a coder…"),
      "study.checkout_dialog", (),
      QT_TRANSLATE_NOOP("Actions", "Write a coder's own blind study file for their laptop"),
      enabled=has_study),
    A("merge", QT_TRANSLATE_NOOP("Actions", "&Merge a coder's study…"), "study.merge_dialog", (),
      QT_TRANSLATE_NOOP("Actions", "Bring a coder's checked-out work back into this study"),
      enabled=has_study),
    A("close_study", QT_TRANSLATE_NOOP("Actions", "&Close study"),
      "window.close_study", ("Ctrl+W",),
      enabled=has_study),
    A("quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), "window.close", ("Ctrl+Q",)),
    # Edit
    A("undo", QT_TRANSLATE_NOOP("Actions", "&Undo"), "edit.undo", ("Ctrl+Z",), enabled=can_undo),
    A("redo", QT_TRANSLATE_NOOP("Actions", "&Redo"), "edit.redo", ("Ctrl+Shift+Z", "Ctrl+Y"),
      enabled=can_redo),
    A("split", QT_TRANSLATE_NOOP("Actions", "&Split at playhead"), "edit.split_selected", ("S",),
      QT_TRANSLATE_NOOP("Actions", "Split the selected segment (or the one under the playhead)"),
      enabled=editable),
    A("note", QT_TRANSLATE_NOOP("Actions", "&Note…"), "edit.edit_note", ("N",),
      QT_TRANSLATE_NOOP("Actions", "Write a note on the selected segment"), enabled=editable),
    A("delete", QT_TRANSLATE_NOOP("Actions", "&Delete segment"), "edit.delete_selected", (),
      QT_TRANSLATE_NOOP("Actions", "Delete the selected segments (Delete in the timeline or table)"),  # noqa: E501
      enabled=editable),
    A("close_open", QT_TRANSLATE_NOOP("Actions", "&End open codes"),
      "edit.close_open_codes", ("Return",),
      QT_TRANSLATE_NOOP("Actions", "End every code that is being recorded, at the playhead"),
      enabled=editable),
    A("cancel_open", QT_TRANSLATE_NOOP("Actions", "Discard open codes"),
      "edit.cancel_open_codes", ("Escape",),
      QT_TRANSLATE_NOOP("Actions", "Discard the codes being recorded"), enabled=editable),
    # Coding
    A("hold_mode", QT_TRANSLATE_NOOP("Actions", "&Hold mode"), "edit.set_hold_mode", ("H",),
      QT_TRANSLATE_NOOP("Actions", "Code for as long as a code's key is held down"),
      checkable=True),
    A("show_others", QT_TRANSLATE_NOOP("Actions", "Show &other coders (unblind)"),
      "edit.toggle_others", (),
      QT_TRANSLATE_NOOP("Actions", "Show the other coders' segments on this session; this is logged"),  # noqa: E501
      checkable=True, enabled=coding),
    A("submit", QT_TRANSLATE_NOOP("Actions", "S&ubmit session"), "edit.submit", ("Ctrl+Return",),
      QT_TRANSLATE_NOOP("Actions", "Mark your coding of this session as done"), enabled=editable),
    A("reopen", QT_TRANSLATE_NOOP("Actions", "&Reopen session"), "edit.reopen", (),
      QT_TRANSLATE_NOOP("Actions", "Reopen a submitted session to edit it; this is logged"),
      enabled=submitted),
    A("switch_coder", QT_TRANSLATE_NOOP("Actions", "Switch &coder…"), "study.choose_coder",
      enabled=has_study),
    # Study
    A("plan_reliability", QT_TRANSLATE_NOOP("Actions", "&Plan reliability coding…"),
      "study.plan_reliability", (),
      QT_TRANSLATE_NOOP("Actions", "Assign a stratified sample of sessions to a second coder, blind"),  # noqa: E501
      enabled=has_study),
    A("compare", QT_TRANSLATE_NOOP("Actions", "&Compare coders…"), "study.compare", ("Ctrl+K",),
      QT_TRANSLATE_NOOP("Actions", "Reliability, confusion and timeline differences between coders"),  # noqa: E501
      enabled=has_study),
    A("analysis", QT_TRANSLATE_NOOP("Actions", "&Analysis…"), "study.analysis", (),
      QT_TRANSLATE_NOOP("Actions", "Time budgets, co-occurrence, sequences and trends over sessions"),  # noqa: E501
      enabled=has_study),
    A("check_study", QT_TRANSLATE_NOOP("Actions", "C&heck study"), "study.check_study", (),
      QT_TRANSLATE_NOOP("Actions", "Integrity, schema and missing media"), enabled=has_study),
    # View
    A("refresh", QT_TRANSLATE_NOOP("Actions", "Re&fresh"), "window.refresh", ("F5",),
      QT_TRANSLATE_NOOP("Actions", "Show what other coders committed meanwhile (lab server, merges)")),  # noqa: E501
    A("reset_layout", QT_TRANSLATE_NOOP("Actions", "&Reset layout"), "window.reset_layout"),
    A("zoom_all", QT_TRANSLATE_NOOP("Actions", "Show the &whole session"),
      "nav.zoom_fit", ("Ctrl+0",),
      QT_TRANSLATE_NOOP("Actions", "Zoom the timeline out to the whole session")),
    A("zoom_in", QT_TRANSLATE_NOOP("Actions", "Zoom &in"), "nav.zoom_in", ("Ctrl+=", "Ctrl++"),
      QT_TRANSLATE_NOOP("Actions", "Zoom the timeline in around the playhead")),
    A("zoom_out", QT_TRANSLATE_NOOP("Actions", "Zoom o&ut"), "nav.zoom_out", ("Ctrl+-",),
      QT_TRANSLATE_NOOP("Actions", "Zoom the timeline out around the playhead")),
    A("follow", QT_TRANSLATE_NOOP("Actions", "&Follow the playhead"),
      "nav.set_follow", ("Ctrl+Shift+F",),
      QT_TRANSLATE_NOOP("Actions", "Page the timeline so the playhead stays in view while playing"),
      checkable=True, checked=True),
    A("definition", QT_TRANSLATE_NOOP("Actions", "&Definition pane"),
      "window.show_definition", ("Ctrl+D",),
      QT_TRANSLATE_NOOP("Actions", "Show the definition and examples of the hovered or selected code"),  # noqa: E501
      checkable=True),
    # Navigate
    A("go_to_time", QT_TRANSLATE_NOOP("Actions", "&Go to time…"), "nav.go_to_time", ("Ctrl+G",),
      QT_TRANSLATE_NOOP("Actions", "Move the playhead to a time (12:34.5, 1:02:03 or seconds)"),
      enabled=coding),
    A("next_segment", QT_TRANSLATE_NOOP("Actions", "&Next segment"),
      "nav.next_segment", ("Ctrl+PgDown",),
      QT_TRANSLATE_NOOP("Actions", "Go to the next segment of any code"), enabled=coding),
    A("previous_segment", QT_TRANSLATE_NOOP("Actions", "&Previous segment"),
      "nav.previous_segment", ("Ctrl+PgUp",),
      QT_TRANSLATE_NOOP("Actions", "Go to the previous segment of any code"), enabled=coding),
    A("next_of_code", QT_TRANSLATE_NOOP("Actions", "Next segment of the selected &code"),
      "nav.next_of_code", ("Ctrl+Shift+PgDown",),
      QT_TRANSLATE_NOOP("Actions", "Go to the next segment of the selected segment's code"),
      enabled=coding),
    A("previous_of_code", QT_TRANSLATE_NOOP("Actions", "Previous segment of the selected c&ode"),
      "nav.previous_of_code", ("Ctrl+Shift+PgUp",),
      QT_TRANSLATE_NOOP("Actions", "Go to the previous segment of the selected segment's code"),
      enabled=coding),
    # Help
    A("manual", QT_TRANSLATE_NOOP("Actions", "User &manual"), "help.manual", ("F1",),
      QT_TRANSLATE_NOOP("Actions", "Open the user manual in your web browser")),
    A("keys_help", QT_TRANSLATE_NOOP("Actions", "&Keyboard…"), "help.keyboard", ("Ctrl+F1",),
      QT_TRANSLATE_NOOP("Actions", "Every key and shortcut of the coding window")),
    A("about", QT_TRANSLATE_NOOP("Actions", "&About annotator"), "help.about"),
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
        a = QAction(translate("Actions", spec.text), parent)
        if spec.shortcuts:
            a.setShortcuts([QKeySequence(k) for k in spec.shortcuts])
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        tip = spec.shown_tip
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
