"""Keep deletions out of timed runs.

On ext4, an inode freed in the last minute (up to five while its inode table block is dirty)
is skipped, after a look at its deletion time, whenever a new inode is allocated in its block
group. Creating files near many recent deletions therefore costs 10-20 times the CPU it
costs otherwise (measured here: 12,000 small files, 3.3-3.9 s of CPU after 36,000 were deleted
in the same place, 0.22 s elsewhere). A benchmark that deletes the last run's output right
before the next run thus charges one tool for another's clean-up, and most the tool that
writes the most files.

So benchmarks here never delete during a run: `Trash.discard` renames a tree into a trash
directory (a rename frees no inode), and `Trash.empty` deletes it once nothing is timed.
`settle` checks, before a timed run, that creating files where the run will write is cheap,
and waits while it is not (after the deletions of an earlier benchmark, for instance).
"""

from __future__ import annotations

import itertools
import os
import shutil
import time
from pathlib import Path

PROBE_DIRECTORIES = 40
PROBE_FILES_EACH = 8
"""ext4 spreads new directories over block groups (Orlov), as the tools' own output trees are
spread: a probe of many small directories samples the groups they will write to."""
QUIET_S_PER_FILE = 60e-6
"""Quiet: about 25 µs of CPU per created file here; near recent mass deletes: 150-500 µs."""
_rounds = itertools.count()


class Trash:
    """A directory that discarded trees are renamed into, deleted when `empty` is called."""

    def __init__(self, beside: Path) -> None:
        self.root = beside.with_name(f".{beside.name}.trash")

    def discard(self, path: Path) -> None:
        if path.exists() or path.is_symlink():
            self.root.mkdir(parents=True, exist_ok=True)
            path.rename(self.root / f"{next(_rounds)}-{os.getpid()}-{path.name}")

    def empty(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def settle(where: Path, budget_s: float = 330.0) -> float:
    """Block until creating files in `where` is cheap (or `budget_s` passed); seconds waited.

    The probe files go into `where/.settle-probe-N/*/` and stay: deleting them would free inodes
    where the run is about to allocate them. Callers discard `where` (or its parent) later."""
    start = time.monotonic()
    while True:
        probe = where / f".settle-probe-{next(_rounds)}"
        probe.mkdir(parents=True)
        cpu = time.process_time()
        for d in range(PROBE_DIRECTORIES):
            directory = probe / str(d)
            directory.mkdir()
            for i in range(PROBE_FILES_EACH):
                fd = os.open(directory / str(i), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
                os.write(fd, b"x\n")
                os.close(fd)
        per_file = (time.process_time() - cpu) / (PROBE_DIRECTORIES * (PROBE_FILES_EACH + 1))
        waited = time.monotonic() - start
        if per_file < QUIET_S_PER_FILE or waited > budget_s:
            return waited
        time.sleep(2.0)
