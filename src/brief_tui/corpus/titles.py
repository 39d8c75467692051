"""Which line of a document's opening is its title, judged by the shape of the lines around it.

The title is the most title-like line before the running text begins: several words, most of
them capitalised (or all in capitals), not a sentence, and not one of the other lines a cover
or a page top carries: a category label ('Press Release', 'Report'), a site or organisation
name, a person's name or job title, a line that breaks off on 'by' or 'of' ('Remarks by',
'TESTIMONY OF'), an address. A subject line ('RE: …') names a letter; a line repeated later
(a running title, a breadcrumb) or followed by a dateline or byline is more likely the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from brief_tui.corpus.blocks import Block

SMALL_WORDS = frozenset(
    "a an and the of to in for on with by at from as or nor but vs via into over under after "
    "before about than de del la las los el y e da do das dos van von der".split()
)
_CATEGORY = frozenset(
    """
    report reports brief briefing policy recommendation recommendations press release releases
    news analysis opinion commentary op-ed editorial statement statements letter letters
    testimony transcript remarks speech fact sheet sheets readout media advisory blog post
    article feature interview explainer update updates announcement announcements memo
    memorandum summary overview contents issue paper papers working research publication
    background introduction highlights abstract conclusion conclusions findings preface
    foreword acknowledgments acknowledgements appendix notes facts fast key points takeaways
    glance brief readout hearing hearings webinar panel podcast episode communiqué communique
    comunicado boletín boletin bulletin declaración declaracion pronunciamiento
    publications resources resource insights insight event events story stories joint
    """.split()
)
ORG_WORDS = frozenset(
    """
    service institute institution center centre council department agency ministry ministerio
    office bureau committee commission coalition alliance network forum foundation association
    union organization organisation organizations organisations society government university
    school library herald times post journal news press tribune gazette group fund bank
    program programme house senate congress parliament court secretariat initiative
    international partnership trust campaign project federation league embassy mission
    secretaría secretaria ministère ministério ministerio instituto institut comisión comision
    comité comite consejo conseil fundación fundacion fondation asociación asociacion
    association alianza aliança alliance red réseau colectivo collectif coordinadora
    gobierno gouvernement governo procuraduría procuraduria fiscalía fiscalia defensoría
    defensoria oficina bureau embajada ambassade universidad université universidade centro
    observatorio observatoire movimiento mouvement federación federacion sindicato unión
    """.split()
)
# Words joining an organisation word to what it is of: 'Ministry of …', 'Alianza por …'.
_ORG_JOINS = frozenset("of for on in de del por para pour des du da do dos das".split())
_ROLE_WORDS = frozenset(
    """
    fellow associate director specialist analyst secretary representative ambassador
    correspondent editor professor officer chair chairman chairwoman chairperson coordinator
    manager researcher adviser advisor counsel spokesperson spokesman spokeswoman president
    vice deputy assistant principal senior junior lecturer reporter writer author scholar
    administrator commissioner minister undersecretary envoy consul attaché intern
    """.split()
)
_HONORIFIC = re.compile(
    r"^(?:ambassador|senator|secretary|president|minister|dr|mr|mrs|ms|prof|professor|rep|"
    r"representative|hon|honorable|the honorable|chairman|chairwoman|judge)\.?\s",
    re.IGNORECASE,
)
_NAME_PART = re.compile(
    r"^(?:[A-ZÀ-Þ][A-Za-zÀ-ÿ'’-]+|[A-Z]\.|Jr\.|Sr\.|I{1,3}|de|la|van|von|del|da)$"
)
_INITIAL = re.compile(r"^(?:[A-Z]\.|Jr\.|Sr\.)$")
# A line naming an official in a sentence or a headline is not a job title.
_NOT_A_ROLE = re.compile(r"\w['’]s\b|\b(?:with|meets?|met|says?|said|visits?|calls?)\b", re.I)
_SUBJECT = re.compile(r"^(?:re|subject|subj|title)\s*:\s*(.+)$", re.IGNORECASE)
_RECORD = re.compile(
    r"^(?=.*\S*(?:/|\d)\S*)(?P<prefix>.{6,120}?\bis):\s*(?P<title>[A-Z“\"'‘].{4,200})$"
)
_FRAGMENT_END = re.compile(r"\b(?:by|of|before|from|for|to|and|the|with|in)$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!][\"'”’)\]]*$")
_ABBREVIATION_END = re.compile(r"\b(?:[A-Z]\.){2,}$")
_ADDRESS = re.compile(
    r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|^\d+\s+\w+.*\b(?:avenue|ave|street|st|road|rd|suite|"
    r"boulevard|blvd|plaza|floor)\b",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s[|·•]\s")
_SITE_PREFIX = re.compile(r"^[A-Z][A-Z&.]{1,5}:\s")
_WORD = re.compile(r"[\w'’.-]+")


@dataclass(frozen=True)
class Candidate:
    index: int  # where the title starts among the blocks
    end: int  # one past the last block it takes (a title over two lines takes two)
    text: str
    score: float
    sure: bool  # the source said so (a subject line, a top-level heading)


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if any(c.isalpha() for c in w)]


def capitalised_share(text: str) -> float:
    """The share of words other than small words that start with a capital."""
    words = [w for w in _words(text) if w.lower() not in SMALL_WORDS]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper()) / len(words)


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def is_category_label(text: str) -> bool:
    words = [w.lower().strip(":") for w in _words(text)]
    return 0 < len(words) <= 3 and all(w in _CATEGORY or w in SMALL_WORDS for w in words)


_SECTION_LABELS = frozenset(
    """
    summary highlights background introduction overview contents abstract conclusion
    conclusions findings transcript readout notes fast facts key points takeaways at a glance
    executive what found
    """.split()
)


def is_section_label(text: str) -> bool:
    """A label over a part of a document ('Summary', 'Fast Facts', 'Key Takeaways'), which
    names no document."""
    words = [w.lower().strip(":") for w in _words(text)]
    return 0 < len(words) <= 3 and all(w in _SECTION_LABELS for w in words)


def is_person_name(text: str, next_text: str = "") -> bool:
    """'Ambassador Frank Mora', 'Kristin M. Finklea', or two or three capitalised names over a
    job title ('Clare Ribando Seelke' above 'Specialist in …')."""
    text = text.strip().rstrip(",")
    honorific = _HONORIFIC.match(text) is not None
    tokens = _HONORIFIC.sub("", text).replace(",", " ").split()
    if not 2 <= len(tokens) <= 5 or not all(_NAME_PART.match(t) for t in tokens):
        return False
    if {t.lower().strip(".") for t in tokens} & (ORG_WORDS | _ROLE_WORDS | _CATEGORY):
        return False
    initial = any(_INITIAL.match(t) for t in tokens)
    return honorific or initial or (len(tokens) <= 3 and is_job_title(next_text))


def is_job_title(text: str) -> bool:
    """'Senior Fellow, Migration Program', 'Specialist in Latin American Affairs'."""
    words = [w.lower().strip(",.") for w in _words(text)]
    if not 0 < len(words) <= 8 or _SENTENCE_END.search(text) or _NOT_A_ROLE.search(text):
        return False
    # The role heads the phrase ('Specialist in …', 'Senior Fellow, …') or closes it
    # ('Permanent Representative', 'Research Associate').
    roles = [i for i, w in enumerate(words) if w in _ROLE_WORDS]
    return bool(roles) and (roles[0] <= 1 or roles[-1] == len(words) - 1 or "," in text)


def is_organisation(text: str) -> bool:
    """'Congressional Research Service', 'Ministry of Labour and Human Mobility': capitalised
    words ending on an organisation word, or on one followed by 'of/for/on …'."""
    words = [w.lower() for w in _words(text)]
    if not 2 <= len(words) <= 9 or capitalised_share(text) < 0.6:
        return False
    for index, word in enumerate(words):
        if word in ORG_WORDS:
            after = words[index + 1 :]
            return not after or after[0] in _ORG_JOINS
    return False


def is_address(text: str) -> bool:
    return bool(_ADDRESS.search(text))


def subject_of(text: str) -> str:
    """The subject of a letter's 'RE:' line, or ''."""
    match = _SUBJECT.match(text.strip())
    return match.group(1).strip() if match else ""


