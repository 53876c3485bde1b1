"""Progress on a terminal: the current stage and the seconds it has taken, redrawn in place.

Big documents take tens of seconds; a line that moves tells the user sdkgen is working and
where. Only a terminal gets it: logs, pipes and `--quiet`/`--json` runs see nothing, so
scripts parse only the final summary.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import Optional, TextIO


class Progress:
    """`stage(text)` names what runs now; `close()` clears the line. Silent unless enabled."""

    def __init__(self, enabled: bool, stream: Optional[TextIO] = None, interval: float = 0.2) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.started = time.perf_counter()
        self._text = ""
        self._stage_started = self.started
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: Optional[threading.Thread] = None
        if enabled:
            self._thread = threading.Thread(target=self._tick, args=(interval,), daemon=True)
            self._thread.start()

    @staticmethod
    def for_terminal(quiet: bool, stream: Optional[TextIO] = None) -> Progress:
        stream = stream or sys.stderr
        return Progress(not quiet and stream.isatty(), stream)

    def stage(self, text: str) -> None:
        with self._lock:
            self._text = text
            self._stage_started = time.perf_counter()
        self._draw()

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def close(self) -> None:
        """Stop redrawing and clear the line, so what is printed next starts clean."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self.enabled:
            self.enabled = False
            self.stream.write("\r\033[K")
            self.stream.flush()

    def _tick(self, interval: float) -> None:
        while not self._stop.wait(interval):
            self._draw()

    def _draw(self) -> None:
        if not self.enabled or self._stop.is_set():
            return
        with self._lock:
            seconds = time.perf_counter() - self._stage_started
            line = f"sdkgen: {self._text}... {seconds:.1f} s (total {self.elapsed():.1f} s)"
        self.stream.write("\r\033[K" + line)
        self.stream.flush()
