"""The start page: new study, open study, open the demo, recent studies.

Signals:

- ``newRequested()``, ``openRequested()``, ``demoRequested()``
- ``recentChosen(str target)``
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class StartPage(QWidget):
    newRequested = Signal()
    openRequested = Signal()
    demoRequested = Signal()
    recentChosen = Signal(str)

    def __init__(self, recent: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        title = QLabel("<h1>annotator</h1>")
        sub = QLabel("Code recorded therapy sessions, compare coders, export coded timelines. "
                     "Every edit is saved the moment you make it.")
        sub.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, tip, sig in (
            ("New study…", "Create a study file with a codebook (Ctrl+N)", self.newRequested),
            ("Open study…", "Open an existing .annot study (Ctrl+O)", self.openRequested),
            ("Open the demo", "Nine cases × five short sessions with codings by two coders",
             self.demoRequested),
        ):
            b = QPushButton(text)
            b.setToolTip(tip)
            b.setMinimumHeight(40)
            b.clicked.connect(sig.emit)
            buttons.addWidget(b)
        self.recent = QListWidget()
        self.recent.setToolTip("Double-click to open")
        for target in recent:
            QListWidgetItem(target, self.recent)
        self.recent.itemActivated.connect(lambda item: self.recentChosen.emit(item.text()))
        box = QVBoxLayout()
        box.addWidget(title)
        box.addWidget(sub)
        box.addSpacing(16)
        box.addLayout(buttons)
        box.addSpacing(16)
        box.addWidget(QLabel("<b>Recent studies</b>" if recent else
                             "<i>No recent studies yet.</i>"))
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
