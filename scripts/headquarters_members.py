#!/usr/bin/env python3
"""Which units serve on which headquarters (指挥部) — or on bodies of another type.

    python scripts/headquarters_members.py --graph govkg-out [--type headquarters|leading_group|…|all]

Prints one line per body: its member units, in order, after the number of them.
"""
from __future__ import annotations

import argparse
from itertools import groupby
from pathlib import Path

from graph import open_graph, run_query

QUERY = Path(__file__).with_suffix(".rq").read_text(encoding="utf-8")


def members(graph, body_type: str | None) -> dict[str, list[str]]:
    """Body → its units; ``body_type`` is bound as a value, never pasted into the query."""
    table = run_query(graph, QUERY, {"type": body_type} if body_type else None)
    return {body: [r["unit"] for r in group] for body, group in groupby(table.records(), key=lambda r: r["body"])}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", required=True, help="folder a `govkg build` wrote")
    ap.add_argument("--type", default="headquarters", help="body type, or 'all' (default: headquarters)")
    args = ap.parse_args()
    result = members(open_graph(args.graph), None if args.type == "all" else args.type)
    print(f"{len(result)} bodies")
    for body, units in result.items():
        print(f"{body} ({len(units)}): {'、'.join(units)}")


if __name__ == "__main__":
    main()
