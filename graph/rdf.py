"""Stage 6 — model: documents and resolved facts as RDF, one named graph per source file.

The only module that makes triples.  Every fact becomes one node (an ``org:Membership``,
a ``gov:Duty`` …) that carries its provenance — source file, span, quote, rule — and the
standard shortcut triples between the things it relates (``?unit org:memberOf ?body``)
so that both careful and casual queries work.  IRIs come from canonical content only
(``vocab.iri_for``), so rebuilds and merges agree.

Quads are written straight as N-Quads lines (``to_nquads``: what the build keeps, with no
rdflib on its path); ``to_quads`` and ``to_rdf`` give the same quads as rdflib terms.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from itertools import chain
from typing import Iterable

from .document import Document, Mention, Source, Span
from .facts import (Appointment, Body, Duty, Fact, Leader, Membership, Office, Reference, Repeal,
                    Task)
from .names import fold, is_head_role
from .resolve import split_post
from .segment import title_key
from .vocab import (BODY_CLASSES, DCTERMS, FOAF, GOV, ORG, PREFIXES, PROV, RDF, RELATION_PROPERTIES, SKOS, XSD,
                    iri_for)

Quad = tuple  # (subject, predicate, object, graph), rdflib terms
IRI = str     # an IRI, as text
ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
ESCAPED = re.compile(r'[\\"\n\r]')          # a character ESCAPES changes (most literals have none)
INTEGER, BOOLEAN = f"^^<{XSD.integer}>", f"^^<{XSD.boolean}>"
TYPE = RDF.type


class Lit(str):
    """A literal as N-Quads writes it (``"3"^^<…#integer>``), told apart from an IRI."""

    __slots__ = ()


def lit(value: str | int | bool, datatype: IRI | None = None) -> Lit:
    """A string, integer or boolean as a literal, written as rdflib's ``Literal`` is.

    >>> print(lit('说"是"'), lit(3), lit(True), lit("2024-05-01", XSD.date))
    "说\\"是\\"" "3"^^<http://www.w3.org/2001/XMLSchema#integer> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> "2024-05-01"^^<http://www.w3.org/2001/XMLSchema#date>
    """
    if type(value) is not str:            # a string skips these tests
        if value is True or value is False:
            return Lit(f'"{"true" if value else "false"}"{BOOLEAN}')
        if isinstance(value, int):
            return Lit(f'"{value}"{INTEGER}')
        if not isinstance(value, str):
            raise TypeError(f"no literal for a {type(value).__name__}")
    text = f'"{value.translate(ESCAPES) if ESCAPED.search(value) else value}"'
    return Lit(f"{text}^^<{datatype}>" if datatype else text)


def source_iri(source: Source) -> IRI:
    """The IRI of a source file, which also names its graph."""
    return iri_for("source", source.key)


def document_iri(doc: Document) -> IRI:
    """By 文号 where printed; else by jurisdiction, title and date; else by file and place."""
    if doc.number:
        return iri_for("document", doc.number.name)
    if doc.title or doc.notice_title:
        parts = [doc.jurisdiction or "", doc.label, doc.date.name if doc.date else ""]
        return iri_for("document", "/".join(parts))
    return iri_for("document", f"{doc.source.key}/{doc.key}")


def work_iri(title: str | None, number: str | None) -> IRI:
    return iri_for("work", title_key(title) if title else number)


def agency_iri(m: Mention, jurisdiction: str | None) -> IRI:
    if m.collective:
        return iri_for("collective", f"{jurisdiction or ''}/{m.name}")
    return iri_for("agency", m.name)


def person_iri(m: Mention, jurisdiction: str | None) -> IRI:
    """Persons are told apart by name within one jurisdiction only."""
    return iri_for("person", f"{jurisdiction or ''}/{m.name}")


def post_iri(post: str, jurisdiction: str | None) -> IRI:
    return iri_for("post", post if post.startswith(jurisdiction or "\0") else f"{jurisdiction or ''}/{post}")


def fact_iri(kind: str, *parts) -> IRI:
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]
    return iri_for(kind, digest)


# ---------------------------------------------------------------------------------------

def check_iris(iris: Iterable[IRI]) -> None:
    """Raise ``ValueError`` naming the first of ``iris`` that is not an absolute IRI (RFC
    3987), as a strict N-Quads parser would refuse it; literals' datatypes are the
    vocabulary's (``lit``).

    >>> check_iris(["https://w3id.org/govkg/id/agency/市应急管理局"])
    >>> check_iris(["https://w3id.org/govkg/id/work/a b"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ValueError: not an IRI: 'https://w3id.org/govkg/id/work/a b' (...)
    """
    from pyoxigraph import NamedNode
    for iri in iris:
        try:
            NamedNode(iri)
        except ValueError as e:
            raise ValueError(f"not an IRI: {iri!r} ({e})") from None


