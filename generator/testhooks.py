"""Named steps of a write at which a test can kill the process for real.

`SDKGEN_TEST_KILL_AT=<step>` makes the process send itself SIGKILL when it reaches that step, so
the atomicity tests can interrupt a real `sdkgen generate` at an exact point (no cleanup handler
runs, as after a crash). Unset, which it always is outside the tests, a step costs one lookup.
"""

from __future__ import annotations

import os
import signal

KILL_AT = "SDKGEN_TEST_KILL_AT"


def step(name: str) -> None:
    """Die here if a test asked for it."""
    if os.environ.get(KILL_AT) == name:
        os.kill(os.getpid(), signal.SIGKILL)
