"""The top-level resource of the Friendli API."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ..basesdk import BaseSDK

if TYPE_CHECKING:
    from .dedicated import AsyncDedicated, Dedicated


class Root(BaseSDK):
    """The top-level resource of the Friendli API."""

    @cached_property
    def dedicated(self) -> Dedicated:
        "The `dedicated` operations."
        from .dedicated import Dedicated

        return Dedicated(self._config)


class AsyncRoot(BaseSDK):
    """The top-level resource of the Friendli API."""

    @cached_property
    def dedicated(self) -> AsyncDedicated:
        "The `dedicated` operations."
        from .dedicated import AsyncDedicated

        return AsyncDedicated(self._config)
