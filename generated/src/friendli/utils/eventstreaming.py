"""Server-sent events as an iterator of typed events that always closes its connection."""

from __future__ import annotations

import json
from typing import (
    TYPE_CHECKING,
    Any,
    AsyncIterator,
    Callable,
    Dict,
    Generic,
    Iterator,
    List,
    Optional,
    TypeVar,
)

from ..models.sdkerror import ResponseValidationError

if TYPE_CHECKING:
    import httpx

T = TypeVar("T")


def is_event_stream(response: "httpx.Response") -> bool:
    """Whether a response is a stream of events (an error, say, is one JSON document)."""
    content_type: str = response.headers.get("content-type", "")
    return content_type.startswith("text/event-stream")


class _Decoder:
    """Turns lines into events: fields accumulate, `data:` lines are joined, a blank line ends an event."""

    def __init__(self) -> None:
        self.fields: Dict[str, Any] = {}
        self.data: List[str] = []

    def feed(self, line: str) -> Optional[Dict[str, Any]]:
        if not line:
            if not self.data and not self.fields:
                return None
            event, self.fields = self.fields, {}
            if self.data:
                event["data"], self.data = "\n".join(self.data), []
            return event
        if line.startswith(":"):
            return None  # a comment, used as a keep-alive
        field, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if field == "data":
            self.data.append(value)
        elif field in ("event", "id"):
            self.fields[field] = value
        elif field == "retry" and value.isdigit():
            self.fields[field] = int(value)
        return None

    def finish(self) -> Optional[Dict[str, Any]]:
        return self.feed("")


def _parsed(event: Dict[str, Any]) -> Dict[str, Any]:
    """The event with its data decoded from JSON when it is JSON."""
    data = event.get("data")
    if isinstance(data, str):
        try:
            event = dict(event, data=json.loads(data))
        except ValueError:
            pass
    return event


class _Events(Generic[T]):
    """What both streams share: how raw events become typed ones, and where they end."""

    def __init__(
        self,
        response: "httpx.Response",
        validate: Callable[[Any], T],
        sentinel: Optional[str] = None,
        envelope: bool = False,
    ) -> None:
        self.response = response
        self._validate = validate
        self._sentinel = sentinel
        self._envelope = envelope
        """True when the schema describes the whole event (`data`, `event`, `id`), not just its data."""

    def _is_end(self, event: Dict[str, Any]) -> bool:
        return self._sentinel is not None and event.get("data") == self._sentinel

    def _typed(self, event: Dict[str, Any]) -> T:
        """The event as its schema types it; one that does not match is the SDK's error, as
        a body that does not match is (the event's text is the error's body)."""
        parsed = _parsed(event)
        try:
            return self._validate(parsed if self._envelope else parsed.get("data"))
        except ValueError as error:  # pydantic's ValidationError is one
            text = event.get("data")
            body = text if isinstance(text, str) else json.dumps(event)
            raise ResponseValidationError(self.response, error, body) from error


class EventStream(_Events[T]):
    """Iterate to receive events; the connection closes at the end, on error, on break, on exit."""

    def __iter__(self) -> Iterator[T]:
        decoder = _Decoder()
        try:
            for line in self.response.iter_lines():
                event = decoder.feed(line)
                if event is None:
                    continue
                if self._is_end(event):
                    return
                yield self._typed(event)
            event = decoder.finish()
            if event is not None and not self._is_end(event):
                yield self._typed(event)
        finally:
            self.response.close()

    def __enter__(self) -> "EventStream[T]":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.response.close()

    def close(self) -> None:
        self.response.close()


class EventStreamAsync(_Events[T]):
    """The async twin of EventStream: `async for` and `async with`."""

    async def __aiter__(self) -> AsyncIterator[T]:
        decoder = _Decoder()
        try:
            async for line in self.response.aiter_lines():
                event = decoder.feed(line)
                if event is None:
                    continue
                if self._is_end(event):
                    return
                yield self._typed(event)
            event = decoder.finish()
            if event is not None and not self._is_end(event):
                yield self._typed(event)
        finally:
            await self.response.aclose()

    async def __aenter__(self) -> "EventStreamAsync[T]":
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.response.aclose()

    async def aclose(self) -> None:
        await self.response.aclose()
