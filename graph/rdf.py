"""Stage 6 — model: documents and resolved facts as RDF, one named graph per source file.

The only module that makes triples.  Every fact becomes one node (an ``org:Membership``,
a ``gov:Duty`` …) that carries its provenance — source file, span, quote, rule — and the
standard shortcut triples between the things it relates (``?unit org:memberOf ?body``)
so that both careful and casual queries work.  IRIs come from canonical content only
(``vocab.iri_for``), so rebuilds and merges agree.
"""
from __future__ import annotations

import hashlib
from typing import Iterable, Iterator

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, SKOS, XSD

from .document import Document, Mention, Source, Span
from .facts import (Appointment, Body, Duty, Fact, Leader, Membership, Office, Reference, Repeal,
                    Task)
from .names import is_head_role
from .resolve import split_post
from .segment import title_key
from .vocab import BODY_CLASSES, GOV, RELATION_PROPERTIES, iri_for

Quad = tuple  # (subject, predicate, object, graph)
PREFIXES = {"gov": str(GOV), "org": str(ORG), "prov": str(PROV), "skos": str(SKOS),
            "dcterms": str(DCTERMS), "foaf": str(FOAF), "xsd": str(XSD),
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#"}


def source_iri(source: Source) -> URIRef:
    """The IRI of a source file, which also names its graph."""
    return iri_for("source", source.key)


def document_iri(doc: Document) -> URIRef:
    """By 文号 where printed; else by jurisdiction, title and date; else by file and place."""
    if doc.number:
        return iri_for("document", doc.number.name)
    if doc.title or doc.notice_title:
        parts = [doc.jurisdiction or "", doc.label, doc.date.name if doc.date else ""]
        return iri_for("document", "/".join(parts))
    return iri_for("document", f"{doc.source.key}/{doc.key}")


def work_iri(title: str | None, number: str | None) -> URIRef:
    return iri_for("work", title_key(title) if title else number)


def agency_iri(m: Mention, jurisdiction: str | None) -> URIRef:
    if m.collective:
        return iri_for("collective", f"{jurisdiction or ''}/{m.name}")
    return iri_for("agency", m.name)


def person_iri(m: Mention, jurisdiction: str | None) -> URIRef:
    """Persons are told apart by name within one jurisdiction only."""
    return iri_for("person", f"{jurisdiction or ''}/{m.name}")


def post_iri(post: str, jurisdiction: str | None) -> URIRef:
    return iri_for("post", post if post.startswith(jurisdiction or "\0") else f"{jurisdiction or ''}/{post}")


def fact_iri(kind: str, *parts) -> URIRef:
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]
    return iri_for(kind, digest)


# ---------------------------------------------------------------------------------------

class _Writer:
    """Collects the quads of one source file's graph."""

    def __init__(self, source: Source):
        self.source = source
        self.graph = source_iri(source)
        self.quads: list[Quad] = []
        self.labelled: set[URIRef] = set()

    def add(self, s, p, o) -> None:
        if o is not None:
            self.quads.append((s, p, o, self.graph))

    def entity(self, iri: URIRef, cls: URIRef, label: str) -> URIRef:
        if iri not in self.labelled:
            self.labelled.add(iri)
            self.add(iri, RDF.type, cls)
            self.add(iri, SKOS.prefLabel, Literal(label))
        return iri

    def provenance(self, node: URIRef, span: Span, rule: str | None, doc: URIRef | None) -> None:
        self.add(node, GOV.source, self.graph)
        self.add(node, GOV.start, Literal(span.start))
        self.add(node, GOV.end, Literal(span.end))
        self.add(node, GOV.quote, Literal(span.quote(self.source)))
        self._page(node, span)
        if rule:
            self.add(node, GOV.rule, Literal(rule))
        if doc is not None:
            self.add(node, PROV.wasDerivedFrom, doc)

    def _page(self, node: URIRef, span: Span) -> None:
        """The page a statement of a PDF starts on, and whether OCR read it."""
        page = self.source.page_at(span.start)
        if page is not None:
            self.add(node, GOV.page, Literal(page))
        if self.source.read_by_ocr(span.start):
            self.add(node, GOV.readByOCR, Literal(True))

    def mention(self, m: Mention, thing: URIRef, doc: URIRef) -> None:
        """The printed form as an altLabel, and a Mention node with its span."""
        if m.text != m.name:
            self.add(thing, SKOS.altLabel, Literal(m.text))
        node = iri_for("mention", f"{self.source.key}/{m.span.start}/{m.span.end}")
        if node in self.labelled:
            return
        self.labelled.add(node)
        self.add(node, RDF.type, GOV.Mention)
        self.add(node, GOV.surface, Literal(m.text))
        self.add(node, GOV.denotes, thing)
        self.add(node, GOV.inDocument, doc)
        self.add(node, GOV.start, Literal(m.span.start))
        self.add(node, GOV.end, Literal(m.span.end))


