"""The dependency graph of a form's expressions, built once when the form is loaded.

Nodes are *slots*: one expression role of one owner (a section or question). An edge
P -> S means S must be re-evaluated when P's result changes: S reads the value P decides
(a relevance or a calculation), or S inherits relevance from P's section or repeat group.
Only relevance and calculations change what other expressions read; required and
constraint results are ends of chains. So `${a}` and `${b}` requiring each other ("give at
least one") or constraining each other (start before end) is fine, while a relevance or
calculation that reads itself, directly or round a loop, is a cycle and rejected.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from functools import cached_property

from rhi_desktop.counted import by_count
from rhi_desktop.forms.expressions.nodes import Expr, references, uses_current


class SlotKind(IntEnum):
    """In the order a single owner's slots are evaluated."""

    RELEVANT = 0
    CALCULATION = 1
    REQUIRED = 2
    CONSTRAINT = 3

    # As the number: slots are looked up by the thousand while a session evaluates, and
    # Enum's own hash goes through Python.
    __hash__ = int.__hash__

    @property
    def field_name(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True, order=True)
class Slot:
    owner: str
    kind: SlotKind

    def __str__(self) -> str:
        return f"{self.owner}.{self.kind.field_name}"


@dataclass(frozen=True, slots=True)
class Owner:
    """A section or question, in form order, with the section or repeat it sits in."""

    id: str
    parent: str | None
    answerable: bool = True


class DependencyCycleError(Exception):
    """Reference cycles, each given as the slots round the loop."""

    def __init__(self, cycles: list[tuple[Slot, ...]]) -> None:
        super().__init__(by_count(len(cycles), "1 reference cycle", "{0} reference cycles"))
        self.cycles = cycles


@dataclass(frozen=True)
class DependencyGraph:
    expressions: Mapping[Slot, Expr]
    order: tuple[Slot, ...]
    """Every slot in an order where each comes after all it depends on."""
    rank: Mapping[Slot, int]
    readers: Mapping[str, tuple[Slot, ...]]
    """For each question, the slots whose expression reads its value (or counts its rows)."""
    children: Mapping[str, tuple[str, ...]]
    """For each section and repeat group, the questions that inherit its relevance."""
    parent: Mapping[str, str]

    @cached_property
    def plan(self) -> tuple[tuple[Slot, Expr | None], ...]:
        """Every slot in `order` with its expression (None where it has none)."""
        return tuple((slot, self.expressions.get(slot)) for slot in self.order)

    def slots_of(self, owner: str) -> tuple[Slot, ...]:
        return tuple(Slot(owner, kind) for kind in SlotKind if Slot(owner, kind) in self.rank)

    def dependents(self, question_id: str) -> frozenset[Slot]:
        """Every slot that may need re-evaluating after `question_id`'s answer changes."""
        found: set[Slot] = set()
        pending = deque(self._direct(question_id))
        while pending:
            slot = pending.popleft()
            if slot in found:
                continue
            found.add(slot)
            if slot.kind is SlotKind.RELEVANT:
                pending.extend(self._direct(slot.owner))
                pending.extend(self.slots_of(slot.owner))
                for child in self.children.get(slot.owner, ()):
                    pending.append(Slot(child, SlotKind.RELEVANT))
            elif slot.kind is SlotKind.CALCULATION:
                pending.extend(self._direct(slot.owner))
        return frozenset(found)

    def _direct(self, question_id: str) -> list[Slot]:
        own = Slot(question_id, SlotKind.CONSTRAINT)
        direct = list(self.readers.get(question_id, ()))
        return [*direct, own] if own in self.rank else direct


