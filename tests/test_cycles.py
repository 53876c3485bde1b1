"""Import cycles between model modules are found, and only they use late module imports."""

from __future__ import annotations

from generator.cycles import import_cycles
from generator.ir import Field, ListOf, Model, Named, Primitive


def model(name: str, *refs: str) -> Model:
    fields = tuple(
        Field(ref.lower(), ref.lower(), ListOf(Named(ref, "model", ref.lower())), False, False) for ref in refs
    )
    return Model(name, name.lower(), "", fields + (Field("x", "x", Primitive("string"), True, False),))


def test_mutual_references_form_one_cycle_and_chains_none() -> None:
    cycles = import_cycles([model("A", "B"), model("B", "C", "A"), model("C"), model("D", "A"), model("E", "E")])
    assert set(cycles) == {"A", "B"}
    assert cycles["A"] == cycles["B"]


def test_two_separate_cycles_get_different_numbers() -> None:
    cycles = import_cycles([model("A", "B"), model("B", "A"), model("C", "D"), model("D", "C")])
    assert cycles["A"] == cycles["B"] != cycles["C"] == cycles["D"]


def test_long_chains_do_not_recurse() -> None:
    chain = [model(f"M{i}", f"M{i + 1}") for i in range(5000)] + [model("M5000", "M0")]
    assert len(import_cycles(chain)) == 5001
