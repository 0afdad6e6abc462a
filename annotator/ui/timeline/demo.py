"""Demo data for the timeline (screenshots, benchmark, manual checks).

A developer's demo: the app never shows it (the app's demo study is ``annotator.demo``), but
its texts are translated like the app's so a screenshot in Norwegian reads right.

``python -m annotator.ui.timeline.demo out.png [WIDTHxHEIGHT]`` renders the widget with
the shipped helper-maneuver codebook and random codings into a PNG.
"""

from __future__ import annotations

import random
import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP

from annotator.core.codebook import Category, Code, Codebook
from annotator.core.segments import SegmentView
from annotator.ui.i18n import translate

_FALLBACK = (
    ("implicit", str(QT_TRANSLATE_NOOP("TimelineDemo", "Implicit helper maneuvers")), (
        ("responsive", str(QT_TRANSLATE_NOOP("TimelineDemo", "Being responsive")), "#2f6db5"),
        ("confirming", str(QT_TRANSLATE_NOOP("TimelineDemo", "Confirming the child")), "#4aa3df"),
        ("joins_play", str(QT_TRANSLATE_NOOP("TimelineDemo", "Taking part in play")), "#17a2a2"),
        ("exploring", str(QT_TRANSLATE_NOOP("TimelineDemo", "Exploring intentions")), "#5b5fc7"),
        ("attributing_meaning", str(QT_TRANSLATE_NOOP("TimelineDemo", "Attributing meaning")),
         "#2e9e5b"),
    )),
    ("manifest", str(QT_TRANSLATE_NOOP("TimelineDemo", "Manifest helper maneuvers")), (
        ("reason_for_therapy", str(QT_TRANSLATE_NOOP("TimelineDemo", "Why the child comes")),
         "#d1495b"),
        ("difficult_experiences", str(QT_TRANSLATE_NOOP("TimelineDemo", "Difficult experiences")),
         "#a0522d"),
        ("help_through_play", str(QT_TRANSLATE_NOOP("TimelineDemo", "Help through play")),
         "#f28e2b"),
        ("care", str(QT_TRANSLATE_NOOP("TimelineDemo", "Showing care")), "#e377a8"),
        ("concrete_help", str(QT_TRANSLATE_NOOP("TimelineDemo", "Concrete help")), "#c9a227"),
    )),
)


def demo_codebook() -> Codebook:
    """The shipped helper-maneuver codebook, or a stand-in with the same ids."""
    try:
        from annotator.core.codebook_files import load_codebook

        return load_codebook("helper-maneuvers")[0]
    except Exception:  # the shipped file is optional for a demo
        keys = iter("1234567890")
        cats = tuple(
            Category(cid, {"en": translate("TimelineDemo", label)}, False, tuple(
                Code(code, cid, {"en": translate("TimelineDemo", clabel)}, next(keys), color)
                for code, clabel, color in codes
            ))
            for cid, label, codes in _FALLBACK
        )
        return Codebook(translate("TimelineDemo", "Helper maneuvers"), "demo", ("en",), cats)


def random_segments(
    codebook: Codebook, n: int, duration_ms: int, *, seed: int = 1, coder: str = "AB",
    mean_ms: int | None = None,
) -> list[SegmentView]:
    """About ``n`` non-overlapping segments per code, spread over the session."""
    rng = random.Random(seed)
    codes = codebook.codes
    per_code = max(1, n // len(codes))
    mean = mean_ms if mean_ms is not None else max(1, duration_ms // (per_code * 3))
    notes = ["", "", "", translate("TimelineDemo", "child looks up"),
             translate("TimelineDemo", "therapist leans in"),
             translate("TimelineDemo", "ambiguous: check with B")]
    out: list[SegmentView] = []
    for code in codes:
        t = rng.randint(0, max(1, mean))
        for k in range(per_code):
            if t >= duration_ms:
                break
            length = 0 if code.kind == "point" else max(1, int(rng.expovariate(1 / mean)))
            end = min(duration_ms, t + length)
            out.append(SegmentView(f"{code.id}-{k}", coder, code.id, t, end, rng.choice(notes)))
            t = end + max(1, int(rng.expovariate(1 / (2 * mean))))
    return out


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from .model import Lane
    from .view import TimelineView

    out = argv[1] if len(argv) > 1 else "timeline.png"
    w, h = (int(v) for v in (argv[2] if len(argv) > 2 else "1280x360").split("x"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    cb = demo_codebook()
    duration = 20 * 60_000
    view = TimelineView()
    view.resize(w, h)
    view.set_lanes(Lane.from_codebook(cb))
    segs = random_segments(cb, 200, duration)
    view.set_segments(segs)
    view.set_duration(duration)
    view.set_view_range(4 * 60_000, 9 * 60_000)
    view.set_playhead(6 * 60_000 + 12_345)
    playhead = view.playhead()
    under = [s for s in segs if s.start_ms < playhead < s.end_ms]
    view.set_selection([s.id for s in under[:1]])
    if under:
        view.select_edge(under[0].id, "end")
    view.show()
    app.processEvents()
    view.grab().save(out)
    view.close()
    view.deleteLater()
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