class NQuads(list):
    """One file's graph as N-Quads lines (a repeated quad may come more than once), and the
    same lines by property: ``by`` maps each property to its lines, ``typed`` each class to
    its ``rdf:type`` lines (an IRI's; so that a reader of some properties passes over the
    rest unread).
    Every IRI in them has been checked (``check_iris``): a parser need not check them again.
    Each line is ``<subject> <property> object <graph> .``, one space between terms."""

    __slots__ = ("by", "typed", "graph")

    def __init__(self, by: dict[IRI, list[str]], typed: dict[IRI, list[str]], graph: IRI):
        super().__init__(chain.from_iterable(chain(by.values(), typed.values())))
        self.by, self.typed, self.graph = by, typed, graph


class _Writer:
    """Collects the quads of one source file's graph as N-Quads lines, by property."""

    def __init__(self, source: Source):
        self.source = source
        self.graph = source_iri(source)
        self.tail = f" <{self.graph}> .\n"
        self.by: defaultdict[IRI, list[str]] = defaultdict(list)
        self.typed: defaultdict[IRI, list[str]] = defaultdict(list)
        self.labelled: set[IRI] = set()
        self.iris: set[IRI] = {self.graph}          # every subject and object IRI, to check once

    def add(self, s: IRI, p: IRI, o: IRI | Lit | None) -> None:
        """One quad in the file's graph; none when the object is None."""
        if o is None:
            return
        self.iris.add(s)
        if type(o) is Lit:
            self.by[p].append(f"<{s}> <{p}> {o}{self.tail}")
        elif p == TYPE:                             # by class
            self.iris.add(o)
            self.typed[o].append(f"<{s}> <{TYPE}> <{o}>{self.tail}")
        else:
            self.iris.add(o)
            self.by[p].append(f"<{s}> <{p}> <{o}>{self.tail}")

    def nquads(self) -> NQuads:
        """The lines written, by property, once their IRIs are checked."""
        check_iris(chain(self.iris, self.by, self.typed))
        return NQuads(dict(self.by), dict(self.typed), self.graph)

    def entity(self, iri: IRI, cls: IRI, label: str) -> IRI:
        if iri not in self.labelled:
            self.labelled.add(iri)
            self.add(iri, RDF.type, cls)
            self.add(iri, SKOS.prefLabel, lit(label))
        return iri

    def provenance(self, node: IRI, span: Span, rule: str | None, doc: IRI | None) -> None:
        self.add(node, GOV.source, self.graph)
        self.add(node, GOV.start, lit(span.start))
        self.add(node, GOV.end, lit(span.end))
        self.add(node, GOV.quote, lit(span.quote(self.source)))
        self._page(node, span)
        if rule:
            self.add(node, GOV.rule, lit(rule))
        if doc is not None:
            self.add(node, PROV.wasDerivedFrom, doc)

    def _page(self, node: IRI, span: Span) -> None:
        """The page a statement of a PDF starts on, and whether OCR read it."""
        page = self.source.page_at(span.start)
        if page is not None:
            self.add(node, GOV.page, lit(page))
        if self.source.read_by_ocr(span.start):
            self.add(node, GOV.readByOCR, lit(True))

    def mention(self, m: Mention, thing: IRI, doc: IRI) -> None:
        """The printed form as an altLabel, and a Mention node with its span."""
        if m.text != m.name:
            self.add(thing, SKOS.altLabel, lit(m.text))
        node = iri_for("mention", f"{self.source.key}/{m.span.start}/{m.span.end}")
        if node in self.labelled:
            return
        self.labelled.add(node)
        self.add(node, RDF.type, GOV.Mention)
        self.add(node, GOV.surface, lit(m.text))
        self.add(node, GOV.denotes, thing)
        self.add(node, GOV.inDocument, doc)
        self.add(node, GOV.start, lit(m.span.start))
        self.add(node, GOV.end, lit(m.span.end))


