"""Node positions computed in Python, so the browser draws at once instead of simulating.

Each connected component is laid out on its own and the components are packed in rows,
largest first, with lone nodes in a grid at the end.  Components up to
``SPRING_LIMIT`` nodes use NetworkX's ``spring_layout`` (Fruchterman–Reingold); larger
ones a sampled force layout (the same forces, with repulsion estimated from a fixed
number of random nodes), which stays linear in the size of the graph: about two seconds
for 20,000 nodes where ``spring_layout`` takes minutes.  Seeds are fixed, so the same
graph gets the same picture.
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

SPACING = 150.0       # pixels between neighbouring nodes
SPRING_LIMIT = 800
SEED = 7
ASPECT = 1.4          # the packed whole is about this much wider than tall, like a screen
Position = tuple[float, float]


def layout(G: nx.Graph) -> dict[str, Position]:
    """Positions in pixels for every node of ``G`` (direction and multiplicity ignored)."""
    U = nx.Graph()
    U.add_nodes_from(sorted(G))
    U.add_edges_from(sorted({tuple(sorted((u, v))) for u, v in G.edges() if u != v}))
    components = sorted((sorted(c) for c in nx.connected_components(U)), key=lambda c: (-len(c), c[0]))
    boxes = [_component(_ordered(U, c), c) for c in components if len(c) > 1]
    lone = [c[0] for c in components if len(c) == 1]
    if lone:
        boxes.append(_grid(lone))
    return _pack(boxes)


def _ordered(U: nx.Graph, nodes: list[str]) -> nx.Graph:
    """The subgraph on ``nodes`` with nodes and edges in sorted order (a subgraph view
    iterates in set order, which changes with the hash seed, and so would the layout)."""
    sub = nx.Graph()
    sub.add_nodes_from(nodes)
    sub.add_edges_from(sorted(tuple(sorted(e)) for e in U.subgraph(nodes).edges()))
    return sub


def _component(sub: nx.Graph, nodes: list[str]) -> dict[str, Position]:
    if len(nodes) <= SMALL:
        xy = _ring(len(nodes))            # a pair, a triangle, a square: no simulation needed
    elif len(nodes) <= SPRING_LIMIT:
        pos = nx.spring_layout(sub, seed=SEED, iterations=50 if len(nodes) <= 60 else 100)
        xy = np.array([pos[n] for n in nodes], dtype=float)
    else:
        index = {n: i for i, n in enumerate(nodes)}
        xy = sampled_layout(len(nodes), [(index[u], index[v]) for u, v in sorted(sub.edges())])
    xy -= xy.mean(axis=0)
    spread = np.sqrt((xy ** 2).sum(axis=1)).mean() or 1.0
    xy *= SPACING * math.sqrt(len(nodes)) / (2 * spread)
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, xy)}


SMALL = 4


def _ring(n: int) -> np.ndarray:
    """``n`` points evenly on a circle (a pair becomes a line)."""
    angles = np.arange(n) * (2 * math.pi / n)
    return np.stack([np.cos(angles), np.sin(angles)], axis=1)


def sampled_layout(n: int, edges: list[tuple[int, int]], iterations: int = 120,
                   samples: int = 16, seed: int = SEED) -> np.ndarray:
    """Fruchterman–Reingold with repulsion from ``samples`` random nodes per node per step.

    >>> sampled_layout(3, [(0, 1), (1, 2)]).shape
    (3, 2)
    """
    rng = np.random.default_rng(seed)
    pos = rng.uniform(-1.0, 1.0, (n, 2)) * math.sqrt(n)
    src = np.array([e[0] for e in edges], dtype=np.int64)
    dst = np.array([e[1] for e in edges], dtype=np.int64)
    step, push = math.sqrt(n) * 0.1, math.sqrt(n / samples)
    for _ in range(iterations):
        others = rng.integers(0, n, (n, samples))
        delta = pos[:, None, :] - pos[others]
        d2 = np.maximum((delta ** 2).sum(axis=-1), 1e-4)
        disp = (delta / d2[..., None]).sum(axis=1) * push             # repulsion 1/d
        delta = pos[src] - pos[dst]
        pull = delta * np.sqrt((delta ** 2).sum(axis=-1))[:, None]     # attraction d²
        np.add.at(disp, src, -pull)
        np.add.at(disp, dst, pull)
        length = np.maximum(np.sqrt((disp ** 2).sum(axis=-1)), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, step)[:, None]
        step *= 0.97
    return pos


def _grid(nodes: list[str], column: float = 3 * SPACING, row: float = SPACING / 2) -> dict[str, Position]:
    """Lone nodes in rows (wide columns, for their labels)."""
    cols = max(1, math.ceil(math.sqrt(len(nodes) / 3)))
    return {n: ((i % cols) * column, (i // cols) * row) for i, n in enumerate(nodes)}


def _pack(boxes: list[dict[str, Position]]) -> dict[str, Position]:
    """Place the boxes left to right in rows, the whole about ``ASPECT`` times as wide as tall."""
    bounds = [_bounds(b) for b in boxes]
    area = sum((x1 - x0 + SPACING) * (y1 - y0 + SPACING) for x0, y0, x1, y1 in bounds)
    width = max([math.sqrt(area * ASPECT)] + [x1 - x0 for x0, _, x1, _ in bounds])
    out: dict[str, Position] = {}
    x = y = row_height = 0.0
    for box, (x0, y0, x1, y1) in zip(boxes, bounds):
        if x > 0 and x + (x1 - x0) > width:
            x, y, row_height = 0.0, y + row_height + SPACING, 0.0
        for n, (px, py) in box.items():
            out[n] = (round(x + px - x0, 1), round(y + py - y0, 1))
        x += x1 - x0 + SPACING
        row_height = max(row_height, y1 - y0)
    return out


def _bounds(box: dict[str, Position]) -> tuple[float, float, float, float]:
    xs = [p[0] for p in box.values()]
    ys = [p[1] for p in box.values()]
    return min(xs), min(ys), max(xs), max(ys)
