"""The request pipeline: every operation describes its call and hands it over here.

Build the request, send it, retry it, and return the response for the operation to parse.
Nothing here builds a model per call: bodies are plain data encoded once with `json`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Dict, Mapping, Optional, Tuple

from .types import UNSET, OptionalNullable
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
    ) -> None:
        self.operation_id = operation_id
        self.method = method
        self.path = path
        self.accept = accept
        self.content_type = content_type
        self.retry_statuses = retry_statuses
        self.default_retries = default_retries


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
        base = server_url.rstrip("/") if server_url else config.server_url
        all_headers: Dict[str, str] = dict(headers) if headers else {}
        all_headers["Accept"] = operation.accept
        all_headers["user-agent"] = config.user_agent
        token = config.bearer_token()
        if token:
            all_headers["Authorization"] = (
                token if token.lower().startswith("bearer ") else f"Bearer {token}"
            )
        content: Optional[bytes] = None
        if body is not UNSET:
            content = json.dumps(body, separators=(",", ":")).encode()
            if operation.content_type:
                all_headers["content-type"] = operation.content_type
        if http_headers:
            all_headers.update(http_headers)
        if timeout_ms is None:
            timeout_ms = config.timeout_ms
        timeout: Any = timeout_ms / 1000 if timeout_ms is not None else client.timeout
        return client.build_request(
            operation.method,
            base + path,
            params=query,
            headers=all_headers,
            content=content,
            timeout=timeout,
        )

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
            return client.send(request)
        return retry(lambda: client.send(request), config, operation.retry_statuses)

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
            return await client.send(request)
        return await retry_async(
            lambda: client.send(request), config, operation.retry_statuses
        )
