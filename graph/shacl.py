"""SHACL core shapes compiled to SPARQL and run on Oxigraph (``govkg validate``).

pySHACL walks the data node by node in Python: 5 s of CPU on the sample's 48,000 triples,
most of it in rdflib's lookups.  The shapes in ``ontology/shapes.ttl`` use a small part of
SHACL core, and each of its constraints is one SPARQL pattern: the solutions of
``targets(?this) . violation(?this)`` are that constraint's violations, and a node
conforms to a shape when no violation pattern of the shape matches it (``NOT EXISTS``),
which is how ``sh:or`` reads its members.  Oxigraph answers them all in a fraction of a
second.  pySHACL stays the reference: a test runs both on the sample and on a broken
graph and compares every result (focus node, shape, component, value).

A shape using a parameter this compiler does not know raises ``Unsupported`` (the caller
then runs pySHACL), so that a new shape is never silently skipped.

One documented difference: ``sh:pattern`` is matched by Oxigraph's regular expressions,
as SHACL defines it (SPARQL ``REGEX``); pySHACL uses Python's ``re``, whose ``$`` also
matches before a final line break.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD


class Unsupported(ValueError):
    """A shape uses a part of SHACL that the compiler does not translate."""


@dataclass(frozen=True)
class Check:
    """One constraint of one shape: the pattern matching its violations once ``?this`` is
    bound by ``targets``; the variable holding the value node (if any), and the second
    one of a comparison's pair.  ``label`` names the shape for people (``shape:Duty
    gov:holder``: a property shape by its node shape and path)."""
    shape: URIRef | BNode
    label: str
    component: URIRef
    message: str
    targets: str
    pattern: str
    value: str | None
    pair: str


class Part(NamedTuple):
    """A constraint being compiled: the shape holding it, the parameter and its value, the
    violation pattern, the variable holding the value node (if any), and the second
    variable of a comparison, which makes a result of each pair of values (as SHACL
    counts them)."""
    shape: URIRef | BNode
    parameter: URIRef
    constraint: object
    pattern: str
    value: str | None
    pair: str


@dataclass(frozen=True)
class Violation:
    """A validation result: the check it fails, the focus node, the value node if any
    (pyoxigraph terms)."""
    check: Check
    focus: object
    value: object | None


# The parameters read from a shape; any other sh: term in a shape is refused.
DESCRIPTIVE = frozenset({RDF.type, RDFS.comment, RDFS.label, SH.message, SH.name, SH.description,
                         SH.flags})
TARGETS = frozenset({SH.targetClass, SH.targetSubjectsOf})
NODE_KIND_TESTS = {SH.IRI: "!isIRI({v})", SH.BlankNode: "!isBlank({v})", SH.Literal: "!isLiteral({v})",
                   SH.BlankNodeOrIRI: "isLiteral({v})", SH.IRIOrLiteral: "isBlank({v})",
                   SH.BlankNodeOrLiteral: "isIRI({v})"}
PLAIN_TYPES = frozenset({XSD.string, RDF.langString})
MESSAGES = {"minCount": "fewer than {} value(s)", "maxCount": "more than {} value(s)",
            "class": "not an instance of {}", "datatype": "not a well-formed {}",
            "nodeKind": "not of the node kind {}", "in": "not one of {}", "pattern": "does not match {}",
            "minLength": "shorter than {} characters", "minInclusive": "less than {}",
            "lessThanOrEquals": "greater than the value of {}", "or": "none of the shapes {}"}


def compile_shapes(shapes: Graph, ontology: Graph) -> list[Check]:
    """The checks of every shape that has a target, in a fixed order (shapes by name)."""
    compiler = _Compiler(shapes, subclasses(ontology))
    checks = []
    for shape in sorted(set(shapes.subjects(predicate=None, object=None)), key=str):
        targets = compiler.targets(shape)
        if targets:
            checks.extend(compiler.checks(shape, targets))
    return checks


def subclasses(ontology: Graph) -> dict[URIRef, frozenset[URIRef]]:
    """Each class with every class below it (``rdfs:subClassOf*``), itself included."""
    below: dict = {}
    for sub, sup in ontology.subject_objects(RDFS.subClassOf):
        below.setdefault(sup, set()).add(sub)
    closure = {}
    for cls in set(below) | {s for subs in below.values() for s in subs}:
        seen, todo = {cls}, [cls]
        while todo:
            for sub in below.get(todo.pop(), ()):
                if sub not in seen:
                    seen.add(sub)
                    todo.append(sub)
        closure[cls] = frozenset(seen)
    return closure


def run_checks(store, checks: list[Check]) -> list[Violation]:
    """Every violation in a ``pyoxigraph.Store`` (its named graphs read as one)."""
    found = []
    for check in checks:
        for row in store.query(query_of(check), use_default_graph_as_union=True):
            found.append(Violation(check, row["this"], row["value"]))
    return found


def query_of(check: Check) -> str:
    """The SELECT whose solutions are the check's violations, one per focus node, value
    node and pair."""
    value = f"({check.value} AS ?value)" if check.value else ""
    return (f"SELECT DISTINCT ?this {value} {check.pair} "
            f"WHERE {{ {check.targets} {check.pattern} }}")


def term(node) -> str:
    """A shapes-graph term in SPARQL syntax (an IRI or a literal, never a blank node)."""
    if isinstance(node, BNode):
        raise Unsupported(f"a blank node where a constant was expected ({node})")
    return node.n3()


class _Compiler:
    """Turns shapes into SPARQL patterns; fresh variable names keep nested ``EXISTS``
    apart."""

    def __init__(self, shapes: Graph, below: dict):
        self.g, self.below, self.count = shapes, below, 0

    def var(self) -> str:
        self.count += 1
        return f"?v{self.count}"

    def one(self, node, parameter):
        values = list(self.g.objects(node, parameter))
        if len(values) != 1:
            raise Unsupported(f"{node} has {len(values)} values of {parameter}")
        return values[0]

    def members(self, node, parameter) -> list:
        return list(Collection(self.g, self.one(node, parameter)))

    def is_a(self, v: str, classes) -> str:
        """The pattern matching when ``v`` is an instance of one of ``classes`` or of a
        class below one (``VALUES``: Oxigraph reads it as a lookup, a ``FILTER IN`` as a
        scan)."""
        t = self.var()
        below = sorted({sub for cls in classes for sub in self.below.get(cls, {cls})}, key=str)
        return f"{{ VALUES {t} {{ {' '.join(term(c) for c in below)} }} {v} a {t} }}"

    def path(self, node, names=None) -> str:
        """A SHACL property path as a SPARQL path (with ``names``, a namespace manager:
        in prefixed names, for people)."""
        if isinstance(node, URIRef):
            return node.n3(names) if names else term(node)
        if (node, RDF.first, None) in self.g:
            return "(" + "/".join(self.path(p, names) for p in Collection(self.g, node)) + ")"
        if (node, SH.alternativePath, None) in self.g:
            return "(" + "|".join(self.path(p, names) for p in self.members(node, SH.alternativePath)) + ")"
        if (node, SH.inversePath, None) in self.g:
            return "^" + self.path(self.one(node, SH.inversePath), names)
        raise Unsupported(f"a path this compiler does not read ({node})")

    def targets(self, shape) -> str:
        """The pattern binding ``?this`` to each focus node of ``shape``, or ``""``."""
        parts = [f"{{ ?this {term(prop)} {self.var()} }}"
                 for prop in sorted(self.g.objects(shape, SH.targetSubjectsOf), key=str)]
        classes = list(self.g.objects(shape, SH.targetClass))
        if classes:
            parts.insert(0, self.is_a("?this", classes))
        return " UNION ".join(parts)

    def checks(self, shape, targets: str) -> list[Check]:
        out = []
        for part in self.violations(shape, "?this"):
            path = self.g.value(part.shape, SH.path)
            label = shape.n3(self.g.namespace_manager)
            if path is not None:
                label += " " + self.path(path, self.g.namespace_manager)
            local = part.parameter.removeprefix(str(SH))
            out.append(Check(part.shape, label, SH[local[0].upper() + local[1:] + "ConstraintComponent"],
                             self.message(part), targets, part.pattern, part.value, part.pair))
        return out

    def message(self, part: Part) -> str:
        """The shape's ``sh:message``, or what the constraint asks in a few words."""
        given = self.g.value(part.shape, SH.message)
        if given is not None:
            return str(given)
        c = part.constraint
        shown = (", ".join(self.shown(x) for x in Collection(self.g, c))
                 if (c, RDF.first, None) in self.g else self.shown(c))
        return MESSAGES[part.parameter.removeprefix(str(SH))].format(shown)

    def shown(self, node) -> str:
        """A term of the shapes for people: ``gov:Agency``, ``1``, ``[sh:class gov:Agency]``."""
        if isinstance(node, Literal) and node.datatype == XSD.integer:
            return str(node)
        if isinstance(node, BNode):
            return "[" + " ; ".join(f"{p.n3(self.g.namespace_manager)} {self.shown(o)}"
                                    for p, o in sorted(self.g.predicate_objects(node))) + "]"
        return node.n3(self.g.namespace_manager)

    def violations(self, shape, focus: str) -> list[Part]:
        """A part for each constraint of ``shape`` (and of its property shapes) on the
        node in ``focus``."""
        path = self.g.value(shape, SH.path)
        if path is None:
            value, values = focus, ""
        else:
            value = self.var()
            values = f"{focus} {self.path(path)} {value} ."
        out = []
        for parameter in sorted(set(self.g.predicates(shape)), key=str):
            if parameter in DESCRIPTIVE or parameter in TARGETS or parameter == SH.path:
                continue
            if parameter == SH.property:
                for prop in sorted(self.g.objects(shape, SH.property), key=str):
                    out.extend(self.violations(prop, focus))
                continue
            for constraint in self.g.objects(shape, parameter):
                out.append(self.constraint(shape, parameter, constraint, focus, path, value, values))
        return out

    def constraint(self, shape, parameter, constraint, focus, path, value, values) -> Part:
        if parameter in (SH.minCount, SH.maxCount):
            pattern = self.count_test(parameter, int(constraint), focus, path)
            return Part(shape, parameter, constraint, pattern, None, "")
        if parameter == SH.lessThanOrEquals:
            other = self.var()
            pattern = (f"{values} {focus} {term(constraint)} {other} . "
                       f"FILTER(!COALESCE({value} <= {other}, false))")
            return Part(shape, parameter, constraint, pattern, value, other)
        test = self.value_test(shape, parameter, constraint, value)
        return Part(shape, parameter, constraint, f"{values} FILTER({test})", value, "")

    def count_test(self, parameter, n: int, focus: str, path) -> str:
        """``sh:minCount``/``sh:maxCount``: fewer than n, or more than n, distinct values."""
        size = n if parameter == SH.minCount else n + 1
        names = [self.var() for _ in range(size)]
        triples = " ".join(f"{focus} {self.path(path)} {v} ." for v in names)
        distinct = " && ".join(f"!sameTerm({a}, {b})" for i, a in enumerate(names) for b in names[i + 1:])
        pattern = triples + (f" FILTER({distinct})" if distinct else "")
        if parameter == SH.maxCount:
            return pattern
        return f"FILTER NOT EXISTS {{ {pattern} }}" if size else "FILTER(false)"

    def value_test(self, shape, parameter, constraint, v: str) -> str:
        """The filter that is true when the value node ``v`` fails the constraint."""
        if parameter == SH["class"]:
            return "NOT EXISTS " + self.is_a(v, [constraint])
        if parameter == SH.datatype:
            return f"!({self.has_datatype(v, constraint)})"
        if parameter == SH.nodeKind and constraint in NODE_KIND_TESTS:
            return NODE_KIND_TESTS[constraint].format(v=v)
        if parameter == SH["in"]:
            allowed = Collection(self.g, constraint)
            return "!(" + " || ".join(f"sameTerm({v}, {term(a)})" for a in allowed) + ")"
        if parameter == SH.pattern:
            flags = self.g.value(shape, SH.flags)
            extra = f", {term(flags)}" if flags is not None else ""
            return f"isBlank({v}) || !REGEX(STR({v}), {term(constraint)}{extra})"
        if parameter == SH.minLength:
            return f"isBlank({v}) || STRLEN(STR({v})) < {int(constraint)}"
        if parameter == SH.minInclusive:
            return f"!COALESCE({v} >= {term(constraint)}, false)"
        if parameter == SH["or"]:
            members = Collection(self.g, constraint)
            return "!(" + " || ".join(self.conforms(v, m) for m in members) + ")"
        raise Unsupported(f"the parameter {parameter} of SHACL")

    def has_datatype(self, v: str, datatype) -> str:
        """``v`` is a literal of this datatype, and a well-formed one (as pySHACL reads
        ``sh:datatype``: ``"x"^^xsd:integer`` fails)."""
        test = f"isLiteral({v}) && datatype({v}) = {term(datatype)}"
        if datatype in PLAIN_TYPES:
            return test
        return f"{test} && COALESCE(isLiteral({term(datatype)}(STR({v}))), false)"

    def conforms(self, v: str, shape) -> str:
        """The expression that is true when the node in ``v`` conforms to ``shape``."""
        tests = [f"NOT EXISTS {{ {part.pattern} }}" for part in self.violations(shape, v)]
        return "(" + " && ".join(tests) + ")" if tests else "true"
