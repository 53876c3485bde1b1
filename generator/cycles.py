"""Which named types refer to each other in a cycle: they need imports that tolerate it."""

from __future__ import annotations

from typing import Iterable

from .ir import Model, NamedType, UnionType
from .pysyntax import named_refs


def references(named: NamedType) -> list[str]:
    """The names of the types a model's fields or a union's variants use directly."""
    if isinstance(named, Model):
        return [n.name for n in named_refs(f.type for f in named.fields)]
    if isinstance(named, UnionType):
        return [n.name for n in named_refs(named.variants)]
    return []


def import_cycles(types: Iterable[NamedType]) -> dict[str, int]:
    """Type name -> cycle number, for the types in a reference cycle of two or more modules.

    Tarjan's algorithm, iterative so that deep chains of references cannot overflow the stack.
    """
    graph = {t.name: [r for r in references(t) if r != t.name] for t in types}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    cycles: dict[str, int] = {}
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            successors = [s for s in graph.get(node, []) if s in graph]
            if child < len(successors):
                work.append((node, child + 1))
                successor = successors[child]
                if successor not in index:
                    work.append((successor, 0))
                elif successor in on_stack:
                    low[node] = min(low[node], index[successor])
                continue
            if low[node] == index[node]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == node:
                        break
                if len(members) > 1:
                    for member in members:
                        cycles[member] = index[node]
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return cycles
