"""Turning arguments into wire values: models and TypedDicts into JSON data, parameters into text."""

from __future__ import annotations

import base64
import json
import re
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Tuple
from urllib.parse import quote, urlencode

from ..types import Unset

if TYPE_CHECKING:
    import httpx
    from pydantic import TypeAdapter


def to_json_data(adapter: "TypeAdapter[Any]", value: Any) -> Any:
    """Validate models or plain dicts against their type; JSON data by wire name, unset fields left out."""
    return adapter.dump_python(
        adapter.validate_python(value), mode="json", by_alias=True, exclude_unset=True
    )


def param_json(adapter: "TypeAdapter[Any]", value: Any) -> Any:
    """A parameter's models and TypedDicts as JSON data by wire name (see `to_json_data`);
    None and UNSET, which send nothing, as they are."""
    if value is None or isinstance(value, Unset):
        return value
    return to_json_data(adapter, value)


def header_value(value: Any, explode: bool = False) -> str:
    """A parameter in the `simple` style: list items joined by commas; an object's fields as
    `key,value,...`, or `key=value,...` exploded."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict) and explode:
        fields = [(k, v) for k, v in value.items() if v is not None]
        return ",".join(f"{k}={header_value(v)}" for k, v in fields)
    if isinstance(value, (list, tuple, dict)):
        return ",".join(header_value(part) for part in _parts(value))
    return str(value)


def _parts(value: Any) -> List[Any]:
    """What the `simple` and `form` styles join by commas: a list's items, or an object's
    keys and values (fields that are None left out)."""
    if isinstance(value, dict):
        return [part for k, v in value.items() if v is not None for part in (k, v)]
    return list(value)


def is_json(response: "httpx.Response") -> bool:
    """Whether a response declares a JSON body (`application/json`, `...+json`)."""
    header: str = response.headers.get("content-type", "")
    content_type = header.split(";")[0].strip().lower()
    return content_type == "application/json" or content_type.endswith("+json")


def _given(value: Any) -> bool:
    """Whether a parameter has a value to send: UNSET, None and, as RFC 6570 has it, an
    empty list or object have none."""
    if value is None or isinstance(value, Unset):
        return False
    return bool(value) or not isinstance(value, (list, tuple, dict))


def header_params(
    values: Dict[str, Any], exploded: Tuple[str, ...] = ()
) -> Dict[str, str]:
    """Header parameters that were given; one whose text is empty sends no header. The
    objects of those `exploded` names are written `key=value,...`."""
    found: Dict[str, str] = {}
    for name, value in values.items():
        if _given(value):
            text = header_text(name, header_value(value, name in exploded))
            if text:
                found[name] = text
    return found


_NOT_IN_A_HEADER = re.compile(r"[^\t\x20-\x7e]")
"""What HTTP cannot carry in a header's value: anything but visible ASCII, spaces and tabs
(a line break would end the header)."""


def header_text(name: str, text: str) -> str:
    """A header's value, refused here, naming the header, when HTTP cannot carry it.
    Spaces and tabs around it are dropped: HTTP allows none there."""
    found = _NOT_IN_A_HEADER.search(text)
    if found is not None:
        raise ValueError(
            f"header {name!r}: character {found.group()!r} at index {found.start()}"
            " cannot be sent in an HTTP header (visible ASCII, spaces and tabs only)"
        )
    return text.strip(" \t")


_COOKIE_SAFE = "!#$&'()*+-./:<=>?@[]^_`{|}~"
"""What a cookie value may hold as it is: RFC 6265's cookie-octets but `%`, which starts an
escape. The rest is percent-encoded, so a `;` in a value cannot start another cookie."""


def cookie_value(value: Any) -> str:
    """A cookie parameter in the `form` style: a list's items or an object's keys and values
    joined by commas, each encoded."""
    if isinstance(value, (list, tuple, dict)):
        return ",".join(cookie_value(part) for part in _parts(value))
    return quote(header_value(value), safe=_COOKIE_SAFE)


def cookie_header(values: Dict[str, Any], flat: Tuple[str, ...] = ()) -> Dict[str, str]:
    """Cookie parameters that were given, as one `Cookie` header (the `form` style): an
    object's fields are a cookie each, but for those `flat` names (`explode: false`), whose
    object is one cookie of keys and values."""
    given: List[str] = []
    for name, value in values.items():
        if not _given(value):
            continue
        if isinstance(value, dict) and name not in flat:
            items = [(k, v) for k, v in value.items() if v is not None]
            given += [f"{cookie_value(k)}={cookie_value(v)}" for k, v in items]
        else:
            given.append(f"{name}={cookie_value(value)}")
    return {"Cookie": "; ".join(given)} if given else {}


def query_params(
    values: Dict[str, Any], styles: Optional[Dict[str, str]] = None
) -> Dict[str, Any]:
    """Query parameters that were given, in their style.

    `form` (the default) repeats the key for each list item and spreads an object's fields;
    `form-flat` joins them with commas; `deepObject` writes `name[field]`; `spaceDelimited`
    and `pipeDelimited` join lists with spaces or pipes.
    """
    result: Dict[str, Any] = {}
    for name, value in values.items():
        if not _given(value):
            continue
        style = (styles or {}).get(name, "form")
        if isinstance(value, dict):
            fields = {k: _query_value(v) for k, v in value.items() if v is not None}
            if style == "deepObject":
                result.update({f"{name}[{k}]": v for k, v in fields.items()})
            elif style == "form-flat":
                result[name] = ",".join(f"{k},{v}" for k, v in fields.items())
            else:
                result.update(fields)
        elif isinstance(value, (list, tuple)) and style in (
            "form-flat",
            "spaceDelimited",
            "pipeDelimited",
        ):
            separator = {"form-flat": ",", "spaceDelimited": " ", "pipeDelimited": "|"}[
                style
            ]
            result[name] = separator.join(str(_query_value(v)) for v in value)
        else:
            result[name] = _query_value(value)
    return result


def _query_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return [_query_value(v) for v in value]
    # an object inside a value (OpenAPI defines no style for it): JSON
    if isinstance(value, dict):
        return json.dumps(value, separators=(",", ":"), allow_nan=False)
    return value


def to_float(value: Any) -> Any:
    """Numbers go out as JSON floats (`7` as `7.0`), as the schema's `number` type says."""
    if value is None or isinstance(value, (bool, Unset)):
        return value
    if isinstance(value, (list, tuple)):
        return [to_float(v) for v in value]
    return float(value) if isinstance(value, int) else value


