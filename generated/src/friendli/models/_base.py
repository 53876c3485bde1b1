"""The base of every model: accepts Python names or wire names, and leaves out unset fields."""

from __future__ import annotations

from typing import Any, Dict

import pydantic
from pydantic import ConfigDict, model_serializer

from ..types import Unset


class BaseModel(pydantic.BaseModel):
    model_config = ConfigDict(
        populate_by_name=True, arbitrary_types_allowed=True, protected_namespaces=()
    )

    @model_serializer(mode="wrap")
    def _serialize(self, handler: Any, info: Any) -> Dict[str, Any]:
        data: Dict[str, Any] = handler(self)
        for name, field in type(self).model_fields.items():
            value = getattr(self, name, None)
            # UNSET is never sent; None is not sent for optional fields that cannot be null
            # (their default is None, where optional nullable fields default to UNSET).
            if isinstance(value, Unset) or (value is None and field.default is None):
                data.pop(field.alias if info.by_alias and field.alias else name, None)
        return data
