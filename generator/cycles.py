"""Which named types refer to each other in a cycle: they need imports that tolerate it."""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class ImportGraph:
    """The imports between model modules, built once for both questions asked of them: which
    modules import each other in a cycle, and where chains of imports grow too long."""

    uses: dict[str, list[str]]
    """Type name -> the other types it uses directly."""
    module: dict[str, str]
    """Type name -> its module."""


def import_graph(types: Iterable[NamedType]) -> ImportGraph:
    """The graph of `types`: a type's use of itself is no import."""
    named = list(types)
    return ImportGraph(
        {t.name: [r for r in references(t) if r != t.name] for t in named}, {t.name: t.module for t in named}
    )


def import_cycles(imports: ImportGraph) -> dict[str, int]:
    """Type name -> cycle number, for the types in a reference cycle of two or more modules.

    Tarjan's algorithm, iterative so that deep chains of references cannot overflow the stack.
    """
    graph = imports.uses
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


DEEP_IMPORTS = 25
"""How long a chain of model modules importing each other may grow from one import. Each link
costs Python's import machinery about seven frames, so a chain of some 130 links exceeds the
default recursion limit; past this length the models package imports the chain leaves first."""


def deep_imports(imports: ImportGraph, limit: int = DEEP_IMPORTS) -> dict[str, list[str]]:
    """Module -> the modules it imports that begin chains of imports longer than `limit`, for
    each module that begins one itself: what the models package imports first (`init.py.jinja`),
    so that no import starts a chain longer than `limit`. Empty for most APIs (Stripe's longest
    chain is 43 links: 64 entries)."""
    graph, module = imports.uses, imports.module
    height = _chain_lengths(graph)
    deep = {name for name, length in height.items() if length > limit}
    table: dict[str, list[str]] = {}
    for name in sorted(deep, key=lambda n: module[n]):
        first = sorted({module[r] for r in graph[name] if r in deep})
        if first:
            table[module[name]] = first
    return table


def _chain_lengths(graph: dict[str, list[str]]) -> dict[str, int]:
    """Each node's longest chain of references to nodes of the graph (itself counted), a
    reference back to a node still on the chain counting for nothing; iterative, as chains
    are what it measures."""
    length: dict[str, int] = {}
    for root in graph:
        if root in length:
            continue
        on_chain = {root}
        work = [(root, iter(graph[root]))]
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor in graph and successor not in length and successor not in on_chain:
                    on_chain.add(successor)
                    work.append((successor, iter(graph[successor])))
                    break
            else:
                work.pop()
                on_chain.discard(node)
                length[node] = 1 + max((length.get(s, 0) for s in graph[node] if s in graph), default=0)
    return length
