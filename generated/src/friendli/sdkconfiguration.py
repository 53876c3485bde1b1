"""Client-wide settings shared by every resource of one client."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Dict, Optional, Tuple, Union

from ._version import __user_agent__
from .types import UNSET, OptionalNullable

if TYPE_CHECKING:
    import httpx

    from .utils.retries import RetryConfig

SERVERS: "tuple[str, ...]" = ("https://api.friendli.ai",)
"""The servers the API document lists; the first is the default."""

SCHEMES: Dict[str, Tuple[str, str, str]] = {
    "bearerAuth": ("http_bearer", "header", "Authorization"),
}
"""Security schemes by name: kind (http_bearer, http_basic, api_key, oauth2_client_credentials,
oauth2), location, header or parameter name (the token URL for OAuth2)."""

Token = Union[str, Callable[[], Optional[str]]]
"""A secret, or a callable returning it (called for every request, so it can refresh)."""


def _resolve(value: Any) -> Optional[str]:
    value = value() if callable(value) else value
    return str(value) if value else None


class SDKConfiguration:
    """Settings plus the HTTP clients, created on first use unless the caller gave their own."""

    __slots__ = (
        "server_url",
        "chosen_server_url",
        "retry_config",
        "timeout_ms",
        "user_agent",
        "_credentials",
        "_client",
        "_async_client",
        "_owns_client",
        "_owns_async_client",
    )

    def __init__(
        self,
        *,
        credentials: Optional[Dict[str, Any]] = None,
        server_url: Optional[str] = None,
        client: Optional["httpx.Client"] = None,
        async_client: Optional["httpx.AsyncClient"] = None,
        retry_config: OptionalNullable["RetryConfig"] = UNSET,
        timeout_ms: Optional[int] = None,
    ) -> None:
        self._credentials = dict(credentials or {})
        self.chosen_server_url = server_url.rstrip("/") if server_url else None
        default_url = SERVERS[0].rstrip("/") if SERVERS else ""
        self.server_url = self.chosen_server_url or default_url
        self.retry_config = retry_config
        self.timeout_ms = timeout_ms
        self.user_agent = __user_agent__
        self._client = client
        self._async_client = async_client
        self._owns_client = client is None
        self._owns_async_client = async_client is None

    def __repr__(self) -> str:
        """Never shows a credential."""
        url, timeout = self.server_url, self.timeout_ms
        return f"SDKConfiguration(server_url={url!r}, timeout_ms={timeout!r})"

    def credential(self, scheme: str) -> Optional[Tuple[str, ...]]:
        """The secret(s) given for a scheme, resolved now; None when they are missing."""
        value = self._credentials.get(scheme)
        parts = value if isinstance(value, tuple) else (value,)
        resolved = tuple(_resolve(part) for part in parts)
        if not resolved or any(part is None for part in resolved):
            return None
        return tuple(part for part in resolved if part is not None)

    def sync_client(self) -> "httpx.Client":
        if self._client is None:
            import httpx

            self._client = httpx.Client(timeout=None)
        return self._client

    def async_client(self) -> "httpx.AsyncClient":
        if self._async_client is None:
            import httpx

            self._async_client = httpx.AsyncClient(timeout=None)
        return self._async_client

    def close(self) -> None:
        """Close the sync client if this configuration created it."""
        if self._owns_client and self._client is not None:
            self._client.close()
            self._client = None

    async def aclose(self) -> None:
        """Close the async client if this configuration created it."""
        if self._owns_async_client and self._async_client is not None:
            await self._async_client.aclose()
            self._async_client = None
