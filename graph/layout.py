"""Node positions computed in Python, so the browser draws at once instead of simulating.

Every connected component is laid out at the same time by one force simulation
(Fruchterman–Reingold) whose repulsion each step comes from a fixed number of random
nodes of the same component and of nodes two edges away (those that crowd around a busy
node), so a step costs in proportion to the nodes and edges, never their square: a whole
graph costs about what its edges cost, not minutes for 20,000 nodes.  A big component
starts from the shape its graph distances give it (pivot MDS: breadth-first distances to
a few far-apart nodes), so a few dozen steps settle it.  The components are then packed in rows, largest first, with lone nodes in a grid
at the end.  Only numpy is used (no networkx, no scipy), and the seed is fixed: the same
graph gets the same picture.

>>> pos = layout(([f"n{i}" for i in range(6)], [("n0", "n1"), ("n1", "n2"), ("n3", "n4")]))
>>> sorted(pos) == [f"n{i}" for i in range(6)] and all(isinstance(x, float) for x, _ in pos.values())
True
"""
from __future__ import annotations

import math

import numpy as np

SPACING = 150.0       # pixels between neighbouring nodes
SEED = 7
SAMPLES = 16          # nodes each node is pushed away from, per step
ITERATIONS = 40       # from the pivot MDS start, 80 steps drew the same picture at twice the cost
COOLING = 0.912       # each step moves at most this much of the last one (0.912 ** 40 ≈ 0.025)
PIVOT_MDS = 100       # components of at least this many nodes start from pivot MDS …
PIVOTS = 24           # … with this many pivots
SMALL = 4             # up to this many nodes a component is a ring: nothing to simulate
ASPECT = 1.4          # the packed whole is about this much wider than tall, like a screen
Position = tuple[float, float]


def layout(G) -> dict[str, Position]:
    """Positions in pixels for every node of ``G`` (direction and multiplicity ignored):
    a NetworkX graph, a ``network.Projection``, or a pair (nodes, edges)."""
    nodes, edges = _nodes_and_edges(G)
    names = sorted(nodes)
    index = {n: i for i, n in enumerate(names)}
    pairs = sorted({(min(index[u], index[v]), max(index[u], index[v])) for u, v in edges if u != v})
    components = _components(len(names), pairs)
    boxes = []
    big = [c for c in components if len(c) > SMALL]
    if big:
        xy = _simulate(big, pairs, len(names))
        boxes += [{names[i]: (float(x), float(y)) for i, (x, y) in zip(c, _scaled(xy[c]))} for c in big]
    boxes += [{names[i]: p for i, p in zip(c, _scaled(_ring(len(c))))} for c in components if 1 < len(c) <= SMALL]
    lone = [names[c[0]] for c in components if len(c) == 1]
    if lone:
        boxes.append(_grid(lone))
    return _pack(boxes)


def _nodes_and_edges(G) -> tuple[list, list]:
    if isinstance(G, tuple):
        return list(G[0]), list(G[1])
    if hasattr(G, "degrees"):                                   # a network.Projection
        return list(G.nodes), [(u, v) for u, v, _, _ in G.edges]
    return list(G), list(G.edges())


