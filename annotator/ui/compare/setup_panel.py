"""The left-hand panel of the comparison window: coders, sessions, options, Compute.

Signals:

- ``codersChanged()``: the user checked or unchecked a coder (the session list was refilled).
- ``computeRequested()``: the Compute button was clicked.
- ``cancelRequested()``: the Cancel button was clicked while computing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.i18n import LANGUAGES, translate

from .data import Catalog, CoderChoice, Options, coders_for

ROLE = int(Qt.ItemDataRole.UserRole)


class SetupPanel(QWidget):
    codersChanged = Signal()
    computeRequested = Signal()
    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog: Catalog | None = None
        self._unchecked_sessions: set[int] = set()

        self.coder_list = QListWidget(self)
        self.coder_list.setToolTip(translate(
            "SetupPanel",
            "Check two or more codings. A coder's re-coding, checked together with the coder, "
            "compares them with themself (intra-rater drift)."))
        self.session_list = QListWidget(self)
        self.session_list.setToolTip(
            translate("SetupPanel", "Sessions that every checked coder coded"))
        self.session_count = QLabel(self)
        all_btn = QPushButton(translate("SetupPanel", "All"), self)
        none_btn = QPushButton(translate("SetupPanel", "None"), self)
        for b in (all_btn, none_btn):
            b.setAutoDefault(False)
        all_btn.clicked.connect(lambda: self._check_all_sessions(True))
        none_btn.clicked.connect(lambda: self._check_all_sessions(False))

        self.resolution = QSpinBox(self)
        self.resolution.setRange(0, 60_000)
        self.resolution.setSingleStep(100)
        self.resolution.setSpecialValueText(translate("SetupPanel", "exact durations"))
        self.resolution.setSuffix(translate("SetupPanel", " ms"))
        self.resolution.setToolTip(
            translate("SetupPanel", "0: exact durations; otherwise slices of this many ms"))
        self.tolerance = QSpinBox(self)
        self.tolerance.setRange(0, 60_000)
        self.tolerance.setSingleStep(100)
        self.tolerance.setValue(1000)
        self.tolerance.setSuffix(translate("SetupPanel", " ms"))
        self.tolerance.setToolTip(translate(
            "SetupPanel", "How far apart two point codes may be and still be linked"))
        self.lang = QComboBox(self)
        self.lang.addItem(translate("SetupPanel", "codebook's language"), None)
        for code, name in LANGUAGES:  # each named in its own language
            self.lang.addItem(f"{name} ({code})", code)
        self.lang.setToolTip(translate(
            "SetupPanel", "Language of the code and category labels in the results"))
        self.bootstrap = QSpinBox(self)
        self.bootstrap.setRange(0, 10_000)
        self.bootstrap.setSingleStep(100)
        self.bootstrap.setValue(1000)
        self.bootstrap.setSpecialValueText(translate("SetupPanel", "no intervals"))
        self.bootstrap.setToolTip(
            translate("SetupPanel", "Bootstrap resamples over sessions for 95% intervals"))

        self.compute_btn = QPushButton(translate("SetupPanel", "Compute"), self)
        self.compute_btn.setDefault(True)
        self.cancel_btn = QPushButton(translate("SetupPanel", "Cancel"), self)
        self.cancel_btn.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.progress.hide()
        self.compute_btn.clicked.connect(self.computeRequested)
        self.cancel_btn.clicked.connect(self.cancelRequested)

        coders_box = QGroupBox(translate("SetupPanel", "Coders"), self)
        QVBoxLayout(coders_box).addWidget(self.coder_list)
        sessions_box = QGroupBox(translate("SetupPanel", "Sessions"), self)
        sl = QVBoxLayout(sessions_box)
        sl.addWidget(self.session_list, 1)
        row = QHBoxLayout()
        row.addWidget(self.session_count, 1)
        row.addWidget(all_btn)
        row.addWidget(none_btn)
        sl.addLayout(row)
        options_box = QGroupBox(translate("SetupPanel", "Options"), self)
        form = QFormLayout(options_box)
        form.addRow(translate("SetupPanel", "Resolution"), self.resolution)
        form.addRow(translate("SetupPanel", "Point tolerance"), self.tolerance)
        form.addRow(translate("SetupPanel", "Bootstrap"), self.bootstrap)
        form.addRow(translate("SetupPanel", "Labels"), self.lang)
        buttons = QHBoxLayout()
        buttons.addWidget(self.compute_btn, 1)
        buttons.addWidget(self.cancel_btn)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 4, 8)
        lay.addWidget(coders_box, 1)
        lay.addWidget(sessions_box, 2)
        lay.addWidget(options_box)
        lay.addLayout(buttons)
        lay.addWidget(self.progress)
        self.coder_list.itemChanged.connect(self._on_coder_item_changed)
        self.session_list.itemChanged.connect(self._on_session_item_changed)
        self.set_loading(True)

    # ---------------------------------------------------------------- filling
    def set_loading(self, loading: bool) -> None:
        self.compute_btn.setEnabled(not loading)
        self.coder_list.setEnabled(not loading)
        if loading:
            self.session_count.setText(translate("SetupPanel", "Loading the study…"))

    def set_catalog(self, catalog: Catalog) -> None:
        self._catalog = catalog
        defaults = {(c.coder, c.kind) for c in catalog.default_choices()}
        self.coder_list.blockSignals(True)
        self.coder_list.clear()
        for choice in catalog.choices():
            item = QListWidgetItem(choice.text, self.coder_list)
            item.setData(ROLE, choice)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            checked = (choice.coder, choice.kind) in defaults
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.coder_list.blockSignals(False)
        self.set_loading(False)
        self._refill_sessions()

    def _on_coder_item_changed(self, _item: QListWidgetItem) -> None:
        self._refill_sessions()
        self.codersChanged.emit()

    def _on_session_item_changed(self, item: QListWidgetItem) -> None:
        sid = int(item.data(ROLE))
        if item.checkState() == Qt.CheckState.Checked:
            self._unchecked_sessions.discard(sid)
        else:
            self._unchecked_sessions.add(sid)
        self._update_count()

    def _refill_sessions(self) -> None:
        catalog = self._catalog
        self.session_list.blockSignals(True)
        self.session_list.clear()
        coders = self.coders()
        common = catalog.common_sessions(coders) if catalog is not None and len(
            self.checked_choices()) >= 2 else []
        for s in common:
            item = QListWidgetItem(s.key, self.session_list)
            item.setData(ROLE, s.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            off = s.id in self._unchecked_sessions
            item.setCheckState(Qt.CheckState.Unchecked if off else Qt.CheckState.Checked)
        self.session_list.blockSignals(False)
        self._update_count()

    def _check_all_sessions(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for i in range(self.session_list.count()):
            self.session_list.item(i).setCheckState(state)

    def _update_count(self) -> None:
        n = self.session_list.count()
        if len(self.checked_choices()) < 2:
            self.session_count.setText(translate("SetupPanel", "Check two codings."))
        elif n == 0:
            self.session_count.setText(translate("SetupPanel", "No session in common."))
        else:
            self.session_count.setText(translate("SetupPanel", "{k} of {n} in common").format(
                k=len(self.session_keys()), n=n))

    # ---------------------------------------------------------------- reading
    def checked_choices(self) -> list[CoderChoice]:
        out = []
        for i in range(self.coder_list.count()):
            item = self.coder_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(ROLE))
        return out

    def coders(self) -> list[str]:
        return coders_for(self.checked_choices())

    def choose_language(self, lang: str) -> None:
        """Show labels in ``lang`` (a code such as ``"nb"``); an unknown one changes nothing."""
        i = self.lang.findData(lang)
        if i >= 0:
            self.lang.setCurrentIndex(i)

    def session_keys(self) -> list[str]:
        return [self.session_list.item(i).text() for i in range(self.session_list.count())
                if self.session_list.item(i).checkState() == Qt.CheckState.Checked]

    def options(self) -> Options:
        res = self.resolution.value()
        lang = self.lang.currentData()
        return Options(resolution_ms=res or None, tolerance_ms=self.tolerance.value(),
                       bootstrap=self.bootstrap.value(),
                       lang=str(lang) if lang is not None else None)

    def set_checked_coders(self, labels: list[str]) -> None:
        """Check exactly the entries with these labels (``A``, ``A (re-code)``, ...)."""
        self.coder_list.blockSignals(True)
        for i in range(self.coder_list.count()):
            item = self.coder_list.item(i)
            on = item.data(ROLE).label in labels
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.coder_list.blockSignals(False)
        self._refill_sessions()
        self.codersChanged.emit()

    # ---------------------------------------------------------------- running
    def set_running(self, running: bool) -> None:
        self.compute_btn.setEnabled(not running)
        self.cancel_btn.setEnabled(running)
        self.progress.setVisible(running)
        self.progress.setValue(0)

    def set_progress(self, fraction: float) -> None:
        self.progress.setValue(round(1000 * max(0.0, min(1.0, fraction))))
