"""The error raised for any 4XX or 5XX response (and for responses the SDK cannot parse)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    import httpx

MAX_MESSAGE_LEN = 10000


class SDKError(Exception):
    """An HTTP error response: status code, body, headers and the raw response."""

    def __init__(
        self, message: str, raw_response: "httpx.Response", body: Optional[str] = None
    ) -> None:
        body_text = body if body is not None else raw_response.text
        self.status_code: int = raw_response.status_code
        self.body: str = body_text
        self.headers: "httpx.Headers" = raw_response.headers
        self.raw_response: "httpx.Response" = raw_response
        self.message: str = _describe(message, raw_response, body_text)
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


def _describe(message: str, response: "httpx.Response", body: str) -> str:
    """`API error occurred: Status 500 Content-Type text/plain. Body: ...` (never the request's headers)."""
    text = f"{message}: " if message else ""
    text += f"Status {response.status_code}"
    content_type = response.headers.get("content-type", '""')
    if content_type != "application/json":
        text += (
            f' Content-Type "{content_type}"'
            if " " in content_type
            else f" Content-Type {content_type}"
        )
    shown = body or '""'
    if len(shown) > MAX_MESSAGE_LEN:
        shown = (
            f"{shown[:MAX_MESSAGE_LEN]}...and {len(shown) - MAX_MESSAGE_LEN} more chars"
        )
    return f"{text}. Body: {shown}".strip()


class ResponseValidationError(SDKError):
    """A response with a success status whose body (or one of its events, whose text is then
    the `body`) does not match the documented schema."""

    def __init__(
        self,
        raw_response: "httpx.Response",
        cause: Exception,
        body: Optional[str] = None,
    ) -> None:
        super().__init__("Response validation failed", raw_response, body)
        self.cause = cause
        self.message = f"Response validation failed: {cause}"
        self.args = (self.message,)

    def __str__(self) -> str:
        return self.message