def _components(n: int, pairs: list[tuple[int, int]]) -> list[list[int]]:
    """Connected components as sorted lists of node numbers, largest first (union–find)."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    for u, v in pairs:
        ru, rv = root(u), root(v)
        if ru != rv:
            parent[max(ru, rv)] = min(ru, rv)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda c: (-len(c), c[0]))


def _simulate(components: list[list[int]], pairs: list[tuple[int, int]], n: int) -> np.ndarray:
    """Positions of all ``n`` nodes (0 for those of no component), the ``components``
    laid out together, each in its own space."""
    members = np.concatenate([np.asarray(c, dtype=np.int64) for c in components])
    local = np.full(n, -1, dtype=np.int64)
    local[members] = np.arange(len(members))
    sizes = np.array([len(c) for c in components], dtype=np.int64)
    start = np.repeat(np.cumsum(sizes) - sizes, sizes)        # where each node's component starts
    size = np.repeat(sizes, sizes).astype(np.float64)
    ends = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    ends = local[ends[local[ends[:, 0]] >= 0]]                 # edges inside the simulated components
    adjacency = _adjacency(len(members), ends[:, 0], ends[:, 1])
    xy = _forces(start, size, ends[:, 0], ends[:, 1], _start_positions(components, adjacency, size), adjacency)
    pos = np.zeros((n, 2))
    pos[members] = xy
    return pos


def _forces(start: np.ndarray, size: np.ndarray, src: np.ndarray, dst: np.ndarray, xy: np.ndarray,
            adjacency: tuple, iterations: int = ITERATIONS, samples: int = SAMPLES, seed: int = SEED) -> np.ndarray:
    """Fruchterman–Reingold steps: node i belongs to the component of the nodes
    ``start[i]`` … ``start[i] + size[i] - 1`` and is pushed away from ``samples`` of them,
    and from ``samples`` of the nodes two edges away (those that crowd around a busy node);
    ``adjacency``: the edges ``src``–``dst`` as ``_adjacency`` gives them."""
    rng = np.random.default_rng(seed)
    m = len(start)
    x, y = xy[:, 0].copy(), xy[:, 1].copy()
    step, push = np.sqrt(size) * 0.1, np.sqrt(size / samples)
    first, degree, neighbours = adjacency
    crowd = np.bincount(np.concatenate([src, dst]), np.concatenate([degree[dst], degree[src]]), m) / samples
    sizes, degrees = size.astype(np.uint64)[:, None], degree.astype(np.uint64)
    for _ in range(iterations):
        picks = start[:, None] + _draws(rng, sizes, samples)
        fx, fy = _repulsion(x, y, picks, push)
        via = neighbours[first[:, None] + _draws(rng, degrees[:, None], samples)]
        near = neighbours[first[via] + _draws(rng, degrees[via], samples)]
        gx, gy = _repulsion(x, y, near, crowd)
        ex, ey = x[src] - x[dst], y[src] - y[dst]
        d = np.sqrt(ex * ex + ey * ey)
        fx += gx + np.bincount(dst, ex * d, m) - np.bincount(src, ex * d, m)         # attraction d²
        fy += gy + np.bincount(dst, ey * d, m) - np.bincount(src, ey * d, m)
        length = np.maximum(np.sqrt(fx * fx + fy * fy), 1e-9)
        scale = np.minimum(length, step) / length
        x, y = x + fx * scale, y + fy * scale
        step *= COOLING
    return np.stack([x, y], axis=1)


def _draws(rng: np.random.Generator, below: np.ndarray, samples: int) -> np.ndarray:
    """``samples`` random whole numbers in each row i, each under ``below[i]`` (or under
    ``below[i, j]``): 32 random bits times the bound, shifted back (cheaper than drawing
    floats and scaling them).

    >>> d = _draws(np.random.default_rng(1), np.array([[3], [1]], dtype=np.uint64), 4)
    >>> d.shape, bool((d[0] < 3).all() and (d[1] == 0).all())
    ((2, 4), True)
    """
    count = len(below) * samples
    bits = rng.bit_generator.random_raw((count + 1) // 2).view(np.uint32)[:count]
    out = bits.reshape(len(below), samples).astype(np.uint64)
    out *= below
    out >>= np.uint64(32)
    return out.view(np.int64)


def _start_positions(components: list[list[int]], adjacency: tuple, size: np.ndarray,
                     seed: int = SEED) -> np.ndarray:
    """Where the simulation starts: a big component as pivot MDS places it (its shape from
    graph distances), a smaller one at random; both spread over about √n."""
    rng = np.random.default_rng(seed)
    xy = rng.uniform(-1.0, 1.0, (len(size), 2)) * np.sqrt(size)[:, None]
    offset = 0
    for c in components:
        if len(c) >= PIVOT_MDS:
            shape = pivot_mds(adjacency, offset, len(c))
            spread = np.sqrt((shape ** 2).sum(axis=1)).mean() or 1.0
            xy[offset:offset + len(c)] = shape * (0.77 * math.sqrt(len(c)) / spread)
        offset += len(c)
    return xy


def pivot_mds(adjacency: tuple, offset: int, n: int, pivots: int = PIVOTS) -> np.ndarray:
    """Positions of the nodes ``offset`` … ``offset + n - 1`` (one connected component; its
    edges as ``_adjacency`` gives them) from their breadth-first distances to a few
    far-apart pivots (Brandes & Pich, 2006).

    >>> ring = _adjacency(8, np.arange(8), (np.arange(8) + 1) % 8)
    >>> xy = pivot_mds(ring, 0, 8)
    >>> bool(abs(np.hypot(*xy.T) - np.hypot(*xy.T).mean()).max() < 0.01 * np.hypot(*xy.T).mean())
    True
    """
    distances, nearest = [], np.full(n, np.inf)
    pivot = 0
    for _ in range(min(pivots, n)):
        d = _hops(adjacency, offset, n, offset + pivot)
        distances.append(d)
        nearest = np.minimum(nearest, d)
        pivot = int(np.argmax(nearest))
    D = np.array(distances).T ** 2
    C = -0.5 * (D - D.mean(axis=0) - D.mean(axis=1)[:, None] + D.mean())
    # C's two main axes, from its small pivots × pivots matrix: an SVD of C (or C.T @ C)
    # goes through the threaded BLAS, which on a busy machine costs a hundred times as much
    _, axes = np.linalg.eigh(np.einsum("ij,ik->jk", C, C))
    return np.einsum("ij,jk->ik", C, axes[:, :-3:-1])


def _hops(adjacency: tuple, offset: int, n: int, source: int) -> np.ndarray:
    """Breadth-first distances from ``source`` to the nodes ``offset`` … ``offset + n - 1``
    (a component: ``source`` reaches them all), a whole frontier at a time.

    >>> _hops(_adjacency(5, np.array([0, 1, 2]), np.array([1, 2, 3])), 0, 4, 1).tolist()
    [1.0, 0.0, 1.0, 2.0]
    """
    first, degree, neighbours = adjacency
    hops = np.full(n, -1.0)
    hops[source - offset] = 0
    frontier, level = np.array([source]), 0
    while frontier.size:
        level += 1
        counts = degree[frontier]
        ends = np.cumsum(counts)
        reached = neighbours[np.repeat(first[frontier] - ends + counts, counts) + np.arange(ends[-1])]
        frontier = np.unique(reached[hops[reached - offset] < 0])
        hops[frontier - offset] = level
    return hops


def _repulsion(x: np.ndarray, y: np.ndarray, others: np.ndarray, weight: np.ndarray):
    """Each node pushed away from the nodes ``others[i]``, by 1/distance times ``weight[i]``
    (in place where it can be, and each row's sum of products in one pass: half the time
    of plain array arithmetic)."""
    dx, dy = x[:, None] - x[others], y[:, None] - y[others]
    inverse = dx * dx
    inverse += dy * dy
    np.maximum(inverse, 1e-4, out=inverse)
    np.reciprocal(inverse, out=inverse)
    weight = weight.reshape(-1)
    return np.einsum("ij,ij->i", dx, inverse) * weight, np.einsum("ij,ij->i", dy, inverse) * weight


def _adjacency(m: int, src: np.ndarray, dst: np.ndarray):
    """Each node's first position in ``neighbours``, its degree, and its neighbours, in one array."""
    ends, others = np.concatenate([src, dst]), np.concatenate([dst, src])
    order = np.argsort(ends, kind="stable")
    degree = np.bincount(ends, minlength=m)
    first = np.concatenate([[0], np.cumsum(degree)[:-1]])
    return first, degree, others[order]


def _scaled(xy: np.ndarray) -> np.ndarray:
    """A component's positions centred, spread so that neighbours sit about ``SPACING`` apart."""
    xy = xy - xy.mean(axis=0)
    spread = np.sqrt((xy ** 2).sum(axis=1)).mean() or 1.0
    return xy * (SPACING * math.sqrt(len(xy)) / (2 * spread))


def _ring(n: int) -> np.ndarray:
    """``n`` points evenly on a circle (a pair becomes a line)."""
    angles = np.arange(n) * (2 * math.pi / n)
    return np.stack([np.cos(angles), np.sin(angles)], axis=1)


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
            out[n] = (round(float(x + px - x0), 1), round(float(y + py - y0), 1))
        x += x1 - x0 + SPACING
        row_height = max(row_height, y1 - y0)
    return out


def _bounds(box: dict[str, Position]) -> tuple[float, float, float, float]:
    xs = [p[0] for p in box.values()]
    ys = [p[1] for p in box.values()]
    return min(xs), min(ys), max(xs), max(ys)
