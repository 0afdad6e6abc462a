"""annotator.ui.manual: which built page Help > User manual opens, and the message when the
manual is not built."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from annotator.ui import manual


def _built(root: Path, *langs: str) -> None:
    for lang in langs:
        (root / lang).mkdir(parents=True)
        (root / lang / "index.html").write_text(f"<html lang={lang}></html>", encoding="utf-8")
        (root / lang / "coding.html").write_text("<html></html>", encoding="utf-8")


def test_url_is_the_languages_page_as_a_file_url(tmp_path: Path) -> None:
    _built(tmp_path, "en", "nb")
    url = manual.manual_url("nb", root=tmp_path)
    assert url.isLocalFile()
    assert url.scheme() == "file"
    assert Path(url.toLocalFile()) == tmp_path / "nb" / "index.html"
    page = manual.manual_url("en", "coding.html", root=tmp_path)
    assert Path(page.toLocalFile()) == tmp_path / "en" / "coding.html"


def test_other_languages_and_a_missing_language_fall_back_to_english(tmp_path: Path) -> None:
    _built(tmp_path, "en")
    for lang in ("de", "nb"):
        url = manual.manual_url(lang, root=tmp_path)
        assert Path(url.toLocalFile()) == tmp_path / "en" / "index.html"


def test_missing_manual_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(manual.ManualNotFoundError) as info:
        manual.manual_url("nb", root=tmp_path)
    text = str(info.value)
    assert "scripts/build-manual.sh" in text
    assert str(tmp_path / "nb" / "index.html") in text


class _Browser(QObject):
    """Stands in for the system browser: Qt's own URL-handler hook, so no browser starts."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def show(self, url: QUrl) -> None:
        self.opened.append(url)


def test_open_refuses_before_asking_the_desktop_when_missing(
        tmp_path: Path, qtbot: object) -> None:
    browser = _Browser()
    opened = browser.opened
    QDesktopServices.setUrlHandler("file", browser, "show")  # type: ignore[arg-type]
    try:
        with pytest.raises(manual.ManualNotFoundError):
            manual.open_manual("en", root=tmp_path)
        assert opened == []
        _built(tmp_path, "en")
        url = manual.open_manual("en", root=tmp_path)
        assert opened == [url]
        assert Path(url.toLocalFile()) == tmp_path / "en" / "index.html"
    finally:
        QDesktopServices.unsetUrlHandler("file")

