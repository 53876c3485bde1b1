"""The request pipeline: every operation describes its call and hands it over here.

Build the request, send it, retry it, and return the response for the operation to parse.
Nothing here builds a model per call: bodies are plain data encoded once with `json`.
"""

from __future__ import annotations

import base64
from urllib.parse import quote, urlencode
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Tuple

from .sdkconfiguration import SCHEMES
from .types import UNSET, OptionalNullable
from .utils.serializers import cookie_value, encode_body, header_text
from .utils.retries import RetryConfig, retry, retry_async

if TYPE_CHECKING:
    import httpx

    from .sdkconfiguration import SDKConfiguration


class OperationSpec:
    """What is fixed about an operation: method, path template, media types, retry defaults."""

    __slots__ = (
        "operation_id",
        "method",
        "path",
        "accept",
        "content_type",
        "retry_statuses",
        "default_retries",
        "security",
        "server",
    )

    def __init__(
        self,
        operation_id: str,
        method: str,
        path: str,
        accept: str,
        content_type: Optional[str],
        retry_statuses: Tuple[str, ...],
        default_retries: Optional[RetryConfig],
        security: Tuple[Tuple[str, ...], ...] = (),
        server: Optional[str] = None,
    ) -> None:
        self.operation_id = operation_id
        self.method = method
        self.path = path
        self.accept = accept
        self.content_type = content_type
        self.retry_statuses = retry_statuses
        self.default_retries = default_retries
        self.security = security
        self.server = server.rstrip("/") if server else None


def _sent_as(scheme: str, secret: Tuple[str, ...]) -> str:
    """How a scheme's secret is sent: as its kind says (no scheme here fetches tokens)."""
    return SCHEMES[scheme][0]


class BaseSDK:
    """Shared by every resource class: holds the client configuration and sends requests."""

    def __init__(self, config: "SDKConfiguration") -> None:
        self._config = config

    def _build_request(
        self,
        client: "httpx.Client | httpx.AsyncClient",
        operation: OperationSpec,
        *,
        path: str,
        query: Optional[Dict[str, Any]],
        headers: Optional[Dict[str, str]],
        body: Any,
        server_url: Optional[str],
        timeout_ms: Optional[int],
        http_headers: Optional[Mapping[str, str]],
    ) -> "httpx.Request":
        config = self._config
        # A URL given per call or to the client wins over the operation's own server.
        base = (
            server_url.rstrip("/")
            if server_url
            else config.chosen_server_url or operation.server or config.server_url
        )
        all_headers: Dict[str, str] = dict(headers) if headers else {}
        all_headers["Accept"] = operation.accept
        all_headers["user-agent"] = config.user_agent
        query = self._authorise(operation, all_headers, dict(query) if query else {})
        payload: Dict[str, Any] = {}
        if body is not UNSET:
            payload = encode_body(body, operation.content_type or "application/json")
            # multipart: httpx writes the header, with its boundary
            if "files" not in payload:
                all_headers["content-type"] = (
                    operation.content_type or "application/json"
                )
        if http_headers:
            all_headers.update(http_headers)
        if timeout_ms is None:
            timeout_ms = config.timeout_ms
        timeout: Any = timeout_ms / 1000 if timeout_ms is not None else client.timeout
        url = base + path
        if query:  # spaces as %20, not +: the form RFC 3986 servers expect in a query
            url += ("&" if "?" in url else "?") + urlencode(
                query, doseq=True, quote_via=quote
            )
        return client.build_request(
            operation.method, url, headers=all_headers, timeout=timeout, **payload
        )

    def _credentials(
        self, operation: OperationSpec
    ) -> List[Tuple[str, str, Tuple[str, ...]]]:
        """The first way of authorising the operation for which every secret was given:
        (scheme, how its secret is sent, secret) triples."""
        for requirement in operation.security:
            secrets = [self._config.credential(scheme) for scheme in requirement]
            if all(secret is not None for secret in secrets):
                return [
                    (scheme, _sent_as(scheme, secret), secret)
                    for scheme, secret in zip(requirement, secrets)
                    if secret is not None
                ]
        return []

    def _authorise(
        self, operation: OperationSpec, headers: Dict[str, str], query: Dict[str, Any]
    ) -> Dict[str, Any]:
        """Put the operation's credentials where its security schemes say."""
        for scheme, kind, secret in self._credentials(operation):
            _, location, name = SCHEMES[scheme]
            if kind == "http_bearer":
                token = header_text("Authorization", secret[0])
                headers["Authorization"] = (
                    token if token.lower().startswith("bearer ") else f"Bearer {token}"
                )
            elif kind == "http_basic":
                pair = f"{secret[0]}:{secret[1] if len(secret) > 1 else ''}".encode()
                headers["Authorization"] = "Basic " + base64.b64encode(pair).decode()
            elif location == "query":
                query[name] = secret[0]
            elif location == "cookie":
                cookie = headers.get("Cookie")
                entry = f"{name}={cookie_value(secret[0])}"
                headers["Cookie"] = f"{cookie}; {entry}" if cookie else entry
            else:
                headers[name] = header_text(name, secret[0])
        return query

    def _retry_config(
        self, operation: OperationSpec, retries: OptionalNullable[RetryConfig]
    ) -> Optional[RetryConfig]:
        """Per-call retries win over the client's, which win over the document's defaults."""
        if retries is UNSET:
            retries = self._config.retry_config
        if retries is UNSET:
            retries = operation.default_retries
        return retries if isinstance(retries, RetryConfig) else None

    def _send(
        self,
        operation: OperationSpec,
        *,
        path: str,
        query: Optional[Dict[str, Any]] = None,
        headers: Optional[Dict[str, str]] = None,
        body: Any = UNSET,
        retries: OptionalNullable[RetryConfig] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
        stream: bool = False,
    ) -> "httpx.Response":
        client = self._config.sync_client()
        request = self._build_request(
            client,
            operation,
            path=path,
            query=query,
            headers=headers,
            body=body,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
        )
        config = self._retry_config(operation, retries)
        if config is None:
            return client.send(request, stream=stream)
        return retry(
            lambda: client.send(request, stream=stream),
            config,
            operation.retry_statuses,
        )

    async def _send_async(
        self,
        operation: OperationSpec,
        *,
        path: str,
        query: Optional[Dict[str, Any]] = None,
        headers: Optional[Dict[str, str]] = None,
        body: Any = UNSET,
        retries: OptionalNullable[RetryConfig] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
        stream: bool = False,
    ) -> "httpx.Response":
        client = self._config.async_client()
        request = self._build_request(
            client,
            operation,
            path=path,
            query=query,
            headers=headers,
            body=body,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
        )
        config = self._retry_config(operation, retries)
        if config is None:
            return await client.send(request, stream=stream)
        return await retry_async(
            lambda: client.send(request, stream=stream),
            config,
            operation.retry_statuses,
        )
