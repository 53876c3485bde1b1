"""Sentinels for optional arguments: UNSET (not given) is not the same as None (sent as null)."""

from __future__ import annotations

from typing import Any, NewType, TypeVar, Union

T = TypeVar("T")


class Unset:
    """The type of UNSET; there is exactly one instance."""

    _instance: "Unset | None" = None

    def __new__(cls) -> "Unset":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False

    def __copy__(self) -> "Unset":
        return self

    def __deepcopy__(self, memo: Any) -> "Unset":
        return self

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Let models hold UNSET as a default; models drop such fields when serialised."""
        from pydantic_core import core_schema

        return core_schema.is_instance_schema(
            cls,
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda _: None
            ),
        )


UNSET = Unset()
UNSET_SENTINEL = "~?~unset~?~sentinel~?~"

Nullable = Union[T, None]
"""A value that may be None (sent as null)."""

OptionalNullable = Union[T, None, Unset]
"""A value that may be omitted (UNSET, the default) or None (sent as null)."""

UnrecognizedStr = NewType("UnrecognizedStr", str)
"""An enum value the API document does not list (yet): kept as text instead of failing."""

__all__ = [
    "UNSET",
    "UNSET_SENTINEL",
    "Nullable",
    "OptionalNullable",
    "Unset",
    "UnrecognizedStr",
]
