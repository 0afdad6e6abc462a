"""The study browser: tree contents, status chips, missing media, signals, refresh."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QIcon
from PySide6.QtWidgets import QApplication

from annotator.store.records import AssignmentInfo, MediaLink, SessionInfo
from annotator.ui.study_browser import (
    CHIPS_ROLE,
    DETAIL_ROLE,
    KIND_ROLE,
    MEDIA_ROLE,
    SESSION_ID_ROLE,
    StudyBrowser,
    StudyBrowserModel,
    format_duration,
)

pytestmark = pytest.mark.gui


def _media(case: str, n: int, minutes: int) -> MediaLink:
    return MediaLink(f"videos/{case}_S{n}.mp4", "0" * 64, 1000, minutes * 60_000 + 12_000,
                     25.0, minutes * 1500, 1280, 720, "h264")


def study(cases: int = 3, per_case: int = 5) -> tuple[
    list[SessionInfo], list[AssignmentInfo], dict[int, bool]
]:
    """Sessions 1..n per case; AK codes everything, BL the odd sessions for reliability.

    Session C02/3 has a missing file; C03/5 has no media, only a duration.
    """
    sessions: list[SessionInfo] = []
    assigns: list[AssignmentInfo] = []
    ok: dict[int, bool] = {}
    statuses = ["submitted", "in_progress", "assigned"]
    for c in range(1, cases + 1):
        case = f"C{c:02d}"
        for n in range(1, per_case + 1):
            sid = c * 100 + n
            no_media = (case, n) == ("C03", 5)
            sessions.append(SessionInfo(
                sid, case, n, f"2024-0{c}-{n:02d}", None if no_media else _media(case, n, 45),
                47 * 60_000 if no_media else None,
            ))
            ok[sid] = (case, n) != ("C02", 3)
            assigns.append(AssignmentInfo(2 * sid, sid, case, n, "AK", "primary",
                                          statuses[(c + n) % 3], 1))
            if n % 2:
                assigns.append(AssignmentInfo(2 * sid + 1, sid, case, n, "BL", "reliability",
                                              statuses[n % 3], 1))
    return sessions, assigns, ok


@pytest.fixture
def browser(qtbot: Any) -> StudyBrowser:
    b = StudyBrowser()
    qtbot.addWidget(b)
    b.resize(280, 500)
    b.refresh(*study())
    b.show()
    qtbot.waitExposed(b)
    return b


def sidx(b: StudyBrowser, sid: int) -> QModelIndex:
    return b.proxy.mapFromSource(b.model.session_index(sid))


def row_point(b: StudyBrowser, sid: int) -> QPoint:
    b.select_session(sid)  # expands the case and scrolls the row into view
    return b.session_rect(sid).center()


# ---------------------------------------------------------------- model
def test_model_passes_modeltester(qapp: Any, qtmodeltester: Any) -> None:
    m = StudyBrowserModel()
    sessions, assigns, ok = study()
    m.update(sessions, assigns, ok)
    qtmodeltester.check(m)
    # changes in place, checked by the tester as they happen
    moved = [replace(sessions[0], number=9), replace(sessions[5], case="C09")]
    m.update([*sessions[2:5], *sessions[6:], *moved], assigns[3:], {})
    c1, c9 = m.case_index("C01"), m.case_index("C09")
    assert [m.index(r, 0, c1).data(SESSION_ID_ROLE) for r in range(m.rowCount(c1))] == [
        103, 104, 105, 101]
    assert m.session_index(201).parent() == c9 and m.rowCount(c9) == 1
    m.set_open_session(sessions[3].id)
    m.update([], [], {})
    m.update(sessions, assigns, ok)
    assert m.rowCount() == 3


def test_tree_lists_cases_and_sessions_in_order(qapp: Any) -> None:
    m = StudyBrowserModel()
    sessions, assigns, ok = study()
    m.update(reversed(sessions), assigns, ok)
    assert [m.index(r, 0).data() for r in range(m.rowCount())] == ["C01", "C02", "C03"]
    c2 = m.index(1, 0)
    assert c2.data(KIND_ROLE) == "case" and c2.data(SESSION_ID_ROLE) is None
    assert [m.index(r, 0, c2).data() for r in range(m.rowCount(c2))] == [
        f"Session {n}" for n in range(1, 6)]
    s = m.index(0, 0, c2)
    assert s.data(SESSION_ID_ROLE) == 201 and s.data(KIND_ROLE) == "session"
    assert s.data(DETAIL_ROLE) == "2024-02-01 · 45:12"
    assert c2.data(DETAIL_ROLE) == "5 sessions · 3/8 submitted"


def test_status_chips_mark_reliability_and_status(qapp: Any) -> None:
    m = StudyBrowserModel()
    m.update(*study())
    chips = m.session_index(101).data(CHIPS_ROLE)
    assert [tuple(c) for c in chips] == [("AK ○ assigned", "assigned"),
                                         ("BL (reliability) ● in progress", "in_progress")]
    assert [tuple(c) for c in m.session_index(102).data(CHIPS_ROLE)] == [
        ("AK ✓ submitted", "submitted")]
    assert [tuple(c) for c in m.session_index(304).data(CHIPS_ROLE)] == [
        ("AK ● in progress", "in_progress")]
    assert [tuple(c) for c in m.session_index(303).data(CHIPS_ROLE)] == [
        ("AK ✓ submitted", "submitted"), ("BL (reliability) ✓ submitted", "submitted")]
    tip = m.session_index(101).data(Qt.ItemDataRole.ToolTipRole)
    assert "AK: assigned (primary)" in tip and "BL: in progress (reliability)" in tip


def test_missing_and_absent_media(browser: StudyBrowser) -> None:
    m = browser.model
    missing, absent, fine = (m.session_index(i) for i in (203, 305, 101))
    warning = m.icon("warning").cacheKey()
    assert missing.data(MEDIA_ROLE) == "missing"
    assert missing.data(Qt.ItemDataRole.DecorationRole).cacheKey() == warning
    assert "media missing: videos/C02_S3.mp4" in missing.data(Qt.ItemDataRole.ToolTipRole)
    assert m.case_index("C02").data(Qt.ItemDataRole.DecorationRole).cacheKey() == warning
    assert "1 session with missing media" in m.case_index("C02").data(
        Qt.ItemDataRole.ToolTipRole)
    assert absent.data(MEDIA_ROLE) == "none"
    assert absent.data(Qt.ItemDataRole.DecorationRole).cacheKey() == m.icon("none").cacheKey()
    assert "no media" in absent.data(Qt.ItemDataRole.ToolTipRole)
    assert absent.data(DETAIL_ROLE).endswith("47:00")
    assert fine.data(MEDIA_ROLE) == "ok"
    assert fine.data(Qt.ItemDataRole.DecorationRole).cacheKey() != warning
    assert "missing" not in fine.data(Qt.ItemDataRole.ToolTipRole)
    icon = m.case_index("C01").data(Qt.ItemDataRole.DecorationRole)
    assert not isinstance(icon, QIcon) or icon.isNull()
    # media not checked yet: no warning
    sessions, assigns, _ = study()
    m.update(sessions, assigns, {})
    assert m.session_index(203).data(MEDIA_ROLE) == "unchecked"
    assert m.session_index(203).data(Qt.ItemDataRole.DecorationRole).cacheKey() != warning


def test_format_duration() -> None:
    assert [format_duration(x) for x in (None, 0, 59_999, 2_712_000, 3_725_000)] == [
        "—", "00:00", "00:59", "45:12", "1:02:05"]


# ---------------------------------------------------------------- widget
def test_double_click_and_enter_open_a_session(qtbot: Any, browser: StudyBrowser) -> None:
    vp = browser.view.viewport()
    pos = row_point(browser, 202)
    with qtbot.waitSignal(browser.sessionActivated) as sig:
        qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=pos)
        qtbot.mouseDClick(vp, Qt.MouseButton.LeftButton, pos=pos)
    assert sig.args == [202]
    browser.select_session(104)
    browser.view.setFocus()
    with qtbot.waitSignal(browser.sessionActivated) as sig:
        qtbot.keyClick(browser.view, Qt.Key.Key_Return)
    assert sig.args == [104]
    case_pos = browser.view.visualRect(sidx(browser, 104).parent()).center()
    with qtbot.assertNotEmitted(browser.sessionActivated):
        qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=case_pos)
        qtbot.mouseDClick(vp, Qt.MouseButton.LeftButton, pos=case_pos)


def test_current_session_follows_the_user(qtbot: Any, browser: StudyBrowser) -> None:
    vp = browser.view.viewport()
    pos = row_point(browser, 303)  # select_session: no signal
    browser.view.setCurrentIndex(QModelIndex())
    with qtbot.waitSignal(browser.currentSessionChanged) as sig:
        qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=pos)
    assert sig.args == [303] and browser.current_session() == 303
    case_pos = browser.view.visualRect(sidx(browser, 303).parent()).center()
    with qtbot.waitSignal(browser.currentSessionChanged) as sig:
        qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=case_pos)
    assert sig.args == [-1] and browser.current_session() is None
    with qtbot.assertNotEmitted(browser.currentSessionChanged):
        assert browser.select_session(101)
        assert not browser.select_session(999)
    assert browser.current_session() == 101


def test_refresh_keeps_expansion_and_selection(qtbot: Any, browser: StudyBrowser) -> None:
    browser.expand_case("C01")
    browser.expand_case("C03")
    browser.select_session(302)
    assert browser.expanded_cases() == {"C01", "C03"}
    sessions, assigns, ok = study()
    # C02/3's file is back, AK submitted C03/2, a new session C01/6, C02/5 is gone
    ok[203] = True
    assigns = [replace(a, status="submitted") if a.session_id == 302 else a for a in assigns]
    sessions = [s for s in sessions if s.id != 205]
    sessions.append(SessionInfo(106, "C01", 6, None, _media("C01", 6, 50), None))
    with qtbot.assertNotEmitted(browser.currentSessionChanged):
        browser.refresh(sessions, assigns, ok)
    assert browser.expanded_cases() == {"C01", "C03"}
    assert browser.current_session() == 302
    assert [s for s in browser.view.selectionModel().selectedIndexes()] == [sidx(browser, 302)]
    m = browser.model
    assert [tuple(c) for c in m.session_index(302).data(CHIPS_ROLE)] == [
        ("AK ✓ submitted", "submitted")]
    assert m.session_index(203).data(MEDIA_ROLE) == "ok"
    assert not m.session_index(205).isValid()
    c1 = m.case_index("C01")
    assert m.index(5, 0, c1).data() == "Session 6"
    # removing the current session moves the current row: reported
    with qtbot.waitSignal(browser.currentSessionChanged) as sig:
        browser.refresh([s for s in sessions if s.id != 302], assigns, ok)
    assert sig.args[0] != 302


def test_context_menu_relinks_missing_media(qtbot: Any, browser: StudyBrowser) -> None:
    vp = browser.view.viewport()
    for sid, enabled in ((203, True), (201, False)):
        pos = row_point(browser, sid)
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, vp.mapToGlobal(pos))
        QApplication.sendEvent(vp, event)  # what a right-click delivers
        menu = browser.context_menu
        assert menu is not None
        qtbot.waitUntil(menu.isVisible)
        texts = {a.text(): a for a in menu.actions()}
        assert set(texts) == {"Open session", "Relink media…"}
        relink = texts["Relink media…"]
        assert relink.isEnabled() is enabled
        if enabled:
            with qtbot.waitSignal(browser.relinkRequested) as sig:
                relink.trigger()
            assert sig.args == [sid]
        else:
            with qtbot.waitSignal(browser.sessionActivated) as sig:
                texts["Open session"].trigger()
            assert sig.args == [sid]
        menu.close()


def test_filter(qtbot: Any, browser: StudyBrowser) -> None:
    qtbot.keyClicks(browser.filter_edit, "missing")
    assert browser.visible_sessions() == [203]
    browser.set_filter_text("C02 bl")  # every word must match
    assert browser.visible_sessions() == [201, 203, 205]
    # words may match different chips: a BL assignment and anyone's submission
    browser.set_filter_text("reliability submitted")
    assert browser.visible_sessions() == [103, 105, 201, 203, 303]
    browser.set_filter_text("c03")  # a matching case shows all its sessions
    assert browser.visible_sessions() == [301, 302, 303, 304, 305]
    browser.set_filter_text("no media")
    assert browser.visible_sessions() == [305]
    assert browser.view.isExpanded(sidx(browser, 305).parent())
    browser.filter_edit.setFocus()
    qtbot.keyClick(browser.filter_edit, Qt.Key.Key_Escape)
    assert browser.filter_text() == "" and len(browser.visible_sessions()) == 15


def test_chips_wrap_to_the_width(qtbot: Any, browser: StudyBrowser) -> None:
    browser.expand_case("C01")
    QApplication.processEvents()
    two, one = browser.session_rect(101).height(), browser.session_rect(102).height()
    assert two > one  # two chips do not fit on one line at 280 px
    browser.resize(700, 500)
    qtbot.waitUntil(lambda: browser.session_rect(101).height() == one)


def test_open_session_is_marked(browser: StudyBrowser) -> None:
    from annotator.ui.study_browser import OPEN_ROLE

    browser.set_open_session(102)
    assert browser.model.session_index(102).data(OPEN_ROLE) is True
    browser.set_open_session(103)
    assert browser.model.session_index(102).data(OPEN_ROLE) is False
    assert browser.model.session_index(103).data(OPEN_ROLE) is True