def record_title(text: str) -> str:
    """The title at the end of a viewer's record line ('handle is x/1 and id is 1 raw text is:
    Mexico's Immigration Control Efforts'), or ''."""
    match = _RECORD.match(text.strip())
    if not match or not re.search(r"\S*[/\d]\S*", match.group("prefix")):
        return ""
    return match.group("title").strip()


_MEMO_FIELD = re.compile(
    r"^(?:to|from|cc|bcc|re|subject|subj|attn|attention|through|thru|memorandum for|date|"
    r"prepared (?:for|by)|submitted (?:to|by)|author|authors|editor|editors)\s*:|^by\s",
    re.IGNORECASE,
)
_REPORT_NUMBER = re.compile(r"^(?=.*\d)[A-Z]{0,6}[-\s]?[\d][\w.\-/]*$")


def is_front_matter_line(text: str, next_text: str = "") -> bool:
    """A line a cover, masthead or memo header carries about the document: a name, a job
    title, an organisation, an address, a category label, a memo field, a report number, a
    line breaking off on 'of' or 'by', or a site strip ('Site | Section')."""
    text = text.strip()
    if len(text.split()) >= 14:
        return False
    return bool(
        _MEMO_FIELD.match(text)
        or _REPORT_NUMBER.match(text)
        or _FRAGMENT_END.search(text.rstrip(":"))
        or _SEPARATOR.search(text)
        or is_category_label(text)
        or is_person_name(text, next_text)
        or is_job_title(text)
        or is_organisation(text)
        or is_address(text)
        or subject_of(text)
        or record_title(text)
    )