def to_nquads(source: Source, documents: Iterable[Document], facts: Iterable[Fact]) -> NQuads:
    """All quads of one source file's named graph, as N-Quads lines (a repeated quad may
    come more than once), by property."""
    w = _Writer(source)
    _source(w)
    docs = {}                          # key → (document, its IRI)
    for doc in documents:
        docs[doc.key] = doc, document_iri(doc)
        _document(w, doc)
    for fact in facts:
        doc, d = docs[fact.document]
        MODEL[type(fact)](w, fact, doc, d)
    return w.nquads()


def to_quads(source: Source, documents: Iterable[Document], facts: Iterable[Fact]) -> list[Quad]:
    """All quads of one source file's named graph, as rdflib terms."""
    import pyoxigraph as ox
    from .store import to_rdflib
    data = "".join(to_nquads(source, documents, facts)).encode("utf-8")
    return [tuple(map(to_rdflib, (q.subject, q.predicate, q.object, q.graph_name)))
            for q in ox.parse(data, format=ox.RdfFormat.N_QUADS)]


def to_rdf(per_source: Iterable[tuple[Source, Iterable[Document], Iterable[Fact]]]):
    """An rdflib Dataset holding every source's graph (queries see their union)."""
    from rdflib import Dataset
    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    for source, documents, facts in per_source:
        ds.addN(to_quads(source, documents, facts))
    return ds


def _source(w: _Writer) -> None:
    s, g = w.source, w.graph
    w.add(g, RDF.type, GOV.SourceFile)
    w.add(g, GOV.fileName, lit(s.name))
    w.add(g, GOV.sha256, lit(s.digest))
    w.add(g, GOV.encoding, lit(s.encoding))
    w.add(g, GOV.mediaType, lit(s.media_type))
    w.add(g, GOV.byteSize, lit(s.size))
    if s.pages:
        w.add(g, GOV.pageCount, lit(len(s.pages)))


FIELDS = (("notice_title", GOV.noticeTitle), ("title", DCTERMS.title),
          ("number", DCTERMS.identifier), ("date", DCTERMS.issued))


def _document(w: _Writer, doc: Document) -> None:
    d = document_iri(doc)
    w.add(d, RDF.type, GOV.Document)
    w.add(d, SKOS.prefLabel, lit(doc.label))
    w.add(d, GOV.documentKey, lit(doc.key))
    w.add(d, GOV.documentKind, lit(doc.kind))
    w.add(d, GOV.inferred, lit(True) if doc.inferred else None)
    w.add(d, DCTERMS.available, lit(doc.published.name, XSD.date) if doc.published else None)
    w.add(d, GOV.inSource, w.graph)
    w.add(d, GOV.jurisdiction, lit(doc.jurisdiction) if doc.jurisdiction else None)
    w.add(d, GOV.start, lit(doc.span.start))
    w.add(d, GOV.end, lit(doc.span.end))
    for name, prop in FIELDS:
        m = getattr(doc, name)
        if m is None:
            continue
        value = lit(m.name, XSD.date) if name == "date" else lit(m.name)
        w.add(d, prop, value)
        ev = iri_for("evidence", f"{w.source.key}/{doc.key}/{name}")
        w.add(d, GOV.evidence, ev)
        w.add(ev, RDF.type, GOV.Evidence)
        w.add(ev, GOV.field, prop)
        w.provenance(ev, m.span, f"segment.{name}", d)
    if doc.issuer:
        issuer = w.entity(iri_for("agency", doc.issuer.name), GOV.Agency, doc.issuer.name)
        w.add(d, DCTERMS.creator, issuer)
        ev = iri_for("evidence", f"{w.source.key}/{doc.key}/issuer")
        w.add(d, GOV.evidence, ev)
        w.add(ev, RDF.type, GOV.Evidence)
        w.add(ev, GOV.field, DCTERMS.creator)
        w.provenance(ev, doc.issuer.span, "segment.issuer", d)
    for m in doc.recipients:
        w.add(d, GOV.recipient, lit(m.name))
    for m in doc.attachments:
        w.add(d, GOV.attachment, lit(m.name))
    for i, sec in enumerate(doc.sections):
        node = f"{d}/section/{i + 1}"
        w.add(d, GOV.hasSection, node)
        w.add(node, RDF.type, GOV.Section)
        w.add(node, GOV.sectionNumber, lit(sec.number))
        w.add(node, DCTERMS.title, lit(sec.title))
        w.add(node, GOV.level, lit(sec.level))
        parent = f"{d}/section/{sec.parent + 1}" if sec.parent is not None else d
        w.add(node, DCTERMS.isPartOf, parent)
        w.add(node, GOV.start, lit(sec.span.start))
        w.add(node, GOV.end, lit(sec.span.end))


