"""The top-level resource of the Friendli API."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ..basesdk import BaseSDK

if TYPE_CHECKING:
    from .dedicated import AsyncDedicated, Dedicated
    from .serverless import AsyncServerless, Serverless

# region custom imports
# endregion


class Root(BaseSDK):
    """The top-level resource of the Friendli API."""

    @cached_property
    def dedicated(self) -> Dedicated:
        "The `dedicated` operations."
        from .dedicated import Dedicated

        return Dedicated(self._config)

    @cached_property
    def serverless(self) -> Serverless:
        "The `serverless` operations."
        from .serverless import Serverless

        return Serverless(self._config)

    # region custom Root
    # endregion


class AsyncRoot(BaseSDK):
    """The top-level resource of the Friendli API."""

    @cached_property
    def dedicated(self) -> AsyncDedicated:
        "The `dedicated` operations."
        from .dedicated import AsyncDedicated

        return AsyncDedicated(self._config)

    @cached_property
    def serverless(self) -> AsyncServerless:
        "The `serverless` operations."
        from .serverless import AsyncServerless

        return AsyncServerless(self._config)

    # region custom AsyncRoot
    # endregion
