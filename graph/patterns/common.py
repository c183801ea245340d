"""Shared pieces of the patterns: flags and character classes."""
from __future__ import annotations

import re

__test__: dict[str, str] = {}   # the examples below, run by doctest

X = re.VERBOSE

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
__test__["HAN"] = """Character-class body for Han characters."""

COLON = r"[：:]"
LPAREN = r"[（(]"
RPAREN = r"[）)]"
