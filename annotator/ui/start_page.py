"""The start page: new study, open study, open the demo, recent studies.

Signals:

- ``newRequested()``, ``openRequested()``, ``demoRequested()``
- ``recentChosen(str target)``
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.store.engine import without_secrets
from annotator.ui.i18n import translate


class StartPage(QWidget):
    newRequested = Signal()
    openRequested = Signal()
    demoRequested = Signal()
    recentChosen = Signal(str)

    def __init__(self, recent: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        title = QLabel("<h1>annotator</h1>")
        sub = QLabel(translate(
            "StartPage", "Code recorded therapy sessions, compare coders, export coded timelines. "
            "Every edit is saved the moment you make it."))
        sub.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, tip, sig in (
            (translate("StartPage", "New study…"),
             translate("StartPage", "Create a study file with a codebook (Ctrl+N)"),
             self.newRequested),
            (translate("StartPage", "Open study…"),
             translate("StartPage", "Open an existing .annot study (Ctrl+O)"),
             self.openRequested),
            (translate("StartPage", "Open the demo"),
             translate("StartPage", "Nine cases × five short sessions with codings by two coders"),
             self.demoRequested),
        ):
            b = QPushButton(text)
            b.setToolTip(tip)
            b.setMinimumHeight(40)
            b.clicked.connect(sig.emit)
            buttons.addWidget(b)
        self.recent = QListWidget()
        self.recent.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent.setSpacing(3)
        for target in recent:
            item = QListWidgetItem(recent_label(target), self.recent)
            item.setData(Qt.ItemDataRole.UserRole, target)
            item.setToolTip(target + "\n" + translate("StartPage", "Double-click to open"))
        self.recent.viewport().installEventFilter(self)
        self.recent.itemActivated.connect(
            lambda item: self.recentChosen.emit(str(item.data(Qt.ItemDataRole.UserRole))))
        box = QVBoxLayout()
        box.addWidget(title)
        box.addWidget(sub)
        box.addSpacing(16)
        box.addLayout(buttons)
        box.addSpacing(16)
        heading = ("<b>{}</b>".format(translate("StartPage", "Recent studies")) if recent else
                   "<i>{}</i>".format(translate("StartPage", "No recent studies yet.")))
        box.addWidget(QLabel(heading))
        box.addWidget(self.recent, 1)
        self.recent.setVisible(bool(recent))
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        inner = QWidget()
        inner.setLayout(box)
        inner.setMaximumWidth(720)
        outer.addWidget(inner, 3)
        outer.addStretch(1)
        outer.setAlignment(inner, Qt.AlignmentFlag.AlignVCenter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.recent.viewport() and event.type() == QEvent.Type.Resize:
            self._elide_recent()
        return super().eventFilter(watched, event)

    def _elide_recent(self) -> None:
        """Long paths elide in the middle (the file name stays) to fit the list."""
        fm = self.recent.fontMetrics()
        width = max(40, self.recent.viewport().width() - 12)
        for i in range(self.recent.count()):
            item = self.recent.item(i)
            full = recent_label(str(item.data(Qt.ItemDataRole.UserRole)))
            item.setText(fm.elidedText(full, Qt.TextElideMode.ElideMiddle, width))


def recent_label(target: str) -> str:
    """"name.annot  —  folder" for a study file (the folder elides in a narrow list);
    a database URL as it is, without its password."""
    if "://" in target:
        return without_secrets(target)
    p = Path(target)
    return f"{p.name}  —  {p.parent}"
