"""The recording's waveform, decoded once on a worker and cached.

Why QtMultimedia's ``QAudioDecoder``: it decodes with the FFmpeg that the PySide6 wheel
already bundles (LGPL), for every format the player plays (WAV, M4A/AAC, MP3, and the sound
of MP4/MTS/AVI videos), so the waveform always matches what is heard. OpenCV's FFmpeg
backend reads no audio, ffmpeg is not a runtime dependency, and PyAV's wheels bundle an
FFmpeg built with GPL codecs (x264, x265), which the project does not ship at run time.

The decoder runs in a child process (``python -m annotator.ui.player.waveform FILE``,
started and waited for by a worker thread of the loader's own pool): QtMultimedia's decoder
crashes on some streams (an AAC track that FFmpeg reports with 0 channels segfaults
inside Qt), and a crash there must cost the waveform, not the coder's session. The child
runs ``decode_waveform``: a local event loop (the decoder delivers buffers through
signals) and the buffers reduced to peak levels
(``annotator.media.waveform.PeakAccumulator``); it writes the peaks to its standard output.
The GUI thread only receives the finished :class:`~annotator.media.waveform.Waveform`.
The result is cached under the recording's SHA-256 (``annotator.media.waveform.save_cached``);
the next open reads the small cache file. The peaks are on the playback timeline: a sound
that starts after the picture is shifted by ``annotator.media.stream_starts.audio_offset_ms``.

Signals of :class:`WaveformLoader`:

- ``ready(object)``: the waveform of the last ``load()`` (a ``Waveform``), or None when the
  recording has no sound that can be decoded, or after ``clear()``.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QAudioBuffer, QAudioDecoder, QAudioFormat
from shiboken6 import isValid

import annotator
from annotator.media.stream_starts import audio_offset_ms
from annotator.media.waveform import PeakAccumulator, Waveform, load_cached, save_cached
from annotator.ui.workers import Task, TaskContext, run_task

#: A decode that produces nothing for this long (a stuck backend) is given up; before the
#: first buffer the wait is shorter (QAudioDecoder reports no error for a file without sound,
#: so callers should only ask for files that have sound: ``QMediaPlayer.hasAudio()``).
STALL_TIMEOUT_MS = 20_000
FIRST_BUFFER_TIMEOUT_MS = 5_000

_SCALE = {
    QAudioFormat.SampleFormat.UInt8: (np.uint8, 128.0, 128.0),
    QAudioFormat.SampleFormat.Int16: (np.int16, 0.0, 32768.0),
    QAudioFormat.SampleFormat.Int32: (np.int32, 0.0, 2147483648.0),
    QAudioFormat.SampleFormat.Float: (np.float32, 0.0, 1.0),
}


def buffer_samples(buf: QAudioBuffer) -> tuple[np.ndarray[Any, Any], int] | None:
    """A float (frames, channels) array in [-1, 1] and the sample rate, or None."""
    fmt = buf.format()
    known = _SCALE.get(fmt.sampleFormat())
    channels = max(1, fmt.channelCount())
    if known is None or buf.frameCount() <= 0:
        return None
    dtype, offset, scale = known
    raw = np.frombuffer(bytes(buf.constData()), dtype=dtype)
    usable = raw.size - raw.size % channels
    if dtype is np.float32:
        return raw[:usable].reshape(-1, channels), fmt.sampleRate()
    samples = (raw[:usable].astype(np.float32) - offset) / scale
    return samples.reshape(-1, channels), fmt.sampleRate()


class _Batches:
    """Joins consecutive decoded buffers (about 1 s) before handing them to the
    accumulator: one numpy pass per second of sound instead of one per small buffer."""

    def __init__(self, acc: PeakAccumulator) -> None:
        self._acc = acc
        self._parts: list[np.ndarray[Any, Any]] = []
        self._start_us = 0
        self._next_us = 0
        self._rate = 0
        self._frames = 0

    def add(self, start_us: int, samples: np.ndarray[Any, Any], rate: int) -> None:
        contiguous = (self._parts and rate == self._rate
                      and samples.shape[1] == self._parts[0].shape[1]
                      and abs(start_us - self._next_us) <= 1000)
        if self._parts and not contiguous:
            self.flush()
        if not self._parts:
            self._start_us, self._rate = start_us, rate
        self._parts.append(samples)
        self._frames += samples.shape[0]
        self._next_us = self._start_us + self._frames * 1_000_000 // rate
        if self._frames >= rate:
            self.flush()

    def flush(self) -> None:
        if self._parts:
            self._acc.add(self._start_us, np.concatenate(self._parts), self._rate)
        self._parts, self._frames = [], 0


def decode_waveform(path: Path, ctx: TaskContext | None = None) -> Waveform | None:
    """Decode the sound of ``path`` into peak levels (blocking; call it on a worker).

    None if the file has no sound QtMultimedia can decode.
    """
    decoder = QAudioDecoder()
    loop = QEventLoop()
    acc = PeakAccumulator()
    batches = _Batches(acc)
    state = {"failed": False, "got": 0}
    stall = QTimer()
    stall.setSingleShot(True)
    stall.setInterval(FIRST_BUFFER_TIMEOUT_MS)

    def on_ready() -> None:
        while decoder.bufferAvailable():
            buf = decoder.read()
            if not buf.isValid():
                continue
            found = buffer_samples(buf)
            if found is not None:
                samples, rate = found
                batches.add(max(0, int(buf.startTime())), samples, rate)
                state["got"] += 1
        stall.start(STALL_TIMEOUT_MS)
        if ctx is not None and ctx.cancelled:
            decoder.stop()
            loop.quit()

    def on_error(_error: QAudioDecoder.Error) -> None:
        state["failed"] = True
        loop.quit()

    decoder.bufferReady.connect(on_ready)
    decoder.finished.connect(loop.quit)
    decoder.error.connect(on_error)
    stall.timeout.connect(loop.quit)
    decoder.setSource(QUrl.fromLocalFile(str(path.resolve())))
    decoder.start()
    stall.start()
    loop.exec()
    stall.stop()
    decoder.stop()
    if ctx is not None:
        ctx.check()
    if state["failed"] or state["got"] == 0:
        return None
    batches.flush()
    return acc.result()


def decode_in_child(path: Path, ctx: TaskContext | None = None,
                    timeout_s: float = 3600.0) -> Waveform | None:
    """``decode_waveform`` in a child process (see the module doc); None if it fails."""
    root = Path(annotator.__file__).resolve().parents[1]  # the child runs this same code
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(root), os.environ.get("PYTHONPATH", "")) if p)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "annotator.ui.player.waveform", str(path)],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
    )
    deadline = time.monotonic() + timeout_s
    try:
        while True:
            try:
                out, _ = proc.communicate(timeout=0.2)
                break
            except subprocess.TimeoutExpired:
                if (ctx is not None and ctx.cancelled) or time.monotonic() > deadline:
                    proc.kill()
                    proc.communicate()
                    if ctx is not None:
                        ctx.check()
                    return None
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if proc.returncode != 0:
        return None
    return Waveform.from_bytes(out)


def waveform_for(path: Path, sha256: str | None, ctx: TaskContext | None = None
                 ) -> Waveform | None:
    """The cached waveform of the recording, or decode it (and cache it if ``sha256``)."""
    if sha256:
        cached = load_cached(sha256)
        if cached is not None:
            return cached
    waveform = decode_in_child(path, ctx)
    if waveform is not None:
        # QAudioDecoder counts from the first sound sample, playback from the container's
        # start: a sound that starts after the picture is moved to where it plays.
        waveform = waveform.shifted(audio_offset_ms(path))
    if waveform is not None and sha256:
        with contextlib.suppress(OSError):  # a read-only cache: computed again next time
            save_cached(sha256, waveform)
    return waveform


class WaveformLoader(QObject):
    """Computes waveforms on a private single-thread pool; see the module doc."""

    ready = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._generation = 0
        self._task: Task | None = None
        self.waveform: Waveform | None = None

    def load(self, path: Path, sha256: str | None = None) -> None:
        """Compute (or read from the cache) the waveform of ``path``; ``ready`` follows."""
        self.clear(emit=False)
        generation = self._generation
        self._task = run_task(
            lambda ctx: waveform_for(path, sha256, ctx),
            on_result=lambda wf: self._on_result(generation, wf),
            on_error=lambda _exc: self._on_result(generation, None),
            pool=self._pool,
        )

    def clear(self, *, emit: bool = True) -> None:
        """Forget the current waveform (and a computation under way)."""
        self._generation += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None
        had = self.waveform is not None
        self.waveform = None
        if emit and had:
            self.ready.emit(None)

    def close(self, timeout_ms: int = 5000) -> None:
        self.clear(emit=False)
        self._pool.waitForDone(timeout_ms)

    def _on_result(self, generation: int, waveform: object) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self._task = None
        self.waveform = waveform if isinstance(waveform, Waveform) else None
        self.ready.emit(self.waveform)


def main(argv: list[str]) -> int:
    """Child process: decode ``argv[0]``'s sound and write the peaks to standard output."""
    if len(argv) != 1:
        print("usage: python -m annotator.ui.player.waveform FILE", file=sys.stderr)
        return 2
    app = QCoreApplication([])
    waveform = decode_waveform(Path(argv[0]))
    del app
    if waveform is None:
        return 1
    sys.stdout.buffer.write(waveform.to_bytes())
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
