"""Asking before a coding is submitted (locked): what it is, and how many segments."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.store import AssignmentInfo


def submit_box(parent: QWidget | None, assignment: AssignmentInfo, segments: int) -> QMessageBox:
    """The question, not yet shown (``exec`` it); its Submit button is ``submitButton``."""
    box = QMessageBox(parent)
    box.setObjectName("submitConfirm")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Submit this coding?")
    purpose = "" if assignment.purpose == "primary" else f" ({assignment.purpose})"
    noun = "segment" if segments == 1 else "segments"
    box.setText(f"Submit your coding of {assignment.case} session {assignment.number}"
                f"{purpose}, with {segments} {noun}?")
    box.setInformativeText(
        "Submitting marks it as done and locks it against changes. You can reopen it "
        "later (Coding ▸ Reopen session); reopening is logged.")
    submit = box.addButton("Submit", QMessageBox.ButtonRole.AcceptRole)
    submit.setObjectName("submitButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)  # Ctrl+Return then Return does not lock it by accident
    box.setEscapeButton(cancel)
    return box


def confirm_submit(parent: QWidget | None, assignment: AssignmentInfo, segments: int) -> bool:
    box = submit_box(parent, assignment, segments)
    box.exec()
    return box.clickedButton() is box.findChild(QWidget, "submitButton")
