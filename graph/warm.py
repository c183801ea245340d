"""What the stages load on first use, loaded at once: the lexicons' tables and what is
built from them (the place-name table, the folding table, patterns made of lexicon words).

A build calls ``warm`` once before it forks its workers, so that they start with all of it
in memory, shared with the build's process, instead of each worker importing the stages,
reading the tables and compiling the patterns again (``graph.build``).  Nothing here
changes what the stages produce: each loader is cached (``functools.cache``) and would be
called on first use.
"""
from __future__ import annotations

from . import clean, lexicon, metadata, names, resolve
from . import network, pipeline, rdf, rows  # noqa: F401 — the stages' patterns, and what a build's worker imports
from .extract import appointments, bodies, duties, leaders, members, tables, units
from .patterns import duties as duty_patterns

LOADERS = (
    lexicon.jurisdictions, lexicon.province_abbreviations, lexicon.body_suffixes, lexicon.label_suffixes,
    lexicon.body_roles,
    names.foldable, names.level_words, names.not_level_prefixes, names.government_heads, names.unit_suffixes,
    metadata.label_pattern, metadata.field_of,
    clean.chrome_words,
    resolve.abbreviations, resolve.collective_rules, resolve.post_titles,
    leaders.role_patterns, leaders.post_ends, leaders.leader_roles,
    bodies.suffix_pattern, bodies.name_pattern, bodies.label_pattern,
    duties._holder_words, duties._lead_words,
    tables.relation_of, tables._column_words,
    members.rank_units,
    appointments._roles,
)
"""The cached loaders of the stages that take no argument."""

PATTERNS = (units.UNIT_END, duty_patterns.TASK_COLUMN)
"""The patterns built from lexicon words on first use (``names.LexiconPattern``)."""

AREAS = "天津市宝坻区人民政府"
"""A name whose reading loads the place-name table and the areas by name and by code."""


def warm() -> None:
    """Load now what the stages would load on first use."""
    for loader in LOADERS:
        loader()
    lexicon.jurisdiction_of(AREAS)
    for pattern in PATTERNS:
        pattern.compiled  # noqa: B018 — built on first use