def path_value(value: Any) -> str:
    """A path parameter in the `simple` style, percent-encoded but for the commas between a
    list's items or an object's keys and values (RFC 6570). Dots are encoded too when they
    are all there is: a segment `..` or `.` would be removed by URL normalisation and send
    the request elsewhere, as an empty one would (`/items/` for `/items/{id}`)."""
    parts = _parts(value) if isinstance(value, (list, tuple, dict)) else [value]
    encoded = ",".join(quote(header_value(part), safe="") for part in parts)
    if not encoded:
        raise ValueError(f"a path parameter cannot be empty (got {value!r})")
    return encoded.replace(".", "%2E") if encoded.strip(".") == "" else encoded


def encode_body(body: Any, content_type: str) -> Dict[str, Any]:
    """The request body as httpx takes it (`content=`, or `data=` and `files=` for multipart).
    NaN and infinities are a ValueError: JSON has no such numbers."""
    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/json" or kind.endswith("+json"):
        return {
            "content": json.dumps(
                body, separators=(",", ":"), default=_json_default, allow_nan=False
            ).encode()
        }
    if kind == "application/x-www-form-urlencoded":
        return {"content": urlencode(list(_form_pairs(body, ""))).encode()}
    if kind.startswith("multipart/"):
        data: Dict[str, Any] = {}
        files: List[Tuple[str, Any]] = []
        for name, value in (body or {}).items():
            if _is_file(value):
                files.append(
                    (name, value if isinstance(value, tuple) else (name, value))
                )
            # a JSON part, labelled so servers parse it as JSON
            elif isinstance(value, (dict, list)):
                part = json.dumps(value, allow_nan=False)
                files.append((name, (None, part, "application/json")))
            elif value is not None:
                data[name] = value if isinstance(value, str) else _text(value)
        # without a file httpx would send the form urlencoded: send the fields as parts
        if not files:
            return {"files": [(name, (None, text)) for name, text in data.items()]}
        return {"data": data, "files": files}
    if isinstance(body, (bytes, bytearray)) or hasattr(body, "read"):
        return {"content": body}
    text = body if isinstance(body, str) else json.dumps(body, allow_nan=False)
    return {"content": text.encode()}


def _json_default(value: Any) -> Any:
    """`format: byte` values travel in JSON as base64 text."""
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _is_file(value: Any) -> bool:
    return isinstance(value, (bytes, bytearray, tuple)) or hasattr(value, "read")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _form_pairs(value: Any, prefix: str) -> Iterator[Tuple[str, str]]:
    """Form fields; objects nest as `key[field]` (the deepObject style), lists repeat the key."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _form_pairs(item, f"{prefix}[{key}]" if prefix else str(key))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _form_pairs(item, prefix)
    elif value is not None:
        yield prefix, _text(value)
