"""Which voice said it: compares a recording with espeak-ng's own renderings of the same text.

Two voices reading the same words differ in their sounds (an English voice reads Spanish words with
English vowels and consonants), so the frame-by-frame shape of loudness and hiss (log energy and
zero crossings every 20 ms), lined up by dynamic time warping to allow for a different speed,
is much closer to the rendering by the same voice than to the other one. Pure Python and sox.
"""

from __future__ import annotations

import array
import itertools
import math
import shutil
import subprocess
from pathlib import Path

RATE = 16000
FRAME = 320  # 20 ms
SPEECH_ONLY = ("silence", "1", "0.02", "0.5%", "-1", "0.02", "0.5%")
"""sox effects that keep only the sound: every silence of 20 ms or more is cut, so pauses the sound
server adds on a busy machine (and the voice's own pauses) do not count."""

Features = list[tuple[float, float]]


def features(source: list[str]) -> Features:
    """(log energy relative to the mean, zero crossings x10) per frame of the sound in `source`
    (sox input arguments: a file, or a raw file with its format)."""
    sox = shutil.which("sox") or "sox"
    command = [sox, *source, "-t", "raw", "-r", str(RATE), "-e", "signed-integer", "-b", "16", "-c", "1"]
    raw = subprocess.run([*command, "-", *SPEECH_ONLY], capture_output=True, check=True).stdout
    samples = array.array("h")
    samples.frombytes(raw[: len(raw) // 2 * 2])
    frames: Features = []
    for start in range(0, len(samples) - FRAME, FRAME):
        frame = samples[start : start + FRAME]
        energy = sum(x * x for x in frame) / FRAME
        crossings = sum(1 for a, b in itertools.pairwise(frame) if (a < 0) != (b < 0)) / FRAME
        frames.append((math.log10(energy + 1.0), crossings * 10))
    if not frames:
        return frames
    mean = sum(energy for energy, _ in frames) / len(frames)
    return [(energy - mean, crossings) for energy, crossings in frames]


def distance(a: Features, b: Features) -> float:
    """Dynamic time warping distance per step (0: the same sounds in the same order)."""
    n, m = len(a), len(b)
    if not n or not m:
        return math.inf
    band = max(abs(n - m) + 1, int(0.2 * max(n, m)))
    previous = [math.inf] * (m + 1)
    previous[0] = 0.0
    for i in range(1, n + 1):
        current = [math.inf] * (m + 1)
        middle = int(i * m / n)
        for j in range(max(1, middle - band), min(m, middle + band) + 1):
            cost = abs(a[i - 1][0] - b[j - 1][0]) + abs(a[i - 1][1] - b[j - 1][1])
            current[j] = cost + min(previous[j], previous[j - 1], current[j - 1])
        previous = current
    return previous[m] / (n + m)


def espeak_rendering(text: str, voice: str, target: Path) -> Path:
    """espeak-ng saying `text` with `voice` (e.g. `en-us`, `es`), as a WAV file."""
    espeak = shutil.which("espeak-ng") or "espeak-ng"
    subprocess.run([espeak, "-v", voice, "-w", str(target), text], check=True)
    return target


def seconds(wav: Path) -> float:
    """Seconds of sound in `wav`, silences left out."""
    sox = shutil.which("sox") or "sox"
    report = subprocess.run(
        [sox, str(wav), "-n", *SPEECH_ONLY, "stat"], capture_output=True, text=True
    ).stderr
    for line in report.splitlines():
        if line.startswith("Length (seconds):"):
            return float(line.split(":", 1)[1])
    return 0.0
