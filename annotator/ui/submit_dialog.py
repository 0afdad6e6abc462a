"""Asking before a coding is submitted (locked): what it is, and how many segments."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.store import AssignmentInfo
from annotator.ui.i18n import translate

_PURPOSE_WORD = {
    "reliability": str(QT_TRANSLATE_NOOP("SubmitDialog", "reliability")),
    "consensus": str(QT_TRANSLATE_NOOP("SubmitDialog", "consensus")),
}


def submit_box(parent: QWidget | None, assignment: AssignmentInfo, segments: int) -> QMessageBox:
    """The question, not yet shown (``exec`` it); its Submit button is ``submitButton``."""
    box = QMessageBox(parent)
    box.setObjectName("submitConfirm")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("SubmitDialog", "Submit this coding?"))
    purpose = ""
    if assignment.purpose != "primary":
        word = _PURPOSE_WORD.get(assignment.purpose)
        purpose = " ({})".format(translate("SubmitDialog", word) if word else assignment.purpose)
    if segments == 1:
        question = translate(
            "SubmitDialog",
            "Submit your coding of {case} session {number}{purpose}, with {n} segment?")
    else:
        question = translate(
            "SubmitDialog",
            "Submit your coding of {case} session {number}{purpose}, with {n} segments?")
    box.setText(question.format(case=assignment.case, number=assignment.number,
                                purpose=purpose, n=segments))
    box.setInformativeText(translate(
        "SubmitDialog",
        "Submitting marks it as done and locks it against changes. You can reopen it "
        "later (Coding ▸ Reopen session); reopening is logged."))
    submit = box.addButton(translate("SubmitDialog", "Submit"), QMessageBox.ButtonRole.AcceptRole)
    submit.setObjectName("submitButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)  # Ctrl+Return then Return does not lock it by accident
    box.setEscapeButton(cancel)
    return box


def confirm_submit(parent: QWidget | None, assignment: AssignmentInfo, segments: int) -> bool:
    box = submit_box(parent, assignment, segments)
    box.exec()
    return box.clickedButton() is box.findChild(QWidget, "submitButton")