def build_graph(owners: Sequence[Owner], expressions: Mapping[Slot, Expr]) -> DependencyGraph:
    """Raises DependencyCycleError listing every cycle when the graph is not acyclic."""
    slots: list[Slot] = []
    parent: dict[str, str] = {}
    children: dict[str, list[str]] = {}
    for owner in owners:
        slots.append(Slot(owner.id, SlotKind.RELEVANT))
        if owner.parent is not None:
            parent[owner.id] = owner.parent
            children.setdefault(owner.parent, []).append(owner.id)
        if owner.answerable:
            slots.append(Slot(owner.id, SlotKind.REQUIRED))
        for kind in (SlotKind.CALCULATION, SlotKind.CONSTRAINT):
            if Slot(owner.id, kind) in expressions:
                slots.append(Slot(owner.id, kind))
    present = set(slots)

    readers: dict[str, list[Slot]] = {}
    for slot, expr in expressions.items():
        read = set(references(expr))
        if slot.kind is SlotKind.CONSTRAINT and uses_current(expr):
            read.add(slot.owner)
        for name in sorted(read):
            readers.setdefault(name, []).append(slot)

    edges: dict[Slot, set[Slot]] = {slot: set() for slot in slots}
    for name, reading in readers.items():
        for producer in (Slot(name, SlotKind.RELEVANT), Slot(name, SlotKind.CALCULATION)):
            if producer in present:
                edges[producer].update(reading)
    for child, owner_parent in parent.items():
        edges[Slot(owner_parent, SlotKind.RELEVANT)].add(Slot(child, SlotKind.RELEVANT))
    for slot in slots:
        if slot.kind in (SlotKind.REQUIRED, SlotKind.CONSTRAINT):
            edges[Slot(slot.owner, SlotKind.RELEVANT)].add(slot)
            calculation = Slot(slot.owner, SlotKind.CALCULATION)
            if calculation in present:
                edges[calculation].add(slot)

    natural = {slot: index for index, slot in enumerate(slots)}
    cycles = _cycles(slots, edges, natural)
    if cycles:
        raise DependencyCycleError(cycles)
    order = _topological(slots, edges, natural)
    return DependencyGraph(
        expressions=dict(expressions),
        order=tuple(order),
        rank={slot: index for index, slot in enumerate(order)},
        readers={name: tuple(sorted(r, key=natural.__getitem__)) for name, r in readers.items()},
        children={name: tuple(kids) for name, kids in children.items()},
        parent=parent,
    )


def _topological(
    slots: Iterable[Slot], edges: Mapping[Slot, set[Slot]], natural: Mapping[Slot, int]
) -> list[Slot]:
    """Kahn's algorithm, taking ready slots in form order so the result is stable."""
    incoming = dict.fromkeys(slots, 0)
    for targets in edges.values():
        for target in targets:
            incoming[target] += 1
    ready = [(natural[s], s) for s, count in incoming.items() if count == 0]
    heapq.heapify(ready)
    order: list[Slot] = []
    while ready:
        _, slot = heapq.heappop(ready)
        order.append(slot)
        for target in edges[slot]:
            incoming[target] -= 1
            if incoming[target] == 0:
                heapq.heappush(ready, (natural[target], target))
    return order


def _cycles(
    slots: Sequence[Slot], edges: Mapping[Slot, set[Slot]], natural: Mapping[Slot, int]
) -> list[tuple[Slot, ...]]:
    """One concrete loop per strongly connected component (iterative Tarjan: no recursion)."""
    index: dict[Slot, int] = {}
    low: dict[Slot, int] = {}
    stack: list[Slot] = []
    on_stack: set[Slot] = set()
    components: list[list[Slot]] = []
    for root in slots:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(sorted(edges[root], key=natural.__getitem__)))]
        while work:
            node, successors = work[-1]
            descended = False
            for target in successors:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(edges[target], key=natural.__getitem__))))
                    descended = True
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            if descended:
                continue
            work.pop()
            if work:
                caller = work[-1][0]
                low[caller] = min(low[caller], low[node])
            if low[node] == index[node]:
                component: list[Slot] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
    loops = []
    for component in components:
        if len(component) == 1 and component[0] not in edges[component[0]]:
            continue
        loops.append(_loop(set(component), edges, natural))
    return sorted(loops, key=lambda loop: natural[loop[0]])


def _loop(
    members: set[Slot], edges: Mapping[Slot, set[Slot]], natural: Mapping[Slot, int]
) -> tuple[Slot, ...]:
    """The shortest path round the component from its first slot in form order."""
    start = min(members, key=natural.__getitem__)
    came_from: dict[Slot, Slot] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for target in sorted(edges[node] & members, key=natural.__getitem__):
            if target == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return tuple(reversed(path))
            if target not in came_from:
                came_from[target] = node
                queue.append(target)
    return (start,)
