"""The base of every model: accepts Python names or wire names, and leaves out unset fields."""

from __future__ import annotations

import base64
from typing import Any, Callable, Dict, Optional, Tuple, Type

import pydantic
from pydantic import ConfigDict, model_serializer
from typing_extensions import Annotated

from ..types import Unset


def _from_base64(value: Any, info: pydantic.ValidationInfo) -> Any:
    """Text read from JSON is base64 (standard alphabet, padded) and becomes the bytes it encodes;
    text that is not base64 is kept as its UTF-8 bytes, as are bytes or text given in Python.
    """
    if info.mode == "json" and isinstance(value, str):
        try:
            return base64.b64decode(value, validate=True)
        except ValueError:  # binascii.Error, or text that is not ASCII
            return value.encode("utf-8")
    return value


def _to_base64(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


Base64Bytes = Annotated[
    bytes,
    pydantic.BeforeValidator(_from_base64),
    pydantic.PlainSerializer(_to_base64, when_used="json"),
]
"""`bytes` of a model field: base64 text in JSON (`format: byte`; JSON cannot carry raw bytes)."""


class BaseModel(pydantic.BaseModel):
    model_config = ConfigDict(
        populate_by_name=True, arbitrary_types_allowed=True, protected_namespaces=()
    )

    @model_serializer(mode="wrap")
    def _serialize(self, handler: Any, info: Any) -> Dict[str, Any]:
        data: Dict[str, Any] = handler(self)
        for name, field in type(self).model_fields.items():
            value = self.__dict__.get(
                name
            )  # not getattr: reading a deprecated field warns
            # UNSET is never sent; None is not sent for optional fields that cannot be null
            # (their default is None, where optional nullable fields default to UNSET).
            if isinstance(value, Unset) or (value is None and field.default is None):
                data.pop(field.alias if info.by_alias and field.alias else name, None)
        return data


def discriminate(
    wire_name: str, tags: Dict[str, str], variants: Tuple[Type[BaseModel], ...]
) -> Callable[[Any], Optional[str]]:
    """The variant of a discriminated union a value is: an already-built model's class, or the one
    the discriminator's value names in data off the wire. For a value the document does not list,
    the first variant that accepts the data (None, an error, when none does)."""

    def tag(value: Any) -> Optional[str]:
        if not isinstance(value, dict):
            return type(value).__name__
        found = value.get(wire_name)
        if isinstance(found, str) and found in tags:
            return tags[found]
        for variant in variants:
            try:
                variant.model_validate(value)
            except pydantic.ValidationError:
                continue
            return variant.__name__
        return None

    return tag
