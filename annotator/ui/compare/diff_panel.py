"""The timeline diff of one session, disagreement navigation and the consensus coding.

:class:`DiffPanel` shows, per code, each coder's lane, a diff lane (green: both code it; red:
they code different codes of an exclusive category; amber: only one coder codes it) and the
consensus lane once the session has a consensus coding. It writes to the study only through
:mod:`annotator.store.consensus`, on a worker thread.

Signals:

- ``seekRequested(int session_id, int ms)``: go to this time of this session (a
  disagreement was chosen with Previous/Next or by clicking it, or the user clicked the ruler).
- ``consensusChanged(int session_id)``: the session's consensus coding was created or changed,
  and the consensus lane shows the new state.
- ``viewReady(int session_id)``: the session's diff (computed on a worker) is now shown.
- ``failed(str message)``: a consensus action was refused or failed; nothing was changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.reliability import DiffRun, next_disagreement, previous_disagreement
from annotator.core.timefmt import format_tc
from annotator.ui.i18n import translate
from annotator.ui.timeline import TimelineView
from annotator.ui.timeline.theme import LIGHT
from annotator.ui.workers import Task, TaskContext, run_task

from . import data
from .lanes import (
    DIFF,
    DiffLayout,
    SessionView,
    describe,
    lane_id,
    resolved_runs,
    run_codes,
    session_view,
    settle_target,
)

NAV_SPAN_MS = 60_000  # Previous/Next zoom to a minute when the view shows much more
NEW_CONSENSUS_CODER = "CONS"


def default_consensus_coder(user: str | None, compared: set[str], known: list[str],
                            consensus_coders: list[str]) -> str:
    """The consensus coder to propose: the user when they are not one of the compared
    coders, else a coder who already makes consensus codings (not compared), else a new
    consensus coder id."""
    if user and user not in compared:
        return user
    for c in consensus_coders:
        if c not in compared:
            return c
    new, k = NEW_CONSENSUS_CODER, 2
    while new in known:
        new, k = f"{NEW_CONSENSUS_CODER}{k}", k + 1
    return new


class Legend(QWidget):
    """The diff lane's colours, named (one chip per status) beside the consensus lane's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        self.items: dict[str, QLabel] = {}
        for status, text in (("agree", translate("Legend", "both code it")),
                             ("disagree", translate("Legend",
                                                    "different codes (exclusive category)")),
                             ("only_one", translate("Legend", "only one coder codes it"))):
            chip = QLabel(self)
            chip.setFixedSize(14, 14)
            chip.setStyleSheet(f"background:{LIGHT.status_colors[status]};"
                               "border:1px solid #888;")
            label = QLabel(text, self)
            lay.addWidget(chip)
            lay.addWidget(label)
            lay.addSpacing(10)
            self.items[status] = label
        note = QLabel(translate(
            "Legend", "Diff lane colours. Consensus lanes use the code's colour."), self)
        note.setWordWrap(True)  # it may wrap rather than set the window's least width
        lay.addWidget(note, 1)


class ElidedLabel(QLabel):
    """A one-line label that elides its text instead of widening its layout."""

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(0, super().sizeHint().height())

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                             self.width())
        p.drawText(self.rect(), int(Qt.AlignmentFlag.AlignVCenter), text)
        p.end()


