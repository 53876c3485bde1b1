"""Turning arguments into wire values: models and TypedDicts into JSON data, parameters into text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict
from urllib.parse import quote

from ..types import Unset

if TYPE_CHECKING:
    import httpx
    from pydantic import TypeAdapter


def to_json_data(adapter: "TypeAdapter[Any]", value: Any) -> Any:
    """Validate models or plain dicts against their type; JSON data by wire name, unset fields left out."""
    return adapter.dump_python(
        adapter.validate_python(value), mode="json", by_alias=True, exclude_unset=True
    )


def header_value(value: Any) -> str:
    """A header parameter in the `simple` style."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ",".join(header_value(v) for v in value)
    return str(value)


def is_json(response: "httpx.Response") -> bool:
    """Whether a response declares a JSON body (`application/json`, `...+json`)."""
    header: str = response.headers.get("content-type", "")
    content_type = header.split(";")[0].strip().lower()
    return content_type == "application/json" or content_type.endswith("+json")


def header_params(values: Dict[str, Any]) -> Dict[str, str]:
    """Header parameters that were given: UNSET, None and empty values send no header."""
    return {
        name: header_value(v)
        for name, v in values.items()
        if v is not None and v != "" and not isinstance(v, Unset)
    }


def query_params(values: Dict[str, Any]) -> Dict[str, Any]:
    """Query parameters that were given (lists repeat the key, the `form` style)."""
    return {
        name: _query_value(v)
        for name, v in values.items()
        if v is not None and not isinstance(v, Unset)
    }


def _query_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return [_query_value(v) for v in value]
    return value


def to_float(value: Any) -> Any:
    """Numbers go out as JSON floats (`7` as `7.0`), as the schema's `number` type says."""
    if value is None or isinstance(value, (bool, Unset)):
        return value
    if isinstance(value, (list, tuple)):
        return [to_float(v) for v in value]
    return float(value) if isinstance(value, int) else value


def path_value(value: Any) -> str:
    """A path parameter in the `simple` style, percent-encoded."""
    return quote(header_value(value), safe="")
