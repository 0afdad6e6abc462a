"""Sound, measured (issue 8 point 11): the real app plays a 440 Hz tone into a PulseAudio
null sink, and the test records the sink's monitor (``parec``) and measures it.

- at 1x the tone comes out at 440 Hz; at 2x it still does (pitch kept);
- the volume slider sets the level: 10 % is about a tenth of full, 0 % is silence (it
  did nothing before: ``No such method QAudioOutput::setVolume(double)``);
- mute silences, unmute brings it back.

A private PulseAudio daemon runs for the test (its socket in the test's folder); the app
runs as its own process (QtMultimedia connects to the sound server once, at start) and
is driven through its real widgets by commands on its stdin.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from annotator.media.videogen import write_test_video
from annotator.store import Study
from tests.gui_helpers import media_link
from tests.studyutil import EXCLUSIVE_CODEBOOK

ROOT = Path(__file__).resolve().parents[1]
RATE = 48_000

pytestmark = [
    pytest.mark.gui,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("pulseaudio") is None or shutil.which("parec") is None,
                       reason="needs PulseAudio (Debian packages pulseaudio, pulseaudio-utils)"),
]

# The app, driven by lines on stdin: "volume N", "mute 0|1", "rate R", "play"; it answers
# "ok ..." once the command went through the widgets and the event loop.
APP = r"""
import select, sys
from PySide6.QtCore import QTimer
from annotator.ui.app import make_app, start
from annotator.ui.settings import Settings

app = make_app()
w = start(sys.argv[1], "AK", "C01:1", Settings(sys.argv[2]))
w.resize(1280, 720)
w.show()
pc = w.player.controller
t = w.player.transport
said_ready = False

def poll():
    global said_ready
    if not said_ready and pc.is_loaded:
        said_ready = True
        print("ready", flush=True)
    while select.select([sys.stdin], [], [], 0)[0]:
        line = sys.stdin.readline()
        if not line:
            app.quit()
            return
        cmd, _, arg = line.strip().partition(" ")
        if cmd == "volume":
            t.volume_slider.setValue(int(arg))
        elif cmd == "mute":
            t.mute_button.setChecked(arg == "1")
        elif cmd == "rate":
            pc.set_rate(float(arg))
        elif cmd == "play":
            pc.play()
        elif cmd == "quit":
            w.close()
            app.quit()
            return
        QTimer.singleShot(150, lambda l=line.strip(): print(
            f"ok {l} volume={pc.volume():.2f} muted={pc.is_muted()} rate={pc.rate}",
            flush=True))

timer = QTimer()
timer.timeout.connect(poll)
timer.start(20)
app.exec()
"""


@pytest.fixture
def pulse(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A private PulseAudio daemon with a null sink as its default; its environment."""
    run = tmp_path / "pa"
    run.mkdir()
    socket = run / "native"
    env = {**os.environ, "XDG_RUNTIME_DIR": str(run), "HOME": str(run),
           "PULSE_SERVER": f"unix:{socket}"}
    env.pop("DISPLAY", None)
    log = (tmp_path / "pulseaudio.log").open("w")
    daemon = subprocess.Popen(
        ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no",
         "--disallow-exit", "--log-target=stderr",
         f"--load=module-null-sink sink_name=annot_null rate={RATE} channels=1",
         f"--load=module-native-protocol-unix socket={socket} auth-anonymous=1",
         "--load=module-always-sink"],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 20
        while subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode:
            if daemon.poll() is not None or time.monotonic() > deadline:
                pytest.fail("PulseAudio did not start: "
                            + (tmp_path / "pulseaudio.log").read_text())
            time.sleep(0.1)
        yield env
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
        log.close()