class ConsensusDialog(QDialog):
    """Asks whose coding the consensus starts from, and who the consensus coder is."""

    def __init__(self, labels: list[str], coders: list[str], default_coder: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ConsensusDialog", "Create consensus"))
        self.start = QComboBox(self)
        self.start.addItems(labels)
        self.coder = QComboBox(self)
        self.coder.setEditable(True)
        self.coder.addItems(coders)
        self.coder.setCurrentText(default_coder)
        note = QLabel(translate(
            "ConsensusDialog",
            "The consensus is a separate coding of this session by the consensus coder. It "
            "starts as a copy of the chosen coding; for each disagreement you then accept one "
            "coder's version. The compared codings are never changed."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(translate("ConsensusDialog", "Start from"), self.start)
        form.addRow(translate("ConsensusDialog", "Consensus coder"), self.coder)
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addLayout(form)
        lay.addWidget(buttons)


class DiffPanel(QWidget):
    seekRequested = Signal(int, int)
    consensusChanged = Signal(int)
    viewReady = Signal(int)
    failed = Signal(str)

    def __init__(self, target: str, user: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._target = target
        self._user = user
        self._comp: data.Comparison | None = None
        self._session_id: int | None = None
        self._runs: list[DiffRun] = []
        self._times: list[int] = []
        self._layout: DiffLayout | None = None
        self._consensus: dict[int, data.ConsensusState] = {}
        self._selected: DiffRun | None = None
        self._task: Task | None = None
        self._loading: dict[int, Task] = {}
        self._view_task: Task | None = None
        self._view_token = 0
        self._fresh = False
        self._announce: set[int] = set()
        self._resolved: list[bool] = []
        self._advance_from: int | None = None

        self.session_box = QComboBox(self)
        self.session_box.setMinimumContentsLength(8)
        self.pair_a = QComboBox(self)
        self.pair_b = QComboBox(self)
        self.pair_label = QLabel(translate("DiffPanel", "vs"), self)
        for w in (self.pair_a, self.pair_b, self.pair_label):
            w.hide()
        self.prev_btn = QPushButton(translate("DiffPanel", "◀ Previous"), self)
        self.next_btn = QPushButton(translate("DiffPanel", "Next ▶"), self)
        self.prev_btn.setShortcut(QKeySequence("Alt+Up"))
        self.next_btn.setShortcut(QKeySequence("Alt+Down"))
        self.prev_btn.setToolTip(translate("DiffPanel", "Previous disagreement (Alt+Up)"))
        self.next_btn.setToolTip(translate("DiffPanel", "Next disagreement (Alt+Down)"))
        self.counter = QLabel(self)
        self.counter.setMinimumWidth(150)
        self.only_diff = QCheckBox(translate("DiffPanel", "Only codes with differences"), self)
        self.coder_lanes = QCheckBox(translate("DiffPanel", "Coder lanes"), self)
        self.coder_lanes.setChecked(True)
        self.create_btn = QPushButton(translate("DiffPanel", "Create consensus…"), self)
        self.accept_a = QPushButton(self)
        self.accept_b = QPushButton(self)
        self.consensus_label = QLabel(self)
        self.run_label = ElidedLabel(self)
        for b in (self.prev_btn, self.next_btn, self.create_btn, self.accept_a, self.accept_b):
            b.setAutoDefault(False)
        self.timeline = TimelineView(self)
        self.timeline.setMinimumHeight(160)
        self.legend = Legend(self)
        self.resolved_label = QLabel(self)

        nav = QHBoxLayout()
        nav.addWidget(QLabel(translate("DiffPanel", "Session"), self))
        nav.addWidget(self.session_box)
        nav.addWidget(self.pair_a)
        nav.addWidget(self.pair_label)
        nav.addWidget(self.pair_b)
        nav.addSpacing(12)
        nav.addWidget(self.prev_btn)
        nav.addWidget(self.next_btn)
        nav.addWidget(self.counter)
        nav.addStretch(1)
        nav.addWidget(self.only_diff)
        nav.addWidget(self.coder_lanes)
        cons = QHBoxLayout()
        cons.addWidget(self.create_btn)
        cons.addWidget(self.consensus_label)
        cons.addWidget(self.resolved_label)
        cons.addSpacing(16)
        cons.addWidget(self.accept_a)
        cons.addWidget(self.accept_b)
        cons.addWidget(self.run_label, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 6)
        lay.setSpacing(4)
        lay.addLayout(nav)
        lay.addLayout(cons)
        lay.addWidget(self.legend)
        lay.addWidget(self.timeline, 1)

        self.session_box.currentIndexChanged.connect(self._on_session_picked)
        self.pair_a.currentIndexChanged.connect(self._on_pair_picked)
        self.pair_b.currentIndexChanged.connect(self._on_pair_picked)
        self.prev_btn.clicked.connect(lambda: self.step(-1))
        self.next_btn.clicked.connect(lambda: self.step(+1))
        self.only_diff.toggled.connect(self._on_view_option)
        self.coder_lanes.toggled.connect(self._on_view_option)
        self.create_btn.clicked.connect(self._on_create_clicked)
        self.accept_a.clicked.connect(lambda: self.accept_version(0))
        self.accept_b.clicked.connect(lambda: self.accept_version(1))
        self.timeline.selectionChanged.connect(self._on_selection_changed)
        self.timeline.seekRequested.connect(self._on_timeline_seek)
        self._update_controls()

    # ---------------------------------------------------------------- data
    def set_comparison(self, comp: data.Comparison) -> None:
        self._comp = comp
        self._consensus = {}
        for box, index in ((self.pair_a, 0), (self.pair_b, 1)):
            box.blockSignals(True)
            box.clear()
            box.addItems(comp.labels)
            box.setCurrentIndex(index)
            box.blockSignals(False)
        multi = len(comp.labels) > 2
        for w in (self.pair_a, self.pair_b, self.pair_label):
            w.setVisible(multi)
        self.session_box.blockSignals(True)
        self.session_box.clear()
        for s in comp.sessions:
            self.session_box.addItem(s.key, s.id)
        self.session_box.blockSignals(False)
        self._session_id = None
        if comp.sessions:
            self.show_session(comp.sessions[0].id)

    def session_id(self) -> int | None:
        return self._session_id

    def pair(self) -> tuple[str, str]:
        return self.pair_a.currentText(), self.pair_b.currentText()

    def runs(self) -> list[DiffRun]:
        return list(self._runs)

    def disagreement_times(self) -> list[int]:
        return list(self._times)

    def selected_run(self) -> DiffRun | None:
        return self._selected

    def consensus(self, session_id: int) -> data.ConsensusState | None:
        return self._consensus.get(session_id)

    def show_session(self, session_id: int) -> None:
        """Show a session's diff; it is computed on a worker (``viewReady`` when shown)."""
        comp = self._comp
        if comp is None or session_id not in comp.coded:
            return
        if self._session_id != session_id:
            self._session_id = session_id
            self._runs, self._times, self._layout = [], [], None
            self._selected = None
            self.timeline.set_segments([])
            self.timeline.set_duration(comp.coded[session_id].duration_ms)
            self.timeline.set_playhead(0)
            self.timeline.fit_all()
            self._fresh = True
        i = self.session_box.findData(session_id)
        if i != self.session_box.currentIndex():
            self.session_box.blockSignals(True)
            self.session_box.setCurrentIndex(i)
            self.session_box.blockSignals(False)
        self._request_view()
        if session_id not in self._consensus and session_id in comp.consensus:
            self._load(session_id)

    def _request_view(self) -> None:
        comp, sid = self._comp, self._session_id
        if comp is None or sid is None:
            return
        state = self._consensus.get(sid)
        cons = list(state.segments) if state is not None and state.assignment else None
        self._view_token += 1
        token, pair, codebook, coded = self._view_token, self.pair(), comp.codebook, comp.coded[sid]
        coder_lanes, only = self.coder_lanes.isChecked(), self.only_diff.isChecked()
        tolerance = comp.options.tolerance_ms
        lang = comp.lang

        def work(ctx: TaskContext) -> tuple[int, SessionView]:
            return token, session_view(codebook, coded, sid, pair, tolerance_ms=tolerance,
                                       consensus=cons, coder_lanes=coder_lanes,
                                       only_differences=only, lang=lang)

        self._view_task = run_task(work, on_result=self._on_view_ready,
                                   on_error=self._on_task_error)
        self._update_controls()

    def _on_view_ready(self, result: tuple[int, SessionView]) -> None:
        token, view = result
        if token != self._view_token or view.session_id != self._session_id:
            return  # a newer request is on its way
        self._view_task = None
        self._runs, self._times, self._layout = view.runs, view.times, view.layout
        window = self.timeline.view_range()
        selection = [] if self._fresh else self.timeline.selection()
        self.timeline.set_lanes(view.layout.lanes)
        self.timeline.set_segments(view.layout.segments, status=view.layout.status)
        if self._fresh:
            self.timeline.fit_all()
        else:
            self.timeline.set_view_range(*window)
        self._fresh = False
        self.timeline.set_selection([s for s in selection if s in self.timeline.model])
        if self._selected is not None and not any(
                r == self._selected for r in view.layout.runs.values()):
            self._selected = None
        self._refresh_resolved()
        if self._advance_from is not None:  # an accept was saved: go on to the next one
            start, self._advance_from = self._advance_from, None
            self.next_unresolved(start)
        self._update_controls()
        self.viewReady.emit(view.session_id)
        if view.session_id in self._announce:
            self._announce.discard(view.session_id)
            self.consensusChanged.emit(view.session_id)

    # ---------------------------------------------------------------- navigation
    def step(self, direction: int) -> int | None:
        """Go to the next (+1) or previous (-1) disagreement; returns its time or None."""
        t = self.timeline.playhead()
        target = (next_disagreement(self._times, t) if direction > 0
                  else previous_disagreement(self._times, t))
        if target is None:
            return None
        runs = [sid for sid, r in self._layout.runs.items()
                if r.start_ms == target and r.status != "agree"] if self._layout else []
        lanes = [ln.id for ln in self.timeline.lanes()]
        runs.sort(key=lambda sid: lanes.index(self.timeline.model.lane_of(sid))
                  if self.timeline.model.has_lane(self.timeline.model.lane_of(sid)) else 1 << 30)
        if runs:
            self.timeline.set_selection(runs[:1])
            self._select(runs[0])
            self._scroll_to_lane(self.timeline.model.lane_of(runs[0]))
        start, end = self.timeline.view_range()
        if end - start > 2 * NAV_SPAN_MS:  # zoom in so the disagreement can be seen
            lo = max(0, target - NAV_SPAN_MS // 4)
            self.timeline.set_view_range(lo, lo + NAV_SPAN_MS)
        self._go_to(target)
        return target

    def resolved(self) -> tuple[int, int]:
        """(disagreements settled by an accepted version, disagreements) in this view."""
        n = sum(1 for r in self._runs if r.status != "agree")
        return sum(self._resolved), n

    def _refresh_resolved(self) -> None:
        comp, sid = self._comp, self._session_id
        state = self._consensus.get(sid) if sid is not None else None
        accepted = state.accepted if state is not None else []
        self._resolved = (resolved_runs(self._runs, accepted, comp.codebook)
                          if comp is not None else [])

    def next_unresolved(self, after_ms: int) -> int | None:
        """Go to the first disagreement after ``after_ms`` not yet settled (wrapping round to
        the start); stay when all are settled. Returns its time or None."""
        open_starts = sorted({r.start_ms for r, done in zip(self._runs, self._resolved,
                                                            strict=True)
                              if r.status != "agree" and not done})
        if not open_starts:
            return None
        target = next((t for t in open_starts if t > after_ms), open_starts[0])
        self.timeline.set_playhead(target - 1 if target > 0 else 0)
        if target == 0:
            return self._select_at(0)
        return self.step(+1)

    def _select_at(self, t: int) -> int | None:
        self.timeline.set_playhead(t)
        runs = [sid for sid, r in self._layout.runs.items()
                if r.start_ms == t and r.status != "agree"] if self._layout else []
        if runs:
            self.timeline.set_selection(runs[:1])
            self._select(runs[0])
        self._go_to(t)
        return t

    def _go_to(self, ms: int) -> None:
        self.timeline.set_playhead(ms)
        self.timeline.reveal_time(ms)
        self._update_controls()
        if self._session_id is not None:
            self.seekRequested.emit(self._session_id, ms)

    def _scroll_to_lane(self, lane: str) -> None:
        canvas = self.timeline.canvas
        if not self.timeline.model.has_lane(lane):
            return
        row = canvas.row_layout.lane_row(lane)
        top, height = canvas.scroll_y(), canvas.lanes_viewport_height()
        if row.y < top or row.bottom > top + height:
            canvas.set_scroll_y(max(0, row.y - height // 3))

    def _on_timeline_seek(self, ms: int) -> None:
        self.timeline.set_playhead(ms)
        self._update_controls()
        if self._session_id is not None:
            self.seekRequested.emit(self._session_id, ms)

    def _on_selection_changed(self, ids: list[str]) -> None:
        if len(ids) != 1:
            self._selected = None
            self._update_controls()
            return
        seg = self.timeline.segment(ids[0])
        self._select(ids[0])
        self._go_to(seg.start_ms)

    def _select(self, seg_id: str) -> None:
        self._selected = self._layout.runs.get(seg_id) if self._layout else None
        self._update_controls()

    def select_run(self, run: DiffRun) -> str:
        """Select a run's (first) diff segment as a click would; returns the segment id."""
        code = run_codes(run)[0]
        assert self._layout is not None
        sid = next(s for s, r in self._layout.runs.items()
                   if r == run and self.timeline.model.lane_of(s) == lane_id(code, DIFF))
        self.timeline.set_selection([sid])
        self._on_selection_changed([sid])
        return sid

    # ---------------------------------------------------------------- consensus
    def _on_create_clicked(self) -> None:
        comp = self._comp
        if comp is None or self._session_id is None:
            return
        compared = {a.coder for m in comp.assignments.values() for a in m.values()}
        known = comp.coders or sorted(compared)
        default = default_consensus_coder(
            self._user, compared, known, sorted({a.coder for a in comp.consensus.values()}))
        choices = [c for c in known if c not in compared]
        if default not in choices:
            choices.insert(0, default)
        dlg = ConsensusDialog(list(self.pair()), choices, default, self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        self.create_consensus(dlg.start.currentText(), dlg.coder.currentText().strip())

    def create_consensus(self, start_label: str, coder: str) -> None:
        """Create the current session's consensus coding, starting from ``start_label``'s."""
        comp, sid = self._comp, self._session_id
        if comp is None or sid is None:
            return
        if not coder:
            self.failed.emit(translate("DiffPanel", "Give the consensus coder's id (initials)."))
            return
        source = comp.assignments[sid][start_label].id
        by = self._user or coder
        self._run(lambda ctx: data.start_consensus(self._target, sid, coder, source, by))

    def accept_version(self, which: int) -> None:
        """Take the selected disagreement from the first (0) or second (1) coder of the pair."""
        comp, sid, run = self._comp, self._session_id, self._selected
        state = self._consensus.get(sid) if sid is not None else None
        if comp is None or sid is None or run is None or state is None or (
                state.assignment is None):
            return
        label = self.pair()[which]
        source = comp.assignments[sid][label].id
        category, codes = settle_target(run, comp.codebook)
        cid = state.assignment.id
        start, end = run.start_ms, run.end_ms
        by = self._user or state.assignment.coder
        self._advance_from = run.start_ms
        self._run(lambda ctx: data.take_version(self._target, sid, cid, source, start, end,
                                                category, codes, by))

    def _load(self, session_id: int) -> None:
        if session_id in self._loading:
            return
        target = self._target
        task = run_task(lambda ctx: data.load_consensus(target, session_id),
                        on_result=self._on_consensus_read, on_error=self._on_task_error)
        self._loading[session_id] = task

    def _on_consensus_read(self, state: data.ConsensusState) -> None:
        self._loading.pop(state.session_id, None)
        if state.session_id not in self._consensus:  # a write may have answered first
            self._show_consensus(state)

    def _on_consensus_written(self, state: data.ConsensusState) -> None:
        self._task = None
        self._show_consensus(state)

    def _show_consensus(self, state: data.ConsensusState) -> None:
        self._consensus[state.session_id] = state
        if state.assignment is not None and self._comp is not None:
            self._comp.consensus[state.session_id] = state.assignment
        if state.session_id == self._session_id:
            self._announce.add(state.session_id)  # once the lane shows it
            self._request_view()
        else:
            self._update_controls()
            self.consensusChanged.emit(state.session_id)

    def _run(self, fn: Callable[[TaskContext], Any]) -> None:
        """Run one consensus write on a worker; one at a time."""
        if self._task is not None:
            self.failed.emit(translate("DiffPanel",
                                       "Still saving the previous change; try again in a moment."))
            return
        self._task = run_task(fn, on_result=self._on_consensus_written,
                              on_error=self._on_write_error)
        self._update_controls()

    def _on_write_error(self, exc: BaseException) -> None:
        self._task = None
        self._advance_from = None
        self._update_controls()
        self.failed.emit(str(exc))

    def _on_task_error(self, exc: BaseException) -> None:
        self._loading.clear()
        self.failed.emit(str(exc))

    def busy(self) -> bool:
        """A consensus change (or load) is being saved (or read) on a worker."""
        return self._task is not None

    def cancel(self) -> None:
        """Stop waiting for workers (on close); a write already sent still completes."""
        for task in (self._task, self._view_task, *self._loading.values()):
            if task is not None:
                task.cancel()

    # ---------------------------------------------------------------- controls
    def _on_session_picked(self, i: int) -> None:
        sid = self.session_box.itemData(i)
        if sid is not None:
            self.show_session(int(sid))

    def _on_pair_picked(self, _i: int) -> None:
        self._selected = None
        self._request_view()

    def _on_view_option(self, _on: bool) -> None:
        self._request_view()

    def _update_controls(self) -> None:
        comp, sid = self._comp, self._session_id
        have = comp is not None and sid is not None
        a, b = self.pair() if have else ("A", "B")
        accept = translate("DiffPanel", "Accept {coder}'s version")
        self.accept_a.setText(accept.format(coder=a))
        self.accept_b.setText(accept.format(coder=b))
        state = self._consensus.get(sid) if sid is not None else None
        has_cons = state is not None and state.assignment is not None
        known = have and comp is not None and sid in comp.consensus
        idle = not self.busy()
        run = self._selected
        open_run = run is not None and run.status != "agree"
        self.create_btn.setEnabled(have and not known and idle)
        self.accept_a.setEnabled(has_cons and open_run and idle)
        self.accept_b.setEnabled(has_cons and open_run and idle)
        self.prev_btn.setEnabled(have and bool(self._times))
        self.next_btn.setEnabled(have and bool(self._times))
        if state is not None and state.assignment is not None:
            n = len(state.segments)
            by = (translate("DiffPanel", "Consensus: by {coder}, 1 segment") if n == 1 else
                  translate("DiffPanel", "Consensus: by {coder}, {n} segments"))
            self.consensus_label.setText(by.format(coder=state.assignment.coder, n=n))
        else:
            self.consensus_label.setText(translate("DiffPanel", "Consensus: loading…") if known
                                         else translate("DiffPanel", "Consensus: none yet"))
        done, total = self.resolved()
        self.resolved_label.setText(translate("DiffPanel", "· resolved {done} of {total}").format(
            done=done, total=total) if has_cons else "")
        self.resolved_label.setToolTip(translate(
            "DiffPanel", "Disagreements of this pair in this session for which a version was "
            "accepted into the consensus"))
        if run is not None and comp is not None:
            span = format_tc(run.start_ms) if run.start_ms == run.end_ms else \
                f"{format_tc(run.start_ms)}–{format_tc(run.end_ms)}"
            self.run_label.setText(f"{span}  {describe(run, comp.codebook, a, b, comp.lang)}")
        else:
            self.run_label.setText(
                translate("DiffPanel", "Click a run in a diff lane to settle it.") if have
                else "")
        t = self.timeline.playhead()
        k = sum(1 for x in self._times if x <= t)
        n = len(self._times)
        self.counter.setText(
            translate("DiffPanel", "no disagreements") if have and not n else
            translate("DiffPanel", "disagreement {k} of {n}").format(k=k, n=n) if have else "")