# ---------------------------------------------------------------------------------------
# One function per kind of fact

def _reference(w: _Writer, f: Reference, doc: Document, d: IRI) -> None:
    work = w.entity(work_iri(f.work.name, None), GOV.CitedWork, f.work.name)
    w.add(work, DCTERMS.title, lit(f.work.name))
    w.add(d, DCTERMS.references, work)
    node = fact_iri("citation", d, work)
    w.add(node, RDF.type, GOV.Citation)
    w.add(node, GOV.citingDocument, d)
    w.add(node, GOV.cites, work)
    w.provenance(node, f.span, f.rule, d)


def _repeal(w: _Writer, f: Repeal, doc: Document, d: IRI) -> None:
    title = f.title.name if f.title else None
    number = f.number.name if f.number else None
    work = w.entity(work_iri(title, number), GOV.CitedWork, title or number)
    if title:
        w.add(work, DCTERMS.title, lit(title))
    if number:
        w.add(work, DCTERMS.identifier, lit(number))
    w.add(d, GOV.repeals, work)
    node = fact_iri("repeal", d, work, f.span.start)
    w.add(node, RDF.type, GOV.Repeal)
    w.add(node, GOV.citingDocument, d)
    w.add(node, GOV.cites, work)
    w.provenance(node, f.span, f.rule, d)


def _body_node(w: _Writer, m: Mention, d: IRI, body_type: str | None = None) -> IRI:
    b = iri_for("body", m.name)
    cls = BODY_CLASSES.get(body_type, GOV.CoordinatingBody)
    if b not in w.labelled:
        w.entity(b, cls, m.name)
    elif body_type:
        w.add(b, RDF.type, cls)
    w.mention(m, b, d)
    return b


def _unit_node(w: _Writer, m: Mention, doc: Document, d: IRI) -> IRI:
    u = agency_iri(m, doc.jurisdiction)
    w.entity(u, GOV.CollectiveUnit if m.collective else GOV.Agency, m.name)
    w.mention(m, u, d)
    return u


def _person_node(w: _Writer, m: Mention, doc: Document) -> IRI:
    p = person_iri(m, doc.jurisdiction)
    if p not in w.labelled:
        w.entity(p, FOAF.Person, m.name)
        w.add(p, FOAF.name, lit(m.name))
    return p


def _post_node(w: _Writer, m: Mention, doc: Document, unit: IRI | None = None) -> IRI:
    post = m.name
    p = post_iri(post, doc.jurisdiction)
    if p not in w.labelled:
        w.entity(p, ORG.Post, post)
        if m.text != post:
            w.add(p, SKOS.altLabel, lit(m.text))
        if unit is None:
            unit_name, role = split_post(post, doc.jurisdiction)
            if unit_name:
                unit = w.entity(iri_for("agency", unit_name), GOV.Agency, unit_name)
        else:
            role = split_post(post, doc.jurisdiction)[1]
        w.add(p, ORG.postIn, unit)
        w.add(p, GOV.roleLabel, lit(role))
    return p


def _body(w: _Writer, f: Body, doc: Document, d: IRI) -> None:
    b = _body_node(w, f.name, d, f.body_type)
    w.add(b, GOV.bodyType, lit(f.body_type))
    w.add(b, GOV.establishedBy if f.constituted else GOV.mentionedIn, d)
    for a in f.aliases:
        w.add(b, SKOS.altLabel, lit(a.text))
        w.mention(a, b, d)
    node = fact_iri("body-description", d, b, f.span.start)
    w.add(node, RDF.type, GOV.BodyDescription)
    w.add(node, GOV.describes, b)
    w.add(node, GOV.sectionTitle, lit(f.section) if f.section else None)
    w.provenance(node, f.span, f.rule, d)
    if f.parent:
        parent = _body_node(w, f.parent, d)
        w.add(b, GOV.parentBody, parent)
        w.add(b, ORG.subOrganizationOf, parent)
        w.add(parent, ORG.hasSubOrganization, b)
        w.add(node, GOV.parentBody, parent)


def _office(w: _Writer, f: Office, doc: Document, d: IRI) -> None:
    b = _body_node(w, f.body, d)
    host = _unit_node(w, f.host, doc, d)
    w.add(b, GOV.additionalOfficeHost if f.additional else GOV.officeHost, host)
    node = fact_iri("office", d, b, host)
    w.add(node, RDF.type, GOV.OfficeArrangement)
    w.add(node, GOV.body, b)
    w.add(node, GOV.host, host)
    w.provenance(node, f.span, f.rule, d)


