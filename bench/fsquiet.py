"""Wait for a quiet file system before a timed run.

On this machine's ext4 (mounted with ``discard``), creating a file in the 15-20 seconds after
many files were deleted costs 10-20 times the CPU it costs otherwise (measured: 12,000 small
files, 3.3-3.9 s of CPU for 20 s after 36,000 were deleted, then 0.22 s). A benchmark that
deletes the last run's output right before the next run therefore charges one tool for the
previous one's clean-up, and most the tool that writes the most files. ``settle`` waits until
creating a few hundred probe files is cheap again, so every timed run starts in the same state.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

PROBE_FILES = 300
QUIET_S_PER_FILE = 60e-6
"""Quiet: about 20 µs of CPU per created file here; just after mass deletes: about 300 µs."""


def settle(scratch: Path, budget_s: float = 90.0) -> float:
    """Block until file creation under `scratch` is cheap (or `budget_s` passed); seconds waited.

    The probe files are left in `scratch/.settle` (deleting them would start a little of the
    slow state again); `clear` removes them when nothing is being timed."""
    probes = scratch / ".settle"
    start = time.monotonic()
    round_ = 0
    while True:
        directory = probes / f"{os.getpid()}-{round_}"
        directory.mkdir(parents=True)
        round_ += 1
        cpu = time.process_time()
        for i in range(PROBE_FILES):
            fd = os.open(directory / str(i), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            os.write(fd, b"x\n")
            os.close(fd)
        per_file = (time.process_time() - cpu) / PROBE_FILES
        waited = time.monotonic() - start
        if per_file < QUIET_S_PER_FILE or waited > budget_s:
            return waited
        time.sleep(1.0)


def clear(scratch: Path) -> None:
    """Remove the probe files of earlier `settle` calls."""
    shutil.rmtree(scratch / ".settle", ignore_errors=True)
