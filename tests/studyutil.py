"""Small builders for tests: codebooks with exclusive and point codes, ready studies."""

from __future__ import annotations

from annotator.store import Study

EXCLUSIVE_CODEBOOK = """\
name: Test codebook
version: "1.0"
language: [en]
categories:
  - id: talk
    label: {en: Who talks}
    exclusive: true
    codes:
      - {id: therapist, label: {en: Therapist}, key: "1", color: "#4e79a7", kind: state}
      - {id: child, label: {en: Child}, key: "2", color: "#f28e2b", kind: state}
  - id: acts
    label: {en: Acts}
    exclusive: false
    codes:
      - {id: praise, label: {en: Praise}, key: "3", color: "#59a14f", kind: state}
      - {id: question, label: {en: Question}, key: "4", color: "#e15759", kind: point}
"""


def make_study(target: str, codebook_text: str = EXCLUSIVE_CODEBOOK) -> Study:
    return Study.create(target, codebook_text, "test.yaml")
