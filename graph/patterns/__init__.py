r"""Regular expressions: one named ``re.VERBOSE`` constant each, with an example.

Patterns accept the forms a gazette prints rather than normalising the text (which would
move offsets): full-width and ASCII punctuation alike, 〔〕[]()（） around years, optional
spaces.  ``re.VERBOSE`` ignores ASCII white space only, so ``\u3000`` in a pattern still
matches a full-width space; literal spaces are written ``[ ]`` or ``\s``.
"""
from __future__ import annotations

# One namespace for every pattern (``from graph import patterns as P``), kept in modules by
# topic; each module's ``__test__`` examples run under doctest.
from .common import *      # noqa: F401,F403
from .text import *        # noqa: F401,F403
from .headers import *     # noqa: F401,F403
from .bodies import *      # noqa: F401,F403
from .duties import *      # noqa: F401,F403
