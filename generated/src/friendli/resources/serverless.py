"""The `serverless` resource of the Friendli API."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ..basesdk import BaseSDK

if TYPE_CHECKING:
    from .serverless_chat import AsyncServerlessChat, ServerlessChat
    from .serverless_completions import (
        AsyncServerlessCompletions,
        ServerlessCompletions,
    )
    from .serverless_token import AsyncServerlessToken, ServerlessToken
    from .serverless_tool_assisted_chat import (
        AsyncServerlessToolAssistedChat,
        ServerlessToolAssistedChat,
    )

# region custom imports
# endregion


class Serverless(BaseSDK):
    """The `serverless` resource of the Friendli API."""

    @cached_property
    def chat(self) -> ServerlessChat:
        "The `serverless.chat` operations."
        from .serverless_chat import ServerlessChat

        return ServerlessChat(self._config)

    @cached_property
    def completions(self) -> ServerlessCompletions:
        "The `serverless.completions` operations."
        from .serverless_completions import ServerlessCompletions

        return ServerlessCompletions(self._config)

    @cached_property
    def token(self) -> ServerlessToken:
        "The `serverless.token` operations."
        from .serverless_token import ServerlessToken

        return ServerlessToken(self._config)

    @cached_property
    def tool_assisted_chat(self) -> ServerlessToolAssistedChat:
        "The `serverless.tool_assisted_chat` operations."
        from .serverless_tool_assisted_chat import ServerlessToolAssistedChat

        return ServerlessToolAssistedChat(self._config)

    # region custom Serverless
    # endregion


class AsyncServerless(BaseSDK):
    """The `serverless` resource of the Friendli API."""

    @cached_property
    def chat(self) -> AsyncServerlessChat:
        "The `serverless.chat` operations."
        from .serverless_chat import AsyncServerlessChat

        return AsyncServerlessChat(self._config)

    @cached_property
    def completions(self) -> AsyncServerlessCompletions:
        "The `serverless.completions` operations."
        from .serverless_completions import AsyncServerlessCompletions

        return AsyncServerlessCompletions(self._config)

    @cached_property
    def token(self) -> AsyncServerlessToken:
        "The `serverless.token` operations."
        from .serverless_token import AsyncServerlessToken

        return AsyncServerlessToken(self._config)

    @cached_property
    def tool_assisted_chat(self) -> AsyncServerlessToolAssistedChat:
        "The `serverless.tool_assisted_chat` operations."
        from .serverless_tool_assisted_chat import AsyncServerlessToolAssistedChat

        return AsyncServerlessToolAssistedChat(self._config)

    # region custom AsyncServerless
    # endregion
