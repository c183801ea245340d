"""Shared pieces of the patterns: flags and character classes."""
from __future__ import annotations

import re
import sys
from typing import Iterator

__test__: dict[str, str] = {}   # the examples below, run by doctest

X = re.VERBOSE

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
__test__["HAN"] = """Character-class body for Han characters."""

COLON = r"[：:]"
LPAREN = r"[（(]"
RPAREN = r"[）)]"


class Cued:
    """A compiled pattern run only on text that holds one of its ``cues``: strings of which
    every match holds one, so that text without them cannot match.  Most lines hold none,
    and looking for a word or two costs far less than a search through the line.  Behaves
    as the compiled pattern (``search``, ``match``, ``fullmatch``, ``finditer``,
    ``findall``, ``sub``; other attributes pass through).

    >>> p = Cued(re.compile(r"(?:同时)?废止"), ("废止",))
    >>> p.search("本办法同时废止。").group(), p.search("本办法自发布之日起施行。")
    ('同时废止', None)
    >>> [m.span() for m in p.finditer("废止，废止", 1)], p.sub("", "同时废止了")
    ([(3, 5)], '了')
    """

    __slots__ = ("compiled", "cues", "gate")

    def __init__(self, compiled: re.Pattern, cues: tuple[str, ...]):
        self.compiled, self.cues = compiled, cues
        self.gate = re.compile("|".join(map(re.escape, cues)))     # the cues as one alternation

    def cued(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """Whether ``string[pos:endpos]`` holds a cue (the pattern may match there)."""
        return self.gate.search(string, pos, endpos) is not None

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self.compiled.search(string, pos, endpos) if self.gate.search(string, pos, endpos) else None

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self.compiled.match(string, pos, endpos) if self.gate.search(string, pos, endpos) else None

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self.compiled.fullmatch(string, pos, endpos) if self.gate.search(string, pos, endpos) else None

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match]:
        return self.compiled.finditer(string, pos, endpos) if self.gate.search(string, pos, endpos) else iter(())

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list:
        return self.compiled.findall(string, pos, endpos) if self.gate.search(string, pos, endpos) else []

    def sub(self, repl, string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count) if self.gate.search(string) else string

    def __getattr__(self, name: str):
        return getattr(self.compiled, name)
