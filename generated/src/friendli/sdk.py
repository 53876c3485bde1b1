"""The clients: `SyncFriendli` and its coroutine twin `AsyncFriendli`."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Optional

from .resources.root import AsyncRoot, Root
from .sdkconfiguration import SDKConfiguration, Token

from .types import UNSET, OptionalNullable

if TYPE_CHECKING:
    import httpx

    from .utils.retries import RetryConfig

# region custom imports
# endregion


def _given(value: Optional[Token], env_var: str) -> Optional[Token]:
    """A credential argument, or its environment variable when the argument is None."""
    return value if value is not None else os.environ.get(env_var) or None


class SyncFriendli(Root):
    """Friendli API: Friendli Suite API for serving generative AI models on serverless and dedicated endpoints."""

    def __init__(
        self,
        token: Optional[Token] = None,
        server_url: Optional[str] = None,
        client: Optional["httpx.Client"] = None,
        async_client: Optional["httpx.AsyncClient"] = None,
        retry_config: OptionalNullable["RetryConfig"] = UNSET,
        timeout_ms: Optional[int] = None,
    ) -> None:
        """Create a client; use it as a context manager to close its connections.

        :param token: For bearerAuth: the secret, or a callable returning it; defaults to $FRIENDLI_TOKEN.
        :param server_url: The server to use instead of https://api.friendli.ai.
        :param client: An httpx.Client of your own (proxies, transports...); it is not closed for you.
        :param async_client: An httpx.AsyncClient of your own; it is not closed for you.
        :param retry_config: Retries for every call, unless a call passes its own `retries`.
        :param timeout_ms: The timeout of every request, in milliseconds.

        """
        super().__init__(
            SDKConfiguration(
                credentials={
                    "bearerAuth": (_given(token, "FRIENDLI_TOKEN"),),
                },
                server_url=server_url,
                client=client,
                async_client=async_client,
                retry_config=retry_config,
                timeout_ms=timeout_ms,
            )
        )

    def __enter__(self) -> "SyncFriendli":
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP client this SDK created (one passed in is left open)."""
        self._config.close()

    # region custom SyncFriendli
    # endregion


class AsyncFriendli(AsyncRoot):
    """Friendli API: Friendli Suite API for serving generative AI models on serverless and dedicated endpoints."""

    def __init__(
        self,
        token: Optional[Token] = None,
        server_url: Optional[str] = None,
        client: Optional["httpx.Client"] = None,
        async_client: Optional["httpx.AsyncClient"] = None,
        retry_config: OptionalNullable["RetryConfig"] = UNSET,
        timeout_ms: Optional[int] = None,
    ) -> None:
        """Create a client; use it as an async context manager to close its connections.

        :param token: For bearerAuth: the secret, or a callable returning it; defaults to $FRIENDLI_TOKEN.
        :param server_url: The server to use instead of https://api.friendli.ai.
        :param client: An httpx.Client of your own (proxies, transports...); it is not closed for you.
        :param async_client: An httpx.AsyncClient of your own; it is not closed for you.
        :param retry_config: Retries for every call, unless a call passes its own `retries`.
        :param timeout_ms: The timeout of every request, in milliseconds.

        """
        super().__init__(
            SDKConfiguration(
                credentials={
                    "bearerAuth": (_given(token, "FRIENDLI_TOKEN"),),
                },
                server_url=server_url,
                client=client,
                async_client=async_client,
                retry_config=retry_config,
                timeout_ms=timeout_ms,
            )
        )

    async def __aenter__(self) -> "AsyncFriendli":
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the HTTP client this SDK created (one passed in is left open)."""
        await self._config.aclose()

    # region custom AsyncFriendli
    # endregion