def title_score(text: str, next_text: str = "") -> float:
    """How much a line looks like a title; 0 when it cannot be one."""
    text = text.strip()
    words = _words(text)
    if not words or len(words) > 45 or not (text[0].isupper() or text[0] in "“\"'‘¿¡"):
        return 0.0
    if _SENTENCE_END.search(text) and not _ABBREVIATION_END.search(text):
        return 0.0
    if (
        is_category_label(text)
        or _FRAGMENT_END.search(text.rstrip(":"))
        or is_person_name(text, next_text)
        or is_job_title(text)
        or is_address(text)
    ):
        return 0.0
    share = capitalised_share(text)
    if share < 0.5 and len(words) > 8:
        return 0.0  # a sentence without its full stop
    score = min(len(words), 20) + (5 if share >= 0.6 else 0) + (2 if is_caps(text) else 0)
    if is_organisation(text):
        score -= 8
    if _SEPARATOR.search(text) or _SITE_PREFIX.match(text):
        score -= 6  # 'Site · tagline', 'WOLA: Advocacy for …'
    return max(score, 0.0)


def _joins(first: Block, second: Block) -> bool:
    """A title set over two lines: the first ends on a colon or a small word, or the second
    starts in lower case; both are short and no blank line parts them."""
    if not second.tight or second.kind == "item" or len(second.text.split()) > 14:
        return False
    if _SENTENCE_END.search(second.text):
        return False
    head = first.text.rstrip()
    return head.endswith(":") or bool(_FRAGMENT_END.search(head)) or second.text[:1].islower()


# 'Hearing: "Women, Work and Safety"': a kind of document naming its title in quotes.
_KIND_QUOTED = re.compile(r"^([\w ’'-]{3,30}):\s*[“\"‘'](.{8,200})[”\"’']$")
# Lines cleaning dropped that sit around a headline: its byline, dateline or number.
_ABOUT_A_HEADLINE = frozenset(("dateline", "byline", "document number", "field line"))
_NAME_KEY = re.compile(r"\s*(?:[-–—]\s*[A-Z]{2,8}|\([A-Z]{2,8}\))\s*$")


def _name_key(text: str) -> str:
    """A name without its acronym ('Alianza … – ADT', 'Alianza … (ADT)'), in plain words."""
    text = _NAME_KEY.sub("", text.strip())
    return " ".join(re.sub(r"[^\w\s]", " ", text).casefold().split())


@dataclass(frozen=True)
class Dropped:
    """A line cleaning took out of the opening, and how many kept blocks came before it."""

    position: int
    reason: str
    text: str


def unquoted_title(text: str) -> str:
    """'Hearing: "Women, Work and Safety"' names the hearing; its title is the quoted part."""
    match = _KIND_QUOTED.match(text.strip())
    if match and is_category_label(match.group(1)):
        return match.group(2).strip()
    return text


def headline_score(text: str) -> float:
    """A headline in sentence case ('Mexico and the United States sign agreements on …'),
    which only the lines around it tell from a sentence; 0 when it cannot be one."""
    text = text.strip()
    words = _words(text)
    if not 3 <= len(words) <= 30 or not (text[0].isupper() or text[0] in "“\"'‘¿¡"):
        return 0.0
    if len(re.findall(r"[.!?](?:\s|$)", text)) > 2 or text.endswith((",", ";", ":")):
        return 0.0
    if is_category_label(text) or _FRAGMENT_END.search(text) or is_address(text):
        return 0.0
    return min(len(words), 20) + 6.0


