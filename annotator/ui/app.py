"""Starting the desktop app (``annotator``, ``annotator gui``).

The interface language (Settings ▸ Language, else the system's) is loaded before the
window is built: :func:`start` installs its catalogues first."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QVBoxLayout

from annotator.ui.i18n import SETTING, install, resolve_language, translate
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.ui.start_page import StartPage


def make_app() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("annotator")
    app.setOrganizationName("annotator")
    app.setStyle("Fusion")
    return app


def load_language(settings: Settings, qm_dir: Path | None = None) -> str:
    """Install the catalogues of the interface language the settings choose (else the
    system's); the language. Needs the QApplication; call it before building windows."""
    language = resolve_language(settings.get(SETTING))
    install(language, qm_dir)
    return language


def start(study: str | None, coder: str | None, session: str | None,
          settings: Settings | None = None, qm_dir: Path | None = None) -> MainWindow:
    """Build the main window (in the interface language: ``qm_dir`` holds the compiled
    catalogues, by default the installed ones) and bring it to the requested study, coder
    and session."""
    settings = settings or Settings()
    load_language(settings, qm_dir)
    window = MainWindow(settings)
    target = study or settings.last_study()
    if study is None and target is not None and not _exists(target):
        target = None
    if target is None:
        QTimer.singleShot(0, lambda: show_start_page(window))
        return window
    if not window.open_study(target):
        QTimer.singleShot(0, lambda: show_start_page(window))
        return window
    if coder:
        window.set_coder(coder)
        if session:
            window.open_session_key(session)
    else:
        last = settings.get("last_coder")
        if last and window.study is not None and window.study.has_coder(str(last)):
            window.set_coder(str(last))
        else:
            QTimer.singleShot(0, window.study_actions.choose_coder)
    return window


def _exists(target: str) -> bool:
    return "://" in target or Path(target).exists()


def show_start_page(window: MainWindow) -> None:
    dlg = QDialog(window)
    dlg.setWindowTitle(translate("StartDialog", "Welcome to annotator"))
    page = StartPage(window.settings.recent_studies(), dlg)
    lay = QVBoxLayout(dlg)
    lay.addWidget(page)
    dlg.resize(760, 420)

    def then(action: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            dlg.accept()
            action()
        return run

    page.newRequested.connect(then(window.study_actions.new_study))
    page.openRequested.connect(then(window.open_study_dialog))
    page.demoRequested.connect(then(window.study_actions.open_demo))
    page.recentChosen.connect(lambda t: then(lambda: window.open_and_pick_coder(t))())
    dlg.open()


def run_app(study: str | None = None, coder: str | None = None,
            session: str | None = None) -> int:
    app = make_app()
    window = start(study, coder, session)
    window.show()
    return app.exec()
