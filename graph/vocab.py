"""The project's own RDF terms, mirrored from ``ontology/govkg.ttl`` for use at run time.

Everything the standards already have comes from them (``ORG``, ``PROV``, ``SKOS``,
``DCTERMS``, ``FOAF``); this vocabulary holds only what they lack.  Terms are plain IRI
strings, so that the model writes N-Quads without rdflib; a name ``GOV`` does not list is
an error instead of a new IRI.
"""
from __future__ import annotations

import re
from functools import cache
from urllib.parse import quote

NS = "https://w3id.org/govkg/ns#"
ID = "https://w3id.org/govkg/id/"


class Namespace:
    """The terms of a standard vocabulary as IRI strings: ``ORG.memberOf``.

    >>> Namespace("http://www.w3.org/ns/org#").memberOf
    'http://www.w3.org/ns/org#memberOf'
    """

    def __init__(self, iri: str):
        self.iri = iri

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        term = self.iri + name
        setattr(self, name, term)           # found directly from now on
        return term


DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
PREFIXES = {"gov": NS, "org": ORG.iri, "prov": PROV.iri, "skos": SKOS.iri,
            "dcterms": DCTERMS.iri, "foaf": FOAF.iri, "xsd": XSD.iri,
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#"}


class Vocabulary(type):
    """A class whose annotated names are the terms of its namespace ``_NS``: ``GOV.Agency``
    is that term's IRI; any other name is an error (a misspelt term, not a new IRI).

    >>> GOV.Agency
    'https://w3id.org/govkg/ns#Agency'
    >>> GOV.Agnecy
    Traceback (most recent call last):
    AttributeError: 'Agnecy' is not a term of https://w3id.org/govkg/ns#
    """

    def __getattr__(cls, name: str) -> str:
        if name.startswith("__") or name not in cls.__annotations__:
            raise AttributeError(f"{name!r} is not a term of {cls._NS}")
        term = cls._NS + name
        setattr(cls, name, term)
        return term


class GOV(metaclass=Vocabulary):
    """govkg vocabulary (prefix ``gov:``)."""

    _NS = NS

    # classes
    SourceFile: str      # 源文件: one input file; also the name of its graph
    Document: str        # 公文: an issued instrument (notice + the plan it issues)
    Section: str         # 章节: a numbered heading and its text
    CitedWork: str       # 被引文件: a title cited in 《…》 or repealed
    Agency: str          # 单位: a government agency, enterprise or other unit
    CollectiveUnit: str  # 泛指单位: 各旗区人民政府, 有关部门 — many units, not one
    CoordinatingBody: str  # 议事协调机构
    Headquarters: str    # 指挥部
    LeadingGroup: str    # 领导小组
    Committee: str       # 委员会 (防灾减灾救灾委员会 …)
    JointConference: str  # 联席会议
    WorkingGroup: str    # 工作组 / 专项工作组 / 推进组 / 专班
    ExpertGroup: str     # 专家组 / 专家委员会
    Office: str          # 办公室 of a body
    Role: str            # 职务角色: 总指挥, 组长 … (a skos:Concept)
    Leadership: str      # 领导职务: a leading role held in a body
    Duty: str            # 职责
    Task: str            # 任务: a work item with lead / support / responsible units
    Appointment: str     # 任免: one personnel decision
    Citation: str        # 引用: the statement that a document cites a work
    Repeal: str          # 废止: the statement that a document repeals another
    BodyDescription: str  # 机构设置: the passage that constitutes or mentions a body
    OfficeArrangement: str  # 办公室设置: 办公室设在 X
    Evidence: str        # 依据: where in a file a document's field was read
    Mention: str         # 提及: a name as printed, with its span

    # provenance of statements
    source: str          # the SourceFile a statement was read from
    start: str           # start offset (characters, in the decoded file)
    end: str             # end offset (exclusive)
    quote: str           # the original text at [start, end)
    rule: str            # the extraction rule that produced the statement
    page: str            # the page of a PDF the evidence starts on (1-based)
    readByOCR: str       # true: the evidence was read by OCR (lower confidence)
    field: str           # which property of a document an Evidence is for
    evidence: str        # a document's Evidence for one of its fields

    # source files
    fileName: str
    sha256: str
    encoding: str
    mediaType: str
    byteSize: str
    pageCount: str       # pages of a PDF

    # documents
    noticeTitle: str     # 通知标题
    documentKind: str    # notice | personnel | instrument
    inferred: str        # true: no header recognised, the document is the text itself
    dateSource: str      # how an appointment's date is known: decision | signed | published
    jurisdiction: str    # 辖区 (name)
    recipient: str       # 主送
    attachment: str      # 附件 (title)
    documentKey: str     # D1, D2 … within the source file
    inSource: str        # the source file the document was read from
    hasSection: str
    sectionNumber: str   # 一、 （一） 1.1 第三条
    level: str
    repeals: str         # 废止
    cites: str           # the work a Citation or Repeal is about
    citingDocument: str

    # bodies
    bodyType: str        # headquarters | leading_group | …
    establishedBy: str   # the document that constitutes the body
    mentionedIn: str     # a document that only mentions it
    describes: str       # the body a BodyDescription is about
    parentBody: str      # the body it belongs to (an office → its body)
    sectionTitle: str    # the heading the statement stands under
    officeHost: str      # 办公室设在: the unit that hosts the body's office
    additionalOfficeHost: str  # 办公室设在 A和B: B, the second unit named
    body: str            # the body a statement is about
    host: str
    roleLabel: str       # the role word as printed (总指挥)
    post: str            # the post (org:Post) a person holds it in
    leaderOf: str        # person or post → body (shortcut of a Leadership)
    representative: str  # the named person through whom a unit serves
    viaPerson: str

    # duties and tasks
    holder: str          # 责任主体
    hasDuty: str
    dutyText: str
    listed: str          # true: a per-unit listing; false: a narrative "X负责…"
    inBody: str          # the body whose listing a duty stands in
    taskText: str
    leadUnit: str        # 牵头单位
    supportUnit: str     # 配合单位
    responsibleUnit: str  # 责任单位

    # appointments
    person: str
    action: str          # appoint | remove | confirm | secondment
    formerlyHeld: str    # person → post a decision removed them from

    # mentions
    surface: str
    denotes: str
    inDocument: str


BODY_CLASSES = {
    "headquarters": GOV.Headquarters, "leading_group": GOV.LeadingGroup,
    "committee": GOV.Committee, "joint_conference": GOV.JointConference,
    "working_group": GOV.WorkingGroup, "expert_group": GOV.ExpertGroup, "office": GOV.Office,
}
RELATION_PROPERTIES = {"lead": GOV.leadUnit, "support": GOV.supportUnit,
                       "responsible": GOV.responsibleUnit}


def iri_for(kind: str, key: str) -> str:
    """The IRI of a thing from its kind and canonical key; the same inputs give the same IRI.

    Chinese stays readable (an IRI may hold it); ASCII that an IRI may not hold, and
    anything outside the characters RFC 3987 allows, is percent-encoded.

    >>> iri_for("agency", "鄂尔多斯市应急管理局")
    'https://w3id.org/govkg/id/agency/鄂尔多斯市应急管理局'
    >>> iri_for("work", 'a "b" <c>/d')
    'https://w3id.org/govkg/id/work/a%20%22b%22%20%3Cc%3E%2Fd'
    """
    return f"{ID}{kind}/{iri_segment(key)}"


UNSAFE = re.compile("[^A-Za-z0-9\\-._~!$&'()*+,;=:@\u00a0-\u2fff\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]")
"""Characters an IRI path segment may not hold as they are (RFC 3987 ``ipchar``; the
full-width space U+3000 is encoded too, as it would look like a break)."""


def iri_segment(text: str) -> str:
    """``text`` as one IRI path segment.

    >>> iri_segment("市应急管理局(文物局) a/b")
    '市应急管理局(文物局)%20a%2Fb'
    """
    return UNSAFE.sub(_percent_encoded, text)


@cache
def _encoded(char: str) -> str:
    return quote(char, safe="")


def _percent_encoded(m: re.Match) -> str:
    """An unsafe character percent-encoded (each one once: a mention's IRI has two /)."""
    return _encoded(m.group())