def _in_context(blocks: list[Block], index: int, end: int, dropped: tuple[Dropped, ...]) -> bool:
    """Whether a line stands where a headline stands: over a byline or a dateline, or under
    a kicker ('PUBLIC STATEMENT', 'OPINION | GUEST COLUMN', 'Comunicado No. 318')."""
    if end < len(blocks) and _is_metadata_line(blocks[end].text):
        return True
    if any(d.position == end and d.reason in _ABOUT_A_HEADLINE for d in dropped):
        return True
    if index > 0:
        before = blocks[index - 1].text
        parts = [p for p in _SEPARATOR.split(before) if p.strip()]
        if parts and all(is_category_label(p) for p in parts):
            return True
    return any(d.position == index and d.reason in _ABOUT_A_HEADLINE for d in dropped)


def _is_masthead(text: str, dropped: tuple[Dropped, ...]) -> bool:
    """A site's or a publisher's name: named again inside a copyright line, a dateline or a
    list of signatories ('© 2025 The Ridgeline Courier', 'Secretaría … | 22 de agosto')."""
    key = _name_key(text)
    if len(key.split()) < 2:
        return False
    return any(key in _name_key(d.text) and key != _name_key(d.text) for d in dropped) or any(
        key == _name_key(d.text) and d.reason == "signature or contact" for d in dropped
    )


def choose_title(
    blocks: list[Block], body_start: int, dropped: tuple[Dropped, ...] = ()
) -> Candidate | None:
    """The best title among the blocks before the running text, or None. `dropped` are the
    lines cleaning took out (bylines, datelines, copyright lines), which say where a headline
    stands and which names are the publisher's."""
    texts = [" ".join(b.text.lower().split()) for b in blocks if not b.role]
    candidates: list[Candidate] = []
    for index, block in enumerate(blocks[:body_start]):
        if block.role:
            break  # a contents list comes after the title
        text, end, sure = block.text, index + 1, False
        if subject := subject_of(text):
            while end < body_start and blocks[end].tight and blocks[end].kind != "item":
                subject, end = f"{subject} {blocks[end].text}", end + 1
            text, sure = subject, True
        elif found := record_title(text):
            text = found
        elif end < body_start and _joins(block, blocks[end]):
            text, end = f"{text} {blocks[end].text}", end + 1
        if block.kind == "item" and not sure:
            continue
        text = unquoted_title(text)
        following = blocks[end].text if end < len(blocks) else ""
        score = 30.0 if sure else title_score(text, following)
        context = _in_context(blocks, index, end, dropped)
        if score <= 0 and context:
            score = headline_score(text)
        elif context:
            score += 3
        if block.kind == "heading" and block.level == 1:
            score, sure = score + 25, True
        if score <= 0:
            continue
        masthead = not sure and _is_masthead(text, dropped)
        key = " ".join(text.lower().split())
        if masthead:
            score -= 10
        elif sum(1 for t in texts if t == key or (len(key.split()) >= 3 and key in t)) >= 2:
            score += 4  # repeated: a running title, a breadcrumb
        if score <= 0:
            continue
        candidates.append(Candidate(index, end, text.strip(), score, sure))
    if not candidates:
        return None
    top = max(c.score for c in candidates)
    if top < 6:
        return None
    # A title comes before the lines about it: the first line nearly as good as the best.
    return next(c for c in candidates if c.score >= 0.8 * top)


def _is_metadata_line(text: str) -> bool:
    from brief_tui.corpus.datelines import date_line

    return date_line(text) is not None or text.lower().startswith("by ")


_VOWEL = re.compile(r"[AEIOU]")


def recased(title: str, text: str) -> str:
    """A title set in capitals, in title case: small words in lower case, and a word kept in
    capitals when it is one (the document's own text writes it so, or it has no vowel, or
    dots: 'FY', 'U.S.', 'USAID')."""
    if not is_caps(title) or len(title.split()) < 3:
        return title
    capitals = set(re.findall(r"\b[A-Z][A-Z.&-]+\b", text))
    words = []
    for index, word in enumerate(title.split()):
        core = word.strip("“”\"'‘’(),:;")
        no_vowel = not _VOWEL.search(core) and (len(core) <= 2 or "Y" not in core)
        if core in capitals or no_vowel or "." in core or len(core) <= 1:
            words.append(word)
        elif index > 0 and core.lower() in SMALL_WORDS:
            words.append(word.lower())
        else:
            words.append(word[:1] + word[1:].lower())
    return " ".join(words)
