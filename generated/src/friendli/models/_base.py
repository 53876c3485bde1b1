"""The base of every model: accepts Python names or wire names, and leaves out unset fields."""

from __future__ import annotations

from typing import Any, ClassVar, Dict, FrozenSet

import pydantic
from pydantic import ConfigDict, model_serializer

from ..types import Unset


class BaseModel(pydantic.BaseModel):
    model_config = ConfigDict(
        populate_by_name=True, arbitrary_types_allowed=True, protected_namespaces=()
    )

    _omit_if_none: ClassVar[FrozenSet[str]] = frozenset()
    """Optional fields that cannot be null: None means "not given" for them."""

    @model_serializer(mode="wrap")
    def _serialize(self, handler: Any, info: Any) -> Dict[str, Any]:
        data: Dict[str, Any] = handler(self)
        for name, field in type(self).model_fields.items():
            value = getattr(self, name, None)
            if isinstance(value, Unset) or (
                value is None and name in self._omit_if_none
            ):
                data.pop(field.alias if info.by_alias and field.alias else name, None)
        return data
