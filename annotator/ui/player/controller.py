"""The player's brain: position, playback, frame-exact stills, load/unload.

See :class:`PlayerController`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import Q_ARG, QMetaObject, QObject, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame, QVideoSink
from shiboken6 import isValid

from annotator.media.audio import is_audio_file
from annotator.media.errors import MediaError, MediaMissingError
from annotator.media.frames import FrameSource
from annotator.media.probe import probe
from annotator.ui.i18n import translate
from annotator.ui.player.still import StillLoader
from annotator.ui.player.timing import FrameTimes
from annotator.ui.player.waveform import WaveformLoader
from annotator.ui.workers import Task, TaskContext, run_task

MIN_RATE = 0.25
MAX_RATE = 2.0
#: Speeds offered in the speed box.
RATES = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
#: Forward shuttle (L) speeds, in order.
SHUTTLE_RATES = (1.0, 1.5, 2.0)
#: Reverse shuttle (J) step intervals in ms: about 8, 12.5 and 25 frames per second.
REVERSE_INTERVALS_MS = (125, 80, 40)
#: Throttle for ``positionChanged`` during playback (about 30 Hz).
POSITION_INTERVAL_MS = 33
#: Stills are decoded at most this size (a 4K video is scaled down; saves cache memory).
STILL_MAX_SIZE = (1920, 1080)
#: Decoded-frame cache for frame-exact stepping: about 58 frames of 1280x720. Stepping
#: back past it decodes the run from the previous key frame again (bench/frames.py).
FRAME_CACHE_BYTES = 160 * 2**20
#: During playback a frame on screen at most this far ahead of the clock gives the position.
FRAME_LEAD_MS = 250
#: How long QtMultimedia may take to open a file before loading counts as failed.
LOAD_TIMEOUT_MS = 20_000
#: An audio-only recording has no frames: stepping moves by this much (and times snap to it).
AUDIO_STEP_MS = 40
#: How long to wait for QtMultimedia's first frame, which tells where the video starts on
#: the playback timeline; without it the video is taken to start at 0.
OFFSET_TIMEOUT_MS = 3_000


def _call(target: QObject, method: str, *args: Any) -> None:
    """Call a slot of a QtMultimedia object from the event loop, not from Python.

    PySide6 keeps the GIL while Python code calls into Qt. QtMultimedia's FFmpeg
    backend tears its audio/video renderers down on its own threads; a renderer's
    destructor calls ``disconnectNotify`` on our Python-created ``QAudioOutput`` /
    ``QVideoSink`` / ``QMediaPlayer``, which waits for the GIL while holding a Qt
    signal-slot lock. If the GUI thread, holding the GIL, calls e.g.
    ``QMediaPlayer.stop()`` at that moment and that call needs the same lock, the
    process deadlocks (seen about once in a dozen play/close cycles). A queued call
    runs from the Qt event loop, which does not hold the GIL, so the renderer's thread
    can finish. Order is kept: queued calls to one object run first-in, first-out.
    """
    QMetaObject.invokeMethod(target, method, Qt.ConnectionType.QueuedConnection, *args)


class LoadState(Enum):
    EMPTY = "empty"
    LOADING = "loading"
    READY = "ready"


class PlayerController(QObject):
    """Owns the current position of one video and everything that moves it.

    Playback (with sound) runs in a ``QMediaPlayer``; while paused, the picture is
    always the exact still of the current frame, decoded by OpenCV
    (``annotator.media.frames.FrameSource``) on a worker thread, because a paused
    ``QMediaPlayer`` may show the frame before the one asked for. The controller owns
    the position in integer milliseconds; the frame shown at a time t is the last
    frame whose presentation time is <= t, and stepping goes to the next or
    previous frame's presentation time taken from the stream.

    One timebase: positions are QtMultimedia's playback times, which count from the
    start of the container. OpenCV counts frame times from the first video frame, so
    when the video stream starts after the audio (a camcorder file whose picture starts
    0.5 s after its sound), every frame time is shifted by the video's start on the
    playback timeline (``video_offset_ms``). It is measured once per load from the first
    frame QtMultimedia shows when paused at 0, so a pause never jumps.

    The GUI thread never blocks on media work: opening/indexing a file and decoding
    stills run on a private single-thread pool (one ``FrameSource`` is used by one
    thread at a time).

    Signals:

    - ``positionChanged(int ms)``: the position moved. During playback it is
      throttled to about 30 Hz; when paused it is emitted once per seek/step/jump.
    - ``frameShown(int index, int ms)``: while paused, the exact still of frame
      ``index`` is now the displayed picture (``imageChanged`` was emitted just
      before); ``ms`` is the current position. Not emitted during playback.
    - ``playingChanged(bool)``: forward playback started or stopped.
    - ``reversingChanged(bool)``: the reverse shuttle (J) started or stopped.
    - ``rateChanged(float)``: the playback speed changed (0.25 to 2.0).
    - ``loaded(object)``: a ``load()`` succeeded; the argument is the ``MediaInfo``.
      Position is 0 and the first still follows with ``frameShown``.
    - ``loadFailed(str)``: a ``load()`` failed; the message says why, for a person.
      The controller is then empty and can load another file.
    - ``loadProgress(float fraction, str text)``: indexing a file that needs a
      full decode (rare; most files index in well under a second).
    - ``unloaded()``: the loaded media was closed.
    - ``errorOccurred(str)``: playback or decoding failed after a successful load.
    - ``imageChanged(QImage)``: the display should now show this still.
    - ``videoFrameChanged(QVideoFrame)``: the display should now show this
      playback frame.
    - ``volumeChanged(float)``, ``mutedChanged(bool)``: audio output settings.
    - ``waveformChanged(object)``: the loaded recording's waveform
      (``annotator.media.waveform.Waveform``), computed on a worker after a load (or read
      from its cache); None after unloading or when the recording has no sound.

    Audio-only recordings (WAV, M4A, MP3; ``audio_only``) play through the same
    ``QMediaPlayer``; they have no stills and no frames: steps move by
    ``AUDIO_STEP_MS`` and ``frameShown`` is not emitted.
    """

    positionChanged = Signal(int)
    frameShown = Signal(int, int)
    playingChanged = Signal(bool)
    reversingChanged = Signal(bool)
    rateChanged = Signal(float)
    loaded = Signal(object)
    loadFailed = Signal(str)
    loadProgress = Signal(float, str)
    unloaded = Signal()
    errorOccurred = Signal(str)
    imageChanged = Signal(QImage)
    videoFrameChanged = Signal(QVideoFrame)
    volumeChanged = Signal(float)
    mutedChanged = Signal(bool)
    waveformChanged = Signal(object)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        source_factory: Callable[..., Any] = FrameSource,
    ) -> None:
        super().__init__(parent)
        self._source_factory = source_factory
        self._state = LoadState.EMPTY
        self._generation = 0
        self._path: Path | None = None
        self._source: Any = None
        self._info: Any = None
        self._times: FrameTimes | None = None
        self._pos = 0
        self._playing = False
        self._rate = 1.0
        self._reverse_level = -1  # -1: reverse shuttle off
        self._play_started = 0.0
        self._await_ms: int | None = None
        self._frame_ms: int | None = None  # start time of the playback frame on screen
        self._load_task: Task | None = None
        self._offset_ms = 0  # where frame 0 is on the playback timeline
        self._sha256: str | None = None
        self._waveform = WaveformLoader(self)
        self._waveform.ready.connect(self.waveformChanged)
        self._measuring = False  # waiting for QtMultimedia's first frame (see class doc)

        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)
        self._stills = StillLoader(self._pool, parent=self)
        self._stills.imageReady.connect(self._on_still)
        self._stills.failed.connect(self._on_still_failed)

        self._player = QMediaPlayer(self)
        self._audio = QAudioOutput(self)
        self._sink = QVideoSink(self)
        self._player.setAudioOutput(self._audio)
        self._player.setVideoSink(self._sink)
        if (
            self._player.pitchCompensationAvailability()
            != QMediaPlayer.PitchCompensationAvailability.Unavailable
        ):
            self._player.setPitchCompensation(True)
        self._sink.videoFrameChanged.connect(self._on_sink_frame)
        self._player.mediaStatusChanged.connect(self._on_media_status)
        self._player.errorOccurred.connect(self._on_player_error)
        self._player.playbackStateChanged.connect(self._on_playback_state)
        self._volume = float(self._audio.volume())
        self._muted = bool(self._audio.isMuted())
        self._audio.volumeChanged.connect(self._on_volume)
        self._audio.mutedChanged.connect(self._on_muted)

        self._poll = QTimer(self)
        self._poll.setInterval(POSITION_INTERVAL_MS)
        self._poll.timeout.connect(self._on_poll)
        self._reverse_timer = QTimer(self)
        self._reverse_timer.timeout.connect(self._on_reverse_tick)
        self._load_timer = QTimer(self)
        self._load_timer.setSingleShot(True)
        self._load_timer.setInterval(LOAD_TIMEOUT_MS)
        self._load_timer.timeout.connect(self._on_load_timeout)
        self._offset_timer = QTimer(self)
        self._offset_timer.setSingleShot(True)
        self._offset_timer.setInterval(OFFSET_TIMEOUT_MS)
        self._offset_timer.timeout.connect(self._on_offset_timeout)

    # -- state -------------------------------------------------------------------------------

    @property
    def state(self) -> LoadState:
        return self._state

    @property
    def is_loaded(self) -> bool:
        return self._state is LoadState.READY

    @property
    def info(self) -> Any:
        """The loaded file's ``MediaInfo`` (None when nothing is loaded)."""
        return self._info if self.is_loaded else None

    @property
    def frame_times(self) -> FrameTimes | None:
        return self._times if self.is_loaded else None

    @property
    def audio_only(self) -> bool:
        """The loaded recording has sound but no picture."""
        return self.is_loaded and bool(getattr(self._info, "audio_only", False))

    @property
    def waveform(self) -> Any:
        """The loaded recording's ``Waveform`` once computed (else None)."""
        return self._waveform.waveform

    @property
    def video_offset_ms(self) -> int:
        """Playback time of the first video frame (0 unless the video starts late)."""
        return self._offset_ms if self.is_loaded else 0

    @property
    def position_ms(self) -> int:
        return self._pos

    @property
    def frame_index(self) -> int:
        """Index of the frame shown at the current position (0-based)."""
        return self._times.index_at(self._pos) if self._times is not None else 0

    @property
    def frame_count(self) -> int:
        return self._times.count if self._times is not None else 0

    @property
    def duration_ms(self) -> int:
        return self._times.duration_ms if self._times is not None else 0

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def reversing(self) -> bool:
        return self._reverse_level >= 0

    @property
    def rate(self) -> float:
        return self._rate

    def frame_time(self, index: int) -> int:
        """Presentation time (ms) of frame ``index``, clamped to the video."""
        return self._times.time(index) if self._times is not None else 0

    def snap_to_frame(self, ms: int) -> int:
        """Presentation time of the frame nearest to ``ms`` (``ms`` itself if no media)."""
        return self._times.snap(ms) if self._times is not None else int(ms)

    def step_time(self, ms: int, direction: int) -> int:
        """Time of the frame ``direction`` frames from the one shown at ``ms``.

        ``step_time(t, +1)`` is the next frame's presentation time, ``step_time(t, -1)``
        the previous one's (clamped to the first/last frame); ``ms`` itself if no media.
        """
        return self._times.step_time(ms, direction) if self._times is not None else int(ms)

    # -- audio and speed settings ------------------------------------------------------------

    @property
    def pitch_compensation(self) -> bool:
        """True when sound keeps its pitch at speeds other than 1x (enabled if Qt can)."""
        return bool(self._player.pitchCompensation())

    def volume(self) -> float:
        return self._volume

    def set_volume(self, volume: float) -> None:
        self._volume = min(max(float(volume), 0.0), 1.0)
        # QAudioOutput::setVolume takes a C++ float; Q_ARG(float, ...) names a double,
        # which matches no slot (the call was dropped with "No such method").
        _call(self._audio, "setVolume", Q_ARG("float", self._volume))

    def is_muted(self) -> bool:
        return self._muted

    def set_muted(self, muted: bool) -> None:
        self._muted = bool(muted)
        _call(self._audio, "setMuted", Q_ARG(bool, self._muted))

    def _on_volume(self, volume: float) -> None:
        self._volume = float(volume)
        self.volumeChanged.emit(self._volume)

    def _on_muted(self, muted: bool) -> None:
        self._muted = bool(muted)
        self.mutedChanged.emit(self._muted)

    def set_rate(self, rate: float) -> None:
        """Set the playback speed; clamped to 0.25–2.0. Sound keeps its pitch."""
        rate = min(max(float(rate), MIN_RATE), MAX_RATE)
        if rate == self._rate:
            return
        self._rate = rate
        _call(self._player, "setPlaybackRate", Q_ARG(float, rate))
        self.rateChanged.emit(rate)

    # -- loading -----------------------------------------------------------------------------

    def load(self, path: str | Path, sha256: str | None = None) -> None:
        """Open ``path`` asynchronously; ``loaded`` or ``loadFailed`` follows.

        ``sha256``: the recording's SHA-256 if known (the study stores it); its waveform
        is then cached under it.
        """
        self.unload()
        self._generation += 1
        generation = self._generation
        self._state = LoadState.LOADING
        self._path = Path(path)
        self._sha256 = sha256
        factory = self._source_factory
        target = self._path

        def open_source(ctx: TaskContext) -> tuple[Any, Any, npt.NDArray[Any]]:
            if not target.is_file():
                raise MediaMissingError.for_path(target)
            if is_audio_file(target):
                info = probe(target)
                grid = np.arange(0, max(int(info.duration_ms), 1), AUDIO_STEP_MS, dtype=np.int64)
                return None, info, grid

            def progress(done: int, total: int) -> None:
                ctx.progress(done / total if total > 0 else 0.0,
                             translate("PlayerController", "Indexing video frames"))

            source = factory(
                target,
                cache_bytes=FRAME_CACHE_BYTES,
                max_size=STILL_MAX_SIZE,
                progress=progress,
                cancelled=lambda: ctx.cancelled,
            )
            try:
                ctx.check()
                info = source.info
                pts = np.array(source.pts_ms, dtype=np.int64, copy=True)
                FrameTimes(pts, int(info.duration_ms))  # validate here, off the GUI thread
            except BaseException:
                source.close()
                raise
            return source, info, pts

        self._load_task = run_task(
            open_source,
            on_result=lambda result: self._on_source_opened(generation, result),
            on_error=lambda exc: self._on_source_error(generation, exc),
            on_progress=lambda fraction, text: self._on_load_progress(generation, fraction, text),
            pool=self._pool,
        )

    def _on_load_progress(self, generation: int, fraction: float, text: str) -> None:
        if isValid(self) and generation == self._generation:
            self.loadProgress.emit(fraction, text)

    def unload(self) -> None:
        """Stop and close the current media (if any)."""
        had_media = self._state is LoadState.READY
        self._generation += 1
        if self._load_task is not None:
            self._load_task.cancel()
            self._load_task = None
        self._stop_reverse()
        self._poll.stop()
        self._load_timer.stop()
        self._offset_timer.stop()
        self._measuring = False
        self._offset_ms = 0
        self._waveform.clear()
        was_playing = self._playing
        self._playing = False
        _call(self._player, "stop")
        _call(self._player, "setSource", Q_ARG(QUrl, QUrl()))
        self._stills.set_source(None)
        self._close_source()
        self._state = LoadState.EMPTY
        self._info = None
        self._times = None
        self._path = None
        self._pos = 0
        if was_playing:
            self.playingChanged.emit(False)
        if had_media:
            self.unloaded.emit()
            self.positionChanged.emit(0)

    def close(self, timeout_ms: int = 5000) -> None:
        """Unload and wait for the worker thread to finish (call before deleting)."""
        self.unload()
        self._waveform.close(timeout_ms)
        self._pool.waitForDone(timeout_ms)

    def _close_source(self) -> None:
        source, self._source = self._source, None
        if source is not None:
            run_task(lambda ctx: source.close(), pool=self._pool)

    def _on_source_opened(self, generation: int, result: tuple[Any, Any, npt.NDArray[Any]]) -> None:
        source, info, pts = result
        if not isValid(self):
            if source is not None:
                source.close()  # the controller is gone, and its worker with it
            return
        if generation != self._generation:
            if source is not None:
                run_task(lambda ctx: source.close(), pool=self._pool)
            return
        self._source = source
        self._info = info
        self._times = FrameTimes(pts, int(info.duration_ms))
        self._load_timer.start()
        assert self._path is not None
        url = QUrl.fromLocalFile(str(self._path.resolve()))
        _call(self._player, "setSource", Q_ARG(QUrl, url))

    def _on_source_error(self, generation: int, exc: BaseException) -> None:
        if not isValid(self) or generation != self._generation:
            return
        if isinstance(exc, MediaError):
            message = str(exc)
        else:
            message = translate(
                "PlayerController",
                "Cannot open '{name}': it is not a readable video file ({error})."
            ).format(name=self._name(), error=exc)
        self._fail(message)

    def _on_media_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if self._state is LoadState.LOADING and self._times is not None:
            if status in (
                QMediaPlayer.MediaStatus.LoadedMedia,
                QMediaPlayer.MediaStatus.BufferingMedia,
                QMediaPlayer.MediaStatus.BufferedMedia,
            ):
                if getattr(self._info, "audio_only", False):
                    if not self._player.hasAudio():
                        self._fail(translate(
                            "PlayerController",
                            "Cannot play '{name}': Qt Multimedia finds no sound in it "
                            "that it can decode.").format(name=self._name()))
                    else:
                        self._finish_load(0)
                elif not self._player.hasVideo():
                    self._fail(translate(
                        "PlayerController",
                        "Cannot play '{name}': Qt Multimedia finds no video stream it "
                        "can decode.").format(name=self._name()))
                elif not self._measuring:
                    self._measure_offset()
            elif status == QMediaPlayer.MediaStatus.InvalidMedia:
                self._fail(self._qt_failure(self._player.errorString()))
        elif self._state is LoadState.READY and status == QMediaPlayer.MediaStatus.EndOfMedia:
            self._on_end_of_media()

    def _on_player_error(self, error: QMediaPlayer.Error, message: str) -> None:
        if error == QMediaPlayer.Error.NoError:
            return
        if self._state is LoadState.LOADING and self._times is not None:
            self._fail(self._qt_failure(message))
        elif self._state is LoadState.READY:
            self.pause()
            self.errorOccurred.emit(translate(
                "PlayerController", "Playback of '{name}' failed: {error}"
            ).format(name=self._name(), error=message))

    def _on_load_timeout(self) -> None:
        if self._state is LoadState.LOADING:
            self._fail(translate(
                "PlayerController", "Cannot play '{name}': Qt Multimedia did not open it in time."
            ).format(name=self._name()))

    def _qt_failure(self, message: str) -> str:
        codec = getattr(self._info, "codec", "") or translate("PlayerController", "unknown")
        return translate(
            "PlayerController",
            "Cannot play '{name}': Qt Multimedia cannot decode it (codec {codec}): {error}."
        ).format(name=self._name(), codec=codec,
                 error=message or translate("PlayerController", "unknown error"))

    def _name(self) -> str:
        if self._path is not None:
            return self._path.name
        return translate("PlayerController", "video")

    def _fail(self, message: str) -> None:
        self.unload()
        self.loadFailed.emit(message)

    def _measure_offset(self) -> None:
        """Pause at 0 so that QtMultimedia shows its first frame (see ``_on_sink_frame``)."""
        self._measuring = True
        self._offset_timer.start()
        _call(self._player, "pause")

    def _on_offset_timeout(self) -> None:
        if self._measuring and self._state is LoadState.LOADING:
            self._measuring = False
            self._finish_load(0)

    def _on_first_frame(self, start_ms: int | None) -> None:
        self._measuring = False
        self._offset_timer.stop()
        if self._state is not LoadState.LOADING or self._times is None:
            return
        offset = 0
        if start_ms is not None:
            # QtMultimedia's first frame is frame 0; its time there is the video's offset.
            offset = max(0, start_ms - self._times.time(0))
        self._finish_load(offset)

    def _finish_load(self, offset_ms: int) -> None:
        self._load_timer.stop()
        self._load_task = None
        assert self._times is not None
        if offset_ms:
            pts = self._times.pts_ms + offset_ms
            duration = max(int(self._info.duration_ms) + offset_ms, int(self._player.duration()))
            self._times = FrameTimes(pts, duration)
        self._offset_ms = offset_ms
        self._state = LoadState.READY
        if self._player.hasAudio() and self._path is not None:
            self._waveform.load(self._path, self._sha256)
        _call(self._player, "setPlaybackRate", Q_ARG(float, self._rate))
        self._stills.set_source(self._source)
        self._pos = 0
        self.loaded.emit(self._info)
        self.positionChanged.emit(0)
        self._stills.request(0)

    # -- transport ---------------------------------------------------------------------------

    def play(self) -> None:
        """Play forward from the current position at the current speed.

        At the last frame (e.g. after playback reached the end) it starts again from 0.
        """
        if not self.is_loaded or self._playing:
            return
        self._stop_reverse()
        assert self._times is not None
        if self.frame_index >= self._times.count - 1:
            self._pos = 0  # at the end: start again from the beginning
            self.positionChanged.emit(0)
        self._stills.cancel()
        self._await_ms = self._times.time(self.frame_index)
        self._frame_ms = None
        self._play_started = time.monotonic()
        _call(self._player, "setPosition", Q_ARG("qlonglong", self._pos))
        _call(self._player, "play")
        self._playing = True
        self._poll.start()
        self.playingChanged.emit(True)

    def pause(self) -> None:
        """Stop playing (and stop the reverse shuttle); show the exact still."""
        self._stop_reverse()
        if not self._playing:
            return
        _call(self._player, "pause")
        self._playing = False
        self._poll.stop()
        assert self._times is not None
        self._pos = self._playback_position()
        self.positionChanged.emit(self._pos)
        self.playingChanged.emit(False)
        self._show_still()

    def toggle(self) -> None:
        """Play if stopped; pause if playing or shuttling backwards."""
        if self._playing or self.reversing:
            self.pause()
        else:
            self.play()

    def seek(self, ms: int) -> None:
        """Go to ``ms`` (clamped to [0, duration]); keeps playing if playing."""
        if not self.is_loaded:
            return
        assert self._times is not None
        self._pos = self._times.clamp_ms(ms)
        if self._playing:
            self._await_ms = self._times.time(self.frame_index)
            self._frame_ms = None
            self._play_started = time.monotonic()
            _call(self._player, "setPosition", Q_ARG("qlonglong", self._pos))
            self.positionChanged.emit(self._pos)
        else:
            self.positionChanged.emit(self._pos)
            self._show_still()

    def jump(self, delta_ms: int) -> None:
        """Move by ``delta_ms`` (negative: back), clamped to the start and the end."""
        self.seek(self._pos + int(delta_ms))

    def step(self, n: int = 1) -> None:
        """Pause and move ``n`` frames (negative: back) to that frame's presentation time."""
        if not self.is_loaded:
            return
        self.pause()
        self._go_to_frame(self.frame_index + int(n))

    def go_to_frame(self, index: int) -> None:
        """Pause and show frame ``index`` (clamped)."""
        if not self.is_loaded:
            return
        self.pause()
        self._go_to_frame(index)

    def shuttle_forward(self) -> None:
        """L: play forward at 1x; pressed again while playing, 1.5x then 2x."""
        if not self.is_loaded:
            return
        if self._playing:
            faster = [r for r in SHUTTLE_RATES if r > self._rate + 1e-9]
            self.set_rate(faster[0] if faster else SHUTTLE_RATES[-1])
        else:
            self._stop_reverse()
            self.set_rate(SHUTTLE_RATES[0])
            self.play()

    def shuttle_reverse(self) -> None:
        """J: step backwards on a timer (~8 fps); pressed again, ~12.5 then ~25 fps.

        ``QMediaPlayer`` cannot play backwards, so this shows exact stills one frame
        back at a time, without sound, until K (or Space, or any pause) stops it or
        the first frame is reached. A step waits for the previous still to be on
        screen, so on slow-to-decode files it goes slower than the nominal rate.
        """
        if not self.is_loaded:
            return
        if self._playing:
            self.pause()
        level = min(self._reverse_level + 1, len(REVERSE_INTERVALS_MS) - 1)
        starting = self._reverse_level < 0
        self._reverse_level = level
        self._reverse_timer.setInterval(REVERSE_INTERVALS_MS[level])
        if starting:
            self._reverse_timer.start()
            self.reversingChanged.emit(True)
            self._on_reverse_tick()

    def _stop_reverse(self) -> None:
        if self._reverse_level >= 0:
            self._reverse_level = -1
            self._reverse_timer.stop()
            self.reversingChanged.emit(False)

    def _on_reverse_tick(self) -> None:
        if not self.is_loaded or self.frame_index <= 0:
            self._stop_reverse()
            return
        if self._stills.busy:
            return  # the last still is not on screen yet
        self._go_to_frame(self.frame_index - 1)

    def _go_to_frame(self, index: int) -> None:
        assert self._times is not None
        self._pos = self._times.time(index)
        self.positionChanged.emit(self._pos)
        self._show_still()

    def _show_still(self) -> None:
        if self.is_loaded and not self._playing:
            self._stills.request(self.frame_index)

    def _on_still(self, index: int, image: QImage) -> None:
        if not self.is_loaded or self._playing:
            return
        self.imageChanged.emit(image)
        if index == self.frame_index:
            self.frameShown.emit(index, self._pos)

    def _on_still_failed(self, index: int, message: str) -> None:
        if self.is_loaded:
            self.errorOccurred.emit(message)

    # -- playback ----------------------------------------------------------------------------

    def _on_sink_frame(self, frame: QVideoFrame) -> None:
        if self._measuring and frame.isValid():
            self._on_first_frame(frame.startTime() // 1000 if frame.startTime() >= 0 else None)
            return
        if not self._playing or not frame.isValid():
            return
        start_ms = frame.startTime() // 1000 if frame.startTime() >= 0 else None
        if self._await_ms is not None:
            # After setPosition the backend may first deliver the frame before the
            # target; skip such stale frames for a short while.
            fresh = start_ms is None or start_ms >= self._await_ms - 1
            if not fresh and time.monotonic() - self._play_started < 0.3:
                return
            self._await_ms = None
        self._frame_ms = start_ms
        self.videoFrameChanged.emit(frame)

    def _playback_position(self) -> int:
        """The position during playback: the player's clock, or the frame on screen.

        The backend shows a frame when the clock reaches its time, but the clock
        (``QMediaPlayer.position``) is read a little later and rounded; when the frame
        on screen is just ahead of it, use the frame's time so that the label (and a
        pause) name the frame the user sees.
        """
        assert self._times is not None
        pos = int(self._player.position())
        shown = self._frame_ms
        if shown is not None and 0 < shown - pos <= FRAME_LEAD_MS:
            pos = shown
        return self._times.clamp_ms(pos)

    def _on_poll(self) -> None:
        if not self._playing or self._times is None:
            return
        pos = self._playback_position()
        if pos != self._pos:
            self._pos = pos
            self.positionChanged.emit(pos)

    def _on_playback_state(self, state: QMediaPlayer.PlaybackState) -> None:
        if self._playing and state == QMediaPlayer.PlaybackState.StoppedState:
            self._on_end_of_media()

    def _on_end_of_media(self) -> None:
        if not self._playing or self._times is None:
            return
        self._playing = False
        self._poll.stop()
        self._pos = self._times.duration_ms
        self.positionChanged.emit(self._pos)
        self.playingChanged.emit(False)
        self._show_still()
