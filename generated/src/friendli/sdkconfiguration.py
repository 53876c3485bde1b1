"""Client-wide settings shared by every resource of one client."""

from __future__ import annotations

import time
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
        "_tokens",
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
        self._tokens: Dict[str, Tuple[str, float]] = {}

    def __repr__(self) -> str:
        """Never shows a credential."""
        url, timeout = self.server_url, self.timeout_ms
        return f"SDKConfiguration(server_url={url!r}, timeout_ms={timeout!r})"

    def credential(self, scheme: str) -> Optional[Tuple[str, ...]]:
        """The secret(s) given for a scheme, resolved now; None when they are missing.
        An `oauth2` scheme has an access token, or else client credentials."""
        value = self._credentials.get(scheme)
        parts = value if isinstance(value, tuple) else (value,)
        resolved = tuple(_resolve(part) for part in parts)
        if SCHEMES.get(scheme, ("",))[0] == "oauth2" and resolved:
            resolved = resolved[:1] if resolved[0] is not None else resolved[1:]
        if not resolved or any(part is None for part in resolved):
            return None
        return tuple(part for part in resolved if part is not None)

    def oauth2_token(self, scheme: str, token_url: str, secret: Tuple[str, ...]) -> str:
        """An access token from the client-credentials flow, fetched once and reused until it expires."""
        cached = self.cached_token(scheme)
        if cached is not None:
            return cached
        url, form = self._token_request(token_url, secret)
        headers = {"Accept": "application/json"}
        response = self.sync_client().post(url, data=form, headers=headers)
        return self._keep_token(scheme, response)

    async def oauth2_token_async(
        self, scheme: str, token_url: str, secret: Tuple[str, ...]
    ) -> str:
        """`oauth2_token` for the async client: the token request does not block the event loop."""
        cached = self.cached_token(scheme)
        if cached is not None:
            return cached
        url, form = self._token_request(token_url, secret)
        headers = {"Accept": "application/json"}
        response = await self.async_client().post(url, data=form, headers=headers)
        return self._keep_token(scheme, response)

    def cached_token(self, scheme: str) -> Optional[str]:
        cached = self._tokens.get(scheme)
        if cached is None or cached[1] <= time.monotonic():
            return None
        return cached[0]

    def _token_request(
        self, token_url: str, secret: Tuple[str, ...]
    ) -> Tuple[str, Dict[str, str]]:
        url = token_url
        if "://" not in token_url:
            url = self.server_url + "/" + token_url.lstrip("/")
        return url, {
            "grant_type": "client_credentials",
            "client_id": secret[0],
            "client_secret": secret[1],
        }

    def _keep_token(self, scheme: str, response: "httpx.Response") -> str:
        if response.status_code >= 400:
            from .models.sdkerror import SDKError

            raise SDKError("OAuth2 token request failed", response)
        try:
            payload = response.json()
            token = str(payload["access_token"])
            lifetime = float(payload.get("expires_in") or 3600)
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            from .models.sdkerror import ResponseValidationError

            raise ResponseValidationError(response, error) from error
        # Renew a minute early (or halfway, for short lifetimes): never expire in flight.
        expires = time.monotonic() + max(lifetime - 60, lifetime / 2)
        self._tokens[scheme] = (token, expires)
        return token

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
