"""The claim graph and its closure, computed once when a pack is compiled.

Claims are nodes; ``implies`` (directed), ``contradicts`` (symmetric) and ``negates`` (the claim is
the logical negation of another) are edges. Reasoning happens over *literals*, a claim with a
polarity, so that negation is structure rather than a special case:

* ``A implies B``    gives  +A -> +B   and its contrapositive  -B -> -A
* ``A contradicts B`` gives  +A -> -B   and  +B -> -A
* ``X negates E``     gives  +X <-> -E  and  -X <-> +E

The closure of a literal is everything it entails. A literal *conflicts with the sources* when its
closure holds the denial of an established claim; the shortest path is the explanation printed with
the finding. The result is stored as plain dicts and tuples so that linting never imports networkx.
"""

from __future__ import annotations

import networkx as nx

from factlint.pack.model import Claim, Conflict, Literal


def literal_graph(claims: dict[str, Claim]) -> nx.DiGraph:
    """The directed graph of literals described in the module docstring."""
    g = nx.DiGraph()
    for cid in claims:
        g.add_node((cid, True))
        g.add_node((cid, False))
    for c in claims.values():
        for b in c.implies:
            g.add_edge((c.id, True), (b, True), kind="implies")
            g.add_edge((b, False), (c.id, False), kind="implies")
        for b in c.contradicts:
            g.add_edge((c.id, True), (b, False), kind="contradicts")
            g.add_edge((b, True), (c.id, False), kind="contradicts")
        if c.negates:
            e = c.negates
            for a, b in (((c.id, True), (e, False)), ((e, False), (c.id, True)),
                         ((c.id, False), (e, True)), ((e, True), (c.id, False))):
                g.add_edge(a, b, kind="negates")
    return g


def claim_graph(claims: dict[str, Claim]) -> nx.MultiDiGraph:
    """The claim-level graph (one node per claim, one edge per relation) for export and display."""
    g = nx.MultiDiGraph()
    for c in sorted(claims.values(), key=lambda c: c.id):
        g.add_node(c.id, status=c.status, statement=c.statement, category=c.category or "")
    for c in sorted(claims.values(), key=lambda c: c.id):
        for b in c.implies:
            g.add_edge(c.id, b, kind="implies")
        for b in c.contradicts:
            g.add_edge(c.id, b, kind="contradicts")
        if c.negates:
            g.add_edge(c.id, c.negates, kind="negates")
    return g


def build_reasoning(
    claims: dict[str, Claim],
) -> tuple[
    dict[Literal, frozenset[Literal]],
    dict[Literal, tuple[Conflict, ...]],
    dict[Literal, str],
    tuple[tuple[str, str, str], ...],
]:
    """Closure, conflicts with established claims, the reporting rule of each literal, edges."""
    g = literal_graph(claims)
    established = sorted(c.id for c in claims.values() if c.status == "established")
    closure: dict[Literal, frozenset[Literal]] = {}
    conflicts: dict[Literal, tuple[Conflict, ...]] = {}
    for lit in sorted(g.nodes):
        reach = nx.descendants(g, lit) | {lit}
        closure[lit] = frozenset(reach)
        found = []
        for e in established:
            if (e, False) in reach:
                path = nx.shortest_path(g, lit, (e, False))
                found.append(Conflict(e, tuple(_describe(path, g))))
        conflicts[lit] = tuple(sorted(found, key=lambda k: (len(k.path), k.established)))
    reporter: dict[Literal, str] = {}
    for c in claims.values():
        if c.status == "overclaim":
            reporter[(c.id, True)] = c.id
            if c.negates:
                reporter.setdefault((c.negates, False), c.id)
    edges = tuple(sorted((a, kind, b) for a, b, kind in claim_graph(claims).edges(data="kind")))
    return closure, conflicts, reporter, edges


def _describe(path: list[Literal], g: nx.DiGraph) -> list[str]:
    """Render a literal path as words: ``ketamine.cure => ketamine.permanent-relief``..."""
    out = [_lit(path[0])]
    for a, b in zip(path, path[1:]):
        kind = g.edges[a, b]["kind"]
        sym = {"implies": "=>", "contradicts": "contradicts", "negates": "is the denial of"}[kind]
        # The target of "contradicts" and "negates" is reached as a denial; name the claim itself.
        out.append(f"{sym} {b[0] if kind in ('contradicts', 'negates') and not b[1] else _lit(b)}")
    return out


def _lit(lit: Literal) -> str:
    return lit[0] if lit[1] else f"not {lit[0]}"
