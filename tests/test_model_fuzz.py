"""Random data, shaped by each model's own fields (seeded), against the models of generated SDKs:
data that does not fit is pydantic's ValidationError (which the SDK reports as
ResponseValidationError), never another exception; data that fits survives a round trip
(dumped by wire names and read again, it dumps the same).
"""

from __future__ import annotations

import json
import random
import typing
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pydantic
import pytest
from support.generation import generate_sdk, imported_sdk

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT.parent / "shared" / "specs"
DOCUMENTS = ("oag-python-petstore-fake.yaml", "oag-composed-oneof.yaml", "oag-allof-discriminator-recursive.yaml")
CASES = 400
_ODD: tuple[Any, ...] = (None, 0, -1, 1.5, True, "", "x", "2024-01-01T00:00:00Z", "aGk=", "caf\u00e9", [], {}, 10**20)


@pytest.fixture(scope="module", params=DOCUMENTS)
def models(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = generate_sdk(SPECS / request.param, tmp_path_factory.mktemp("models") / "sdk")
    with imported_sdk(out, "sdk.models") as models:
        yield models


class _Shapes:
    """Data for a type: mostly what its annotation asks for, sometimes anything at all."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def value(self, annotation: Any, depth: int = 0) -> Any:
        rng, args = self.rng, typing.get_args(annotation)
        origin = typing.get_origin(annotation)
        if rng.random() < 0.15 or depth > 4:
            return rng.choice(_ODD)
        if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
            return self.instance(annotation, depth + 1)
        if origin is list and args:
            return [self.value(args[0], depth + 1) for _ in range(rng.randint(0, 3))]
        if origin is dict and len(args) == 2:
            return {rng.choice("abc"): self.value(args[1], depth + 1) for _ in range(rng.randint(0, 3))}
        if args:  # a union, Optional, Annotated, Literal: one of its parts
            part = rng.choice(args)
            return part if origin is typing.Literal else self.value(part, depth)
        plain: dict[Any, tuple[Any, ...]] = {
            str: ("x", "", "caf\u00e9", "2024-01-01"),
            int: (0, 1, -5, 2**40),
            float: (0.5, 1, -2.0),
            bool: (True, False),
        }
        return rng.choice(plain.get(annotation, _ODD))

    def instance(self, model: type[pydantic.BaseModel], depth: int = 0) -> dict[str, Any]:
        data = {
            field.alias or name: self.value(field.annotation, depth)
            for name, field in model.model_fields.items()
            if self.rng.random() >= 0.2
        }
        if self.rng.random() < 0.2:
            data["unknown_key"] = self.rng.choice(_ODD)
        return data


def _is_error(target: Any) -> bool:
    return isinstance(target, type) and issubclass(target, Exception)


def test_random_data_is_read_or_refused_and_what_is_read_round_trips(models: ModuleType) -> None:
    names = sorted(n for n in dir(models) if not n.startswith("_") and not n.endswith("TypedDict"))
    targets = [(n, getattr(models, n)) for n in names]
    typed = [(n, t) for n, t in targets if not isinstance(t, ModuleType) and not _is_error(t)]
    adapters = [(n, pydantic.TypeAdapter(t), t) for n, t in typed]
    rng = random.Random(0)
    shapes = _Shapes(rng)
    read = 0
    warnings.simplefilter("ignore", DeprecationWarning)  # deprecated fields warn when set
    for index in range(CASES):
        name, adapter, target = rng.choice(adapters)
        is_model = isinstance(target, type) and issubclass(target, pydantic.BaseModel)
        text = json.dumps(shapes.instance(target) if is_model else shapes.value(target))
        told = f"case {index}: {name} from {text[:400]}"
        try:
            value = adapter.validate_json(text)
        except pydantic.ValidationError:
            continue
        except Exception as error:  # noqa: BLE001 - the promise broken: say which case
            pytest.fail(f"{told}: {type(error).__name__}: {error}")
        read += 1
        dumped = adapter.dump_json(value, by_alias=True)
        assert adapter.dump_json(adapter.validate_json(dumped), by_alias=True) == dumped, told
    assert read, "no case fitted its model: the cases prove nothing"
