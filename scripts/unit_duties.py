#!/usr/bin/env python3
"""Every duty of one unit across plans, and the tasks it leads, supports or answers for.

    python scripts/unit_duties.py --graph govkg-out --unit 鄂尔多斯市应急管理局

Prints the unit's charges plan by plan, oldest plan first.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from graph import open_graph, run_query

QUERY = Path(__file__).with_suffix(".rq").read_text(encoding="utf-8")
AS = {"duty": "职责", "lead": "牵头", "support": "配合", "responsible": "责任"}


def charges(graph, unit: str) -> list[dict]:
    return run_query(graph, QUERY, {"unit": unit}).records()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", required=True, help="folder a `govkg build` wrote")
    ap.add_argument("--unit", required=True, help="the unit's canonical name")
    args = ap.parse_args()
    rows = charges(open_graph(args.graph), args.unit)
    print(f"{args.unit}: {len(rows)} duties and tasks")
    document = None
    for r in rows:
        if r["document"] != document:
            document = r["document"]
            print(f"\n{document} {r['date']}")
        where = f" [{r['body']}]" if r["body"] else ""
        print(f"  {AS.get(r['as'], r['as'])}{where} {r['text']}")


if __name__ == "__main__":
    main()
