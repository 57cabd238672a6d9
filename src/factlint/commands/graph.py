"""``factlint rules graph``: the claim graph as DOT, Mermaid or GraphML."""

from __future__ import annotations

import io

from factlint.pack.model import Pack

_STYLE = {"established": "shape=box, style=filled, fillcolor=\"#d9f2d9\"",
          "overclaim": "shape=box, style=filled, fillcolor=\"#f9d6d5\"",
          "neutral": "shape=box"}


def _q(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def render_graph(pack: Pack, fmt: str) -> str:
    """The pack's claim graph in ``fmt`` (dot, mermaid or graphml); deterministic output."""
    claims = sorted(pack.claims.values(), key=lambda c: c.id)
    if fmt == "dot":
        out = [f'digraph "{_q(pack.name)}" {{', "  rankdir=LR;"]
        for c in claims:
            label = f"{c.id}\\n{c.category or c.status}"
            out.append(f'  "{_q(c.id)}" [label="{label}", {_STYLE[c.status]}];')
        for a, kind, b in pack.edges:
            style = {"contradicts": "color=red, dir=both", "implies": "color=black",
                     "negates": "color=red, style=dashed"}[kind]
            out.append(f'  "{_q(a)}" -> "{_q(b)}" [label="{kind}", {style}];')
        out.append("}")
        return "\n".join(out) + "\n"
    if fmt == "mermaid":
        ids = {c.id: f"n{i}" for i, c in enumerate(claims)}
        out = ["graph LR"]
        for c in claims:
            shape = ("[", "]") if c.status == "established" else ("([", "])")
            out.append(f'  {ids[c.id]}{shape[0]}"{c.id}<br/>{c.category or c.status}"{shape[1]}')
        for a, kind, b in pack.edges:
            arrow = {"contradicts": "<-. contradicts .->", "implies": "-- implies -->", "negates": "-. negates .->"}[kind]
            out.append(f"  {ids[a]} {arrow} {ids[b]}")
        return "\n".join(out) + "\n"
    import networkx as nx

    from factlint.pack.graph import claim_graph

    g = claim_graph(pack.claims)
    buf = io.BytesIO()
    nx.write_graphml(g, buf)
    return buf.getvalue().decode("utf-8")
