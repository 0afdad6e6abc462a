"""Terminal progress for long commands (stderr; a single updating line on a terminal)."""

from __future__ import annotations

import sys
import time

from annotator.cli.output import safe


class Progress:
    def __init__(self, label: str, *, enabled: bool = True) -> None:
        self.label = label
        self.enabled = enabled
        self.tty = sys.stderr.isatty()
        self._last = 0.0
        self._last_pct = -1

    def update(self, fraction: float, detail: str = "") -> None:
        if not self.enabled:
            return
        pct = int(max(0.0, min(1.0, fraction)) * 100)
        detail = safe(detail)
        now = time.monotonic()
        if self.tty:
            if now - self._last < 0.1 and pct != 100:
                return
            sys.stderr.write(f"\r{self.label}: {pct:3d}% {detail[:60]:<60}")
            sys.stderr.flush()
        elif pct // 10 != self._last_pct // 10 or pct == 100:
            sys.stderr.write(f"{self.label}: {pct:3d}% {detail}\n")
        self._last = now
        self._last_pct = pct

    def done(self, detail: str = "done") -> None:
        if not self.enabled:
            return
        detail = safe(detail)
        if self.tty:
            sys.stderr.write(f"\r{self.label}: 100% {detail:<60}\n")
        else:
            sys.stderr.write(f"{self.label}: 100% {detail}\n")
        sys.stderr.flush()