def to_quads(source: Source, documents: Iterable[Document], facts: Iterable[Fact]) -> list[Quad]:
    """All quads of one source file's named graph."""
    w = _Writer(source)
    _source(w)
    docs = {}
    for doc in documents:
        docs[doc.key] = doc
        _document(w, doc)
    for fact in facts:
        doc = docs[fact.document]
        MODEL[type(fact)](w, fact, doc, document_iri(doc))
    return w.quads


def to_rdf(per_source: Iterable[tuple[Source, Iterable[Document], Iterable[Fact]]]) -> Dataset:
    """An rdflib Dataset holding every source's graph (queries see their union)."""
    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    for source, documents, facts in per_source:
        ds.addN(to_quads(source, documents, facts))
    return ds


def _source(w: _Writer) -> None:
    s, g = w.source, w.graph
    w.add(g, RDF.type, GOV.SourceFile)
    w.add(g, GOV.fileName, Literal(s.name))
    w.add(g, GOV.sha256, Literal(s.digest))
    w.add(g, GOV.encoding, Literal(s.encoding))
    w.add(g, GOV.mediaType, Literal(s.media_type))
    w.add(g, GOV.byteSize, Literal(s.size))
    if s.pages:
        w.add(g, GOV.pageCount, Literal(len(s.pages)))


FIELDS = (("notice_title", GOV.noticeTitle), ("title", DCTERMS.title),
          ("number", DCTERMS.identifier), ("date", DCTERMS.issued))


def _document(w: _Writer, doc: Document) -> None:
    d = document_iri(doc)
    w.add(d, RDF.type, GOV.Document)
    w.add(d, SKOS.prefLabel, Literal(doc.label))
    w.add(d, GOV.documentKey, Literal(doc.key))
    w.add(d, GOV.documentKind, Literal(doc.kind))
    w.add(d, GOV.inferred, Literal(True) if doc.inferred else None)
    w.add(d, DCTERMS.available, Literal(doc.published.name, datatype=XSD.date) if doc.published else None)
    w.add(d, GOV.inSource, w.graph)
    w.add(d, GOV.jurisdiction, Literal(doc.jurisdiction) if doc.jurisdiction else None)
    w.add(d, GOV.start, Literal(doc.span.start))
    w.add(d, GOV.end, Literal(doc.span.end))
    for name, prop in FIELDS:
        m = getattr(doc, name)
        if m is None:
            continue
        value = Literal(m.name, datatype=XSD.date) if name == "date" else Literal(m.name)
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
        w.add(d, GOV.recipient, Literal(m.name))
    for m in doc.attachments:
        w.add(d, GOV.attachment, Literal(m.name))
    for i, sec in enumerate(doc.sections):
        node = URIRef(f"{d}/section/{i + 1}")
        w.add(d, GOV.hasSection, node)
        w.add(node, RDF.type, GOV.Section)
        w.add(node, GOV.sectionNumber, Literal(sec.number))
        w.add(node, DCTERMS.title, Literal(sec.title))
        w.add(node, GOV.level, Literal(sec.level))
        parent = URIRef(f"{d}/section/{sec.parent + 1}") if sec.parent is not None else d
        w.add(node, DCTERMS.isPartOf, parent)
        w.add(node, GOV.start, Literal(sec.span.start))
        w.add(node, GOV.end, Literal(sec.span.end))


# ---------------------------------------------------------------------------------------
# One function per kind of fact

def _reference(w: _Writer, f: Reference, doc: Document, d: URIRef) -> None:
    work = w.entity(work_iri(f.work.name, None), GOV.CitedWork, f.work.name)
    w.add(work, DCTERMS.title, Literal(f.work.name))
    w.add(d, DCTERMS.references, work)
    node = fact_iri("citation", d, work)
    w.add(node, RDF.type, GOV.Citation)
    w.add(node, GOV.citingDocument, d)
    w.add(node, GOV.cites, work)
    w.provenance(node, f.span, f.rule, d)


