"""Status: Indicates the current execution status of the tool."""

from typing import Literal

Status = Literal["STARTED", "UPDATING", "ENDED", "ERRORED"]
"Indicates the current execution status of the tool."