def _leader(w: _Writer, f: Leader, doc: Document, d: IRI) -> None:
    b = _body_node(w, f.body, d)
    kind = fold(f.role)             # one role however printed (指揮長, 指挥长)
    role = w.entity(iri_for("role", kind), GOV.Role, kind)
    node = fact_iri("leadership", d, b, f.role, f.person.name if f.person else "",
                    f.post.name if f.post else "", f.span.start)
    w.add(node, RDF.type, GOV.Leadership)
    w.add(node, ORG.organization, b)
    w.add(node, ORG.role, role)
    w.add(node, GOV.roleLabel, lit(f.role))
    post = _post_node(w, f.post, doc) if f.post else None
    w.add(node, GOV.post, post)
    if f.person:
        p = _person_node(w, f.person, doc)
        w.add(node, ORG.member, p)
        w.add(p, GOV.leaderOf, b)
        if post is not None:
            w.add(p, ORG.holds, post)
        if is_head_role(kind):
            w.add(p, ORG.headOf, b)
    elif post is not None:
        w.add(post, GOV.leaderOf, b)
    w.provenance(node, f.span, f.rule, d)


def _membership(w: _Writer, f: Membership, doc: Document, d: IRI) -> None:
    b = _body_node(w, f.body, d)
    unit = _unit_node(w, f.unit, doc, d) if f.unit else None
    node = fact_iri("membership", d, b, unit or "", f.person.name if f.person else "", f.span.start)
    w.add(node, RDF.type, ORG.Membership)
    w.add(node, ORG.organization, b)
    w.add(node, ORG.member, unit)
    if unit is not None:
        w.add(unit, ORG.memberOf, b)
    if f.person:
        p = _person_node(w, f.person, doc)
        w.add(node, GOV.representative, p)
        w.add(p, ORG.memberOf, b)
        if f.post:
            post = _post_node(w, f.post, doc, unit)
            w.add(node, GOV.post, post)
            w.add(p, ORG.holds, post)
    w.add(node, GOV.viaPerson, lit(f.person is not None))
    w.provenance(node, f.span, f.rule, d)


def _duty(w: _Writer, f: Duty, doc: Document, d: IRI) -> None:
    holder = _body_node(w, f.holder, d) if f.holder_kind == "body" else _unit_node(w, f.holder, doc, d)
    node = fact_iri("duty", d, holder, f.text, f.span.start)
    w.add(node, RDF.type, GOV.Duty)
    w.add(node, GOV.holder, holder)
    w.add(holder, GOV.hasDuty, node)
    w.add(node, GOV.dutyText, lit(f.text))
    w.add(node, GOV.listed, lit(f.listed))
    w.add(node, GOV.inBody, _body_node(w, f.body, d) if f.body else None)
    w.add(node, GOV.sectionTitle, lit(f.section) if f.section else None)
    w.provenance(node, f.span, f.rule, d)


def _task(w: _Writer, f: Task, doc: Document, d: IRI) -> None:
    node = fact_iri("task", d, f.text, f.span.start)
    w.add(node, RDF.type, GOV.Task)
    w.add(node, GOV.taskText, lit(f.text))
    w.add(node, GOV.sectionTitle, lit(f.section) if f.section else None)
    for tu in f.units:
        w.add(node, RELATION_PROPERTIES[tu.relation], _unit_node(w, tu.unit, doc, d))
    w.provenance(node, f.span, f.rule, d)


def _appointment(w: _Writer, f: Appointment, doc: Document, d: IRI) -> None:
    p = _person_node(w, f.person, doc)
    unit = _unit_node(w, f.unit, doc, d) if f.unit else None
    post = _post_node(w, f.post, doc, unit)
    node = fact_iri("appointment", d, p, f.action, post, f.span.start)
    w.add(node, RDF.type, GOV.Appointment)
    w.add(node, GOV.person, p)
    w.add(node, GOV.action, lit(f.action))
    w.add(node, GOV.post, post)
    if f.date:
        w.add(node, DCTERMS.date, lit(f.date, XSD.date))
        w.add(node, GOV.dateSource, lit(f.date_source) if f.date_source else None)
    w.add(p, GOV.formerlyHeld if f.action == "remove" else ORG.holds, post)
    w.provenance(node, f.span, f.rule, d)


MODEL = {Reference: _reference, Repeal: _repeal, Body: _body, Office: _office, Leader: _leader,
         Membership: _membership, Duty: _duty, Task: _task, Appointment: _appointment}