def _repeal(w: _Writer, f: Repeal, doc: Document, d: URIRef) -> None:
    title = f.title.name if f.title else None
    number = f.number.name if f.number else None
    work = w.entity(work_iri(title, number), GOV.CitedWork, title or number)
    if title:
        w.add(work, DCTERMS.title, Literal(title))
    if number:
        w.add(work, DCTERMS.identifier, Literal(number))
    w.add(d, GOV.repeals, work)
    node = fact_iri("repeal", d, work, f.span.start)
    w.add(node, RDF.type, GOV.Repeal)
    w.add(node, GOV.citingDocument, d)
    w.add(node, GOV.cites, work)
    w.provenance(node, f.span, f.rule, d)


def _body_node(w: _Writer, m: Mention, d: URIRef, body_type: str | None = None) -> URIRef:
    b = iri_for("body", m.name)
    cls = BODY_CLASSES.get(body_type, GOV.CoordinatingBody)
    if b not in w.labelled:
        w.entity(b, cls, m.name)
    elif body_type:
        w.add(b, RDF.type, cls)
    w.mention(m, b, d)
    return b


def _unit_node(w: _Writer, m: Mention, doc: Document, d: URIRef) -> URIRef:
    u = agency_iri(m, doc.jurisdiction)
    w.entity(u, GOV.CollectiveUnit if m.collective else GOV.Agency, m.name)
    w.mention(m, u, d)
    return u


def _person_node(w: _Writer, m: Mention, doc: Document) -> URIRef:
    p = person_iri(m, doc.jurisdiction)
    if p not in w.labelled:
        w.entity(p, FOAF.Person, m.name)
        w.add(p, FOAF.name, Literal(m.name))
    return p


def _post_node(w: _Writer, m: Mention, doc: Document, unit: URIRef | None = None) -> URIRef:
    post = m.name
    p = post_iri(post, doc.jurisdiction)
    if p not in w.labelled:
        w.entity(p, ORG.Post, post)
        if m.text != post:
            w.add(p, SKOS.altLabel, Literal(m.text))
        if unit is None:
            unit_name, role = split_post(post, doc.jurisdiction)
            if unit_name:
                unit = w.entity(iri_for("agency", unit_name), GOV.Agency, unit_name)
        else:
            role = split_post(post, doc.jurisdiction)[1]
        w.add(p, ORG.postIn, unit)
        w.add(p, GOV.roleLabel, Literal(role))
    return p


def _body(w: _Writer, f: Body, doc: Document, d: URIRef) -> None:
    b = _body_node(w, f.name, d, f.body_type)
    w.add(b, GOV.bodyType, Literal(f.body_type))
    w.add(b, GOV.establishedBy if f.constituted else GOV.mentionedIn, d)
    for a in f.aliases:
        w.add(b, SKOS.altLabel, Literal(a.text))
        w.mention(a, b, d)
    node = fact_iri("body-description", d, b, f.span.start)
    w.add(node, RDF.type, GOV.BodyDescription)
    w.add(node, GOV.describes, b)
    w.add(node, GOV.sectionTitle, Literal(f.section) if f.section else None)
    w.provenance(node, f.span, f.rule, d)
    if f.parent:
        parent = _body_node(w, f.parent, d)
        w.add(b, GOV.parentBody, parent)
        w.add(b, ORG.subOrganizationOf, parent)
        w.add(parent, ORG.hasSubOrganization, b)
        w.add(node, GOV.parentBody, parent)


def _office(w: _Writer, f: Office, doc: Document, d: URIRef) -> None:
    b = _body_node(w, f.body, d)
    host = _unit_node(w, f.host, doc, d)
    w.add(b, GOV.additionalOfficeHost if f.additional else GOV.officeHost, host)
    node = fact_iri("office", d, b, host)
    w.add(node, RDF.type, GOV.OfficeArrangement)
    w.add(node, GOV.body, b)
    w.add(node, GOV.host, host)
    w.provenance(node, f.span, f.rule, d)


