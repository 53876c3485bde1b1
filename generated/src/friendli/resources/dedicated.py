"""The `dedicated` resource of the Friendli API."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ..basesdk import BaseSDK

if TYPE_CHECKING:
    from .dedicated_image import AsyncDedicatedImage, DedicatedImage

# region custom imports
# endregion


class Dedicated(BaseSDK):
    """The `dedicated` resource of the Friendli API."""

    @cached_property
    def image(self) -> DedicatedImage:
        "The `dedicated.image` operations."
        from .dedicated_image import DedicatedImage

        return DedicatedImage(self._config)

    # region custom Dedicated
    # endregion


class AsyncDedicated(BaseSDK):
    """The `dedicated` resource of the Friendli API."""

    @cached_property
    def image(self) -> AsyncDedicatedImage:
        "The `dedicated.image` operations."
        from .dedicated_image import AsyncDedicatedImage

        return AsyncDedicatedImage(self._config)

    # region custom AsyncDedicated
    # endregion