def record(env: dict[str, str], seconds: float) -> np.ndarray:
    """``seconds`` of the null sink's output, as floats in [-1, 1]."""
    want = int(RATE * seconds) * 2
    proc = subprocess.Popen(
        ["parec", "-d", "annot_null.monitor", "--raw", "--format=s16le", f"--rate={RATE}",
         "--channels=1", "--latency-msec=20"], env=env, stdout=subprocess.PIPE)
    assert proc.stdout is not None
    data = b""
    deadline = time.monotonic() + seconds + 10
    while len(data) < want and time.monotonic() < deadline:
        if select.select([proc.stdout], [], [], 0.5)[0]:
            data += os.read(proc.stdout.fileno(), want - len(data))
    proc.terminate()
    proc.wait(timeout=10)
    proc.stdout.close()
    assert len(data) >= want, "parec recorded nothing"
    return np.frombuffer(data[:want], dtype="<i2").astype(np.float64) / 32768.0


def rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(x * x)))


def main_frequency(x: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    return float(np.fft.rfftfreq(len(x), 1 / RATE)[int(np.argmax(spectrum))])


def test_volume_slider_mute_and_speed_measured_at_the_sound_server(
    tmp_path: Path, pulse: dict[str, str]
) -> None:
    media = tmp_path / "media"
    media.mkdir()
    video = write_test_video(media / "tone.mp4", frames=25 * 60, fps=25.0, size=(160, 120),
                             audio=True)
    path = tmp_path / "study.annot"
    with Study.create(path, EXCLUSIVE_CODEBOOK, "test.yaml") as study:
        study.add_session("C01", 1, media=media_link(path, video))
        study.add_coder("AK")
        study.assign(study.session("C01", 1).id, "AK", "primary")

    env = {**pulse, "QT_QPA_PLATFORM": "offscreen",
           "ANNOTATOR_SETTINGS": str(tmp_path / "env.ini"),
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    app_log = (tmp_path / "app.log").open("w")
    app = subprocess.Popen([sys.executable, "-c", APP, str(path), str(tmp_path / "app.ini")],
                           env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                           stderr=app_log, text=True, cwd=ROOT)
    assert app.stdin is not None and app.stdout is not None

    def wait_line(prefix: str) -> str:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if select.select([app.stdout], [], [], 0.5)[0]:
                line = app.stdout.readline()
                if line.startswith(prefix):
                    return line.strip()
                if not line:
                    break
        pytest.fail(f"the app did not say {prefix!r}:\n" + (tmp_path / "app.log").read_text())

    def do(command: str) -> str:
        assert app.stdin is not None
        app.stdin.write(command + "\n")
        app.stdin.flush()
        answer = wait_line(f"ok {command}")
        time.sleep(0.5)  # the sound server's buffers carry the new level through
        return answer

    levels: dict[str, float] = {}
    freqs: dict[str, float] = {}
    try:
        wait_line("ready")
        do("volume 100")
        do("play")
        for name, command in (("full", None), ("10 %", "volume 10"), ("0 %", "volume 0"),
                              ("back", "volume 100"), ("muted", "mute 1"),
                              ("unmuted", "mute 0"), ("2x", "rate 2")):
            if command is not None:
                answer = do(command)
                assert "volume=" in answer
            sound = record(pulse, 1.0)
            levels[name] = rms(sound)
            freqs[name] = main_frequency(sound)
        app.stdin.write("quit\n")
        app.stdin.flush()
        app.wait(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(timeout=10)
        app.stdin.close()
        app.stdout.close()
        app_log.close()
    report = ", ".join(f"{k}: rms {v:.4f} at {freqs[k]:.0f} Hz" for k, v in levels.items())
    print(report)
    full = levels["full"]
    assert full > 0.02, f"no sound reached the sound server ({report})"
    assert abs(freqs["full"] - 440) < 10, report
    # the slider sets the level (Qt's volume is linear: 10 % is a tenth of the amplitude)
    assert 0.05 * full < levels["10 %"] < 0.2 * full, report
    assert levels["0 %"] < 0.005 * full, report
    assert levels["back"] > 0.7 * full, report
    # mute, and back
    assert levels["muted"] < 0.005 * full, report
    assert levels["unmuted"] > 0.7 * full, report
    # 2x: as loud, and the tone keeps its pitch (not 880 Hz)
    assert levels["2x"] > 0.5 * full, report
    assert abs(freqs["2x"] - 440) < 15, report