def _leader(w: _Writer, f: Leader, doc: Document, d: URIRef) -> None:
    b = _body_node(w, f.body, d)
    role = w.entity(iri_for("role", f.role), GOV.Role, f.role)
    node = fact_iri("leadership", d, b, f.role, f.person.name if f.person else "",
                    f.post.name if f.post else "", f.span.start)
    w.add(node, RDF.type, GOV.Leadership)
    w.add(node, ORG.organization, b)
    w.add(node, ORG.role, role)
    w.add(node, GOV.roleLabel, Literal(f.role))
    post = _post_node(w, f.post, doc) if f.post else None
    w.add(node, GOV.post, post)
    if f.person:
        p = _person_node(w, f.person, doc)
        w.add(node, ORG.member, p)
        w.add(p, GOV.leaderOf, b)
        if post is not None:
            w.add(p, ORG.holds, post)
        if is_head_role(f.role):
            w.add(p, ORG.headOf, b)
    elif post is not None:
        w.add(post, GOV.leaderOf, b)
    w.provenance(node, f.span, f.rule, d)


def _membership(w: _Writer, f: Membership, doc: Document, d: URIRef) -> None:
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
    w.add(node, GOV.viaPerson, Literal(f.person is not None))
    w.provenance(node, f.span, f.rule, d)


def _duty(w: _Writer, f: Duty, doc: Document, d: URIRef) -> None:
    holder = _body_node(w, f.holder, d) if f.holder_kind == "body" else _unit_node(w, f.holder, doc, d)
    node = fact_iri("duty", d, holder, f.text, f.span.start)
    w.add(node, RDF.type, GOV.Duty)
    w.add(node, GOV.holder, holder)
    w.add(holder, GOV.hasDuty, node)
    w.add(node, GOV.dutyText, Literal(f.text))
    w.add(node, GOV.listed, Literal(f.listed))
    w.add(node, GOV.inBody, _body_node(w, f.body, d) if f.body else None)
    w.add(node, GOV.sectionTitle, Literal(f.section) if f.section else None)
    w.provenance(node, f.span, f.rule, d)


def _task(w: _Writer, f: Task, doc: Document, d: URIRef) -> None:
    node = fact_iri("task", d, f.text, f.span.start)
    w.add(node, RDF.type, GOV.Task)
    w.add(node, GOV.taskText, Literal(f.text))
    w.add(node, GOV.sectionTitle, Literal(f.section) if f.section else None)
    for tu in f.units:
        w.add(node, RELATION_PROPERTIES[tu.relation], _unit_node(w, tu.unit, doc, d))
    w.provenance(node, f.span, f.rule, d)


def _appointment(w: _Writer, f: Appointment, doc: Document, d: URIRef) -> None:
    p = _person_node(w, f.person, doc)
    unit = _unit_node(w, f.unit, doc, d) if f.unit else None
    post = _post_node(w, f.post, doc, unit)
    node = fact_iri("appointment", d, p, f.action, post, f.span.start)
    w.add(node, RDF.type, GOV.Appointment)
    w.add(node, GOV.person, p)
    w.add(node, GOV.action, Literal(f.action))
    w.add(node, GOV.post, post)
    if f.date:
        w.add(node, DCTERMS.date, Literal(f.date, datatype=XSD.date))
        w.add(node, GOV.dateSource, Literal(f.date_source) if f.date_source else None)
    w.add(p, GOV.formerlyHeld if f.action == "remove" else ORG.holds, post)
    w.provenance(node, f.span, f.rule, d)


MODEL = {Reference: _reference, Repeal: _repeal, Body: _body, Office: _office, Leader: _leader,
         Membership: _membership, Duty: _duty, Task: _task, Appointment: _appointment}


def sorted_quads(quads: Iterable[Quad]) -> list[Quad]:
    """Quads in one fixed order, for byte-identical output."""
    return sorted(set(quads), key=lambda q: (str(q[3]), str(q[0]), str(q[1]), _sort_key(q[2])))


def _sort_key(term) -> str:
    if isinstance(term, Literal):
        return f"{term}\x00{term.datatype or ''}\x00{term.language or ''}"
    return str(term)


def quads_iter(ds: Dataset) -> Iterator[Quad]:
    for s, p, o, g in ds.quads((None, None, None, None)):
        yield s, p, o, g.identifier if hasattr(g, "identifier") else g
