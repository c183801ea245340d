"""What the extractors find: one frozen dataclass per kind of fact.

Every fact names its document (``Document.key``), the evidence span in the original text
and the rule that produced it (``"tasks.lead_support"``), so each wrong output leads back
to one pattern.  Names are ``Mention``s: as printed, with a span; the resolve stage fills
in their canonical ``value``.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from functools import cache
from typing import ClassVar, Iterator

from .document import Mention, Span

BODY_TYPES = ("headquarters", "leading_group", "committee", "joint_conference",
              "working_group", "expert_group", "office")
RELATIONS = ("lead", "support", "responsible")         # 牵头 / 配合 / 责任
ACTIONS = ("appoint", "remove", "confirm", "secondment")  # 任 / 免去 / 试用期满任职 / 挂职


@dataclass(frozen=True)
class Fact:
    document: str
    span: Span
    rule: str
    kind: ClassVar[str] = "fact"

    def mentions(self) -> Iterator[tuple[str, Mention]]:
        """Every (field name, Mention) the fact holds, nested tuples included."""
        for name in field_names(type(self)):
            value = getattr(self, name)
            if isinstance(value, Mention):
                yield name, value
            elif isinstance(value, tuple):
                for item in value:
                    if isinstance(item, Mention):
                        yield name, item
                    elif isinstance(item, TaskUnit):
                        yield name, item.unit

    def with_names(self, rename) -> "Fact":
        """A copy with every Mention passed through ``rename(field, mention)``."""
        changes = {}
        for name in field_names(type(self)):
            value = getattr(self, name)
            if isinstance(value, Mention):
                changes[name] = rename(name, value)
            elif isinstance(value, tuple) and value and isinstance(value[0], (Mention, TaskUnit)):
                changes[name] = tuple(
                    rename(name, v) if isinstance(v, Mention)
                    else TaskUnit(v.relation, rename(name, v.unit)) for v in value)
        return replace(self, **changes)


@cache
def field_names(cls: type) -> tuple[str, ...]:
    """The names of a fact type's fields, in order (``dataclasses.fields`` once per type)."""
    return tuple(f.name for f in fields(cls))


@dataclass(frozen=True)
class Reference(Fact):
    """The document cites a work by its title in 《…》."""

    work: Mention
    kind: ClassVar[str] = "reference"


@dataclass(frozen=True)
class Repeal(Fact):
    """The document repeals (废止 / 不再执行) an earlier one, named by title and/or 文号."""

    title: Mention | None
    number: Mention | None
    kind: ClassVar[str] = "repeal"


@dataclass(frozen=True)
class Body(Fact):
    """A coordinating body (指挥部, 领导小组 …) the document constitutes or only mentions."""

    name: Mention
    body_type: str                 # one of BODY_TYPES
    parent: Mention | None = None
    aliases: tuple[Mention, ...] = ()
    section: str | None = None     # the heading it is described under
    constituted: bool = True       # False: only mentioned (another level's body …)
    kind: ClassVar[str] = "body"


@dataclass(frozen=True)
class Office(Fact):
    """A body's office is set up in a unit (办公室设在 X).  Where two units are named
    (设在市国资委和市财政局) the second is an ``additional`` host."""

    body: Mention
    host: Mention
    additional: bool = False
    kind: ClassVar[str] = "office"


@dataclass(frozen=True)
class Leader(Fact):
    """A leading role in a body (总指挥, 组长, 召集人, office 主任 …) and who fills it."""

    body: Mention
    role: str
    person: Mention | None
    post: Mention | None           # the post as printed (市长, 市应急管理局局长)
    kind: ClassVar[str] = "leader"


@dataclass(frozen=True)
class Membership(Fact):
    """A unit serves on a body: listed as a member unit, or through a named member person."""

    body: Mention
    unit: Mention | None
    person: Mention | None = None
    post: Mention | None = None
    kind: ClassVar[str] = "membership"


@dataclass(frozen=True)
class Duty(Fact):
    """What a unit or a body is charged with.

    ``listed`` is True for a duty in a per-unit listing or a body's list of functions,
    False for a sentence in the narrative that merely says "X负责…".
    """

    holder: Mention
    holder_kind: str               # unit | body
    body: Mention | None
    text: str
    listed: bool = True
    section: str | None = None
    kind: ClassVar[str] = "duty"


@dataclass(frozen=True)
class TaskUnit:
    """One unit named on a task, with its relation (lead 牵头, support 配合, responsible 责任)."""

    relation: str
    unit: Mention


@dataclass(frozen=True)
class Task(Fact):
    """A work item and the units that lead, support or answer for it."""

    text: str
    units: tuple[TaskUnit, ...]
    section: str | None = None
    kind: ClassVar[str] = "task"


@dataclass(frozen=True)
class Appointment(Fact):
    """A personnel decision: one person, one post, one action."""

    person: Mention
    action: str                    # one of ACTIONS
    post: Mention
    unit: Mention | None
    date: str | None = None
    date_source: str | None = None  # decision (the text dates it) | signed | published (a page's)
    kind: ClassVar[str] = "appointment"


FACT_TYPES = (Reference, Repeal, Body, Office, Leader, Membership, Duty, Task, Appointment)
FACT_KINDS = tuple(t.kind for t in FACT_TYPES)
