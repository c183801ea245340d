#!/usr/bin/env python3
"""The busiest agencies: bodies served on, duties, tasks and documents issued.

    python scripts/busiest_agencies.py --graph govkg-out [--top 20]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from graph import open_graph, run_query
from graph.query import format_table

QUERY = Path(__file__).with_suffix(".rq").read_text(encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", required=True, help="folder a `govkg build` wrote")
    ap.add_argument("--top", type=int, default=20, help="how many agencies (default 20)")
    args = ap.parse_args()
    print(format_table(run_query(open_graph(args.graph), QUERY, limit=args.top)), end="")


if __name__ == "__main__":
    main()
