"""The project's own RDF terms, mirrored from ``ontology/govkg.ttl`` for use at run time.

Everything the standards already have comes from them (``rdflib.namespace.ORG``, ``PROV``,
``SKOS``, ``DCTERMS``, ``FOAF``); this vocabulary holds only what they lack.  ``_fail``
makes a misspelt term an error instead of a new IRI.
"""
from __future__ import annotations

import re
from urllib.parse import quote

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

NS = "https://w3id.org/govkg/ns#"
ID = "https://w3id.org/govkg/id/"


class GOV(DefinedNamespace):
    """govkg vocabulary (prefix ``gov:``)."""

    _NS = Namespace(NS)
    _fail = True

    # classes
    SourceFile: URIRef      # 源文件: one input file; also the name of its graph
    Document: URIRef        # 公文: an issued instrument (notice + the plan it issues)
    Section: URIRef         # 章节: a numbered heading and its text
    CitedWork: URIRef       # 被引文件: a title cited in 《…》 or repealed
    Agency: URIRef          # 单位: a government agency, enterprise or other unit
    CollectiveUnit: URIRef  # 泛指单位: 各旗区人民政府, 有关部门 — many units, not one
    CoordinatingBody: URIRef  # 议事协调机构
    Headquarters: URIRef    # 指挥部
    LeadingGroup: URIRef    # 领导小组
    Committee: URIRef       # 委员会 (防灾减灾救灾委员会 …)
    JointConference: URIRef  # 联席会议
    WorkingGroup: URIRef    # 工作组 / 专项工作组 / 推进组 / 专班
    ExpertGroup: URIRef     # 专家组 / 专家委员会
    Office: URIRef          # 办公室 of a body
    Role: URIRef            # 职务角色: 总指挥, 组长 … (a skos:Concept)
    Leadership: URIRef      # 领导职务: a leading role held in a body
    Duty: URIRef            # 职责
    Task: URIRef            # 任务: a work item with lead / support / responsible units
    Appointment: URIRef     # 任免: one personnel decision
    Citation: URIRef        # 引用: the statement that a document cites a work
    Repeal: URIRef          # 废止: the statement that a document repeals another
    BodyDescription: URIRef  # 机构设置: the passage that constitutes or mentions a body
    OfficeArrangement: URIRef  # 办公室设置: 办公室设在 X
    Evidence: URIRef        # 依据: where in a file a document's field was read
    Mention: URIRef         # 提及: a name as printed, with its span

    # provenance of statements
    source: URIRef          # the SourceFile a statement was read from
    start: URIRef           # start offset (characters, in the decoded file)
    end: URIRef             # end offset (exclusive)
    quote: URIRef           # the original text at [start, end)
    rule: URIRef            # the extraction rule that produced the statement
    page: URIRef            # the page of a PDF the evidence starts on (1-based)
    readByOCR: URIRef       # true: the evidence was read by OCR (lower confidence)
    field: URIRef           # which property of a document an Evidence is for
    evidence: URIRef        # a document's Evidence for one of its fields

    # source files
    fileName: URIRef
    sha256: URIRef
    encoding: URIRef
    mediaType: URIRef
    byteSize: URIRef
    pageCount: URIRef       # pages of a PDF

    # documents
    noticeTitle: URIRef     # 通知标题
    documentKind: URIRef    # notice | personnel | instrument
    inferred: URIRef        # true: no header recognised, the document is the text itself
    dateSource: URIRef      # how an appointment's date is known: decision | signed | published
    jurisdiction: URIRef    # 辖区 (name)
    recipient: URIRef       # 主送
    attachment: URIRef      # 附件 (title)
    documentKey: URIRef     # D1, D2 … within the source file
    inSource: URIRef        # the source file the document was read from
    hasSection: URIRef
    sectionNumber: URIRef   # 一、 （一） 1.1 第三条
    level: URIRef
    repeals: URIRef         # 废止
    cites: URIRef           # the work a Citation or Repeal is about
    citingDocument: URIRef

    # bodies
    bodyType: URIRef        # headquarters | leading_group | …
    establishedBy: URIRef   # the document that constitutes the body
    mentionedIn: URIRef     # a document that only mentions it
    describes: URIRef       # the body a BodyDescription is about
    parentBody: URIRef      # the body it belongs to (an office → its body)
    sectionTitle: URIRef    # the heading the statement stands under
    officeHost: URIRef      # 办公室设在: the unit that hosts the body's office
    additionalOfficeHost: URIRef  # 办公室设在 A和B: B, the second unit named
    body: URIRef            # the body a statement is about
    host: URIRef
    roleLabel: URIRef       # the role word as printed (总指挥)
    post: URIRef            # the post (org:Post) a person holds it in
    leaderOf: URIRef        # person or post → body (shortcut of a Leadership)
    representative: URIRef  # the named person through whom a unit serves
    viaPerson: URIRef

    # duties and tasks
    holder: URIRef          # 责任主体
    hasDuty: URIRef
    dutyText: URIRef
    listed: URIRef          # true: a per-unit listing; false: a narrative "X负责…"
    inBody: URIRef          # the body whose listing a duty stands in
    taskText: URIRef
    leadUnit: URIRef        # 牵头单位
    supportUnit: URIRef     # 配合单位
    responsibleUnit: URIRef  # 责任单位

    # appointments
    person: URIRef
    action: URIRef          # appoint | remove | confirm | secondment
    formerlyHeld: URIRef    # person → post a decision removed them from

    # mentions
    surface: URIRef
    denotes: URIRef
    inDocument: URIRef


BODY_CLASSES = {
    "headquarters": GOV.Headquarters, "leading_group": GOV.LeadingGroup,
    "committee": GOV.Committee, "joint_conference": GOV.JointConference,
    "working_group": GOV.WorkingGroup, "expert_group": GOV.ExpertGroup, "office": GOV.Office,
}
RELATION_PROPERTIES = {"lead": GOV.leadUnit, "support": GOV.supportUnit,
                       "responsible": GOV.responsibleUnit}


def iri_for(kind: str, key: str) -> URIRef:
    """The IRI of a thing from its kind and canonical key; the same inputs give the same IRI.

    Chinese stays readable (an IRI may hold it); ASCII that an IRI may not hold, and
    anything outside the characters RFC 3987 allows, is percent-encoded.

    >>> iri_for("agency", "鄂尔多斯市应急管理局")
    rdflib.term.URIRef('https://w3id.org/govkg/id/agency/鄂尔多斯市应急管理局')
    >>> iri_for("work", 'a "b" <c>/d')
    rdflib.term.URIRef('https://w3id.org/govkg/id/work/a%20%22b%22%20%3Cc%3E%2Fd')
    """
    return URIRef(f"{ID}{kind}/{iri_segment(key)}")


UNSAFE = re.compile("[^A-Za-z0-9\\-._~!$&'()*+,;=:@\u00a0-\u2fff\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]")
"""Characters an IRI path segment may not hold as they are (RFC 3987 ``ipchar``; the
full-width space U+3000 is encoded too, as it would look like a break)."""


def iri_segment(text: str) -> str:
    """``text`` as one IRI path segment.

    >>> iri_segment("市应急管理局(文物局) a/b")
    '市应急管理局(文物局)%20a%2Fb'
    """
    return UNSAFE.sub(lambda m: quote(m.group(), safe=""), text)
