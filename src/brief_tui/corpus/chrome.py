"""What a line of page chrome looks like, wherever it stands.

Each rule names a *kind* of text that web pages, document viewers and press offices add
around a document: menus and breadcrumbs (short parts between separators), widget lines made
of interface words (share, print, log in, subscribe), copyright, cookie and captcha notices,
government-site banners, press-office and contact lines, photo captions and credits, bylines,
datelines and field lines ('Location: …'). A line is judged by its shape and by the share of
interface words in it, never by the wording of a particular site. `chrome_reason` returns why
a line is chrome, or "" when it is text.
"""

from __future__ import annotations

import re
from typing import Any

from brief_tui.corpus.datelines import date_line

# Words that make up interface controls; a short line made mostly of them is a widget.
UI_WORDS = frozenset(
    """
    skip jump to main content navigation nav menu toggle close open search go home back top
    log login logout sign signin signup in out up register account subscribe subscription
    unsubscribe donate give now share shares sharing print printer friendly version email e-mail
    mail post tweet facebook twitter x linkedin whatsapp instagram youtube tiktok threads bluesky
    reddit telegram flipboard pinterest copy link url follow us on newsletter newsletters
    download pdf save cite citation bookmark comments comment reply listen watch play audio
    video read more full article story page site this the a our your my of for and all
    advertisement advertising sponsored ad ads cookies cookie accept decline reject settings
    preferences manage privacy policy terms use conditions accessibility sitemap help contact
    rss feed language languages english español français português deutsch view next previous
    prev feedback related featured trending popular latest recommended see also explore
    hide show expand collapse more less gift gifted unlock paywall min mins minute minutes
    """.split()
)
# Words that are interface controls on their own (a line needs one of them to be a widget).
_STRONG_UI = frozenset(
    """
    skip menu search login log sign subscribe donate share print email e-mail tweet facebook
    twitter linkedin whatsapp instagram youtube follow newsletter download pdf save cite bookmark
    comments listen gift advertisement advertising sponsored cookies cookie privacy terms
    accessibility sitemap rss languages english español français
    """.split()
)
_LANGUAGES = frozenset(
    "english español espanol spanish français francais french português portuguese deutsch "
    "italiano العربية 中文 русский kreyòl kreyol".split()
)
_SEPARATOR = re.compile(r"\s+(?:[|·•›»>/]|–|—|-{1,2})\s+|\s{2,}")
_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*(?:\s|$)")
# Abbreviations and initials whose full stop does not end a sentence.
_ABBREVIATIONS = re.compile(
    r"\b(?:[A-Za-z]\.){2,}|\b[A-Z]\.|\b(?:Mr|Ms|Mrs|Dr|St|No|Nos|Jr|Sr|Hon|Rep|Reps|Sen|Gov|Gen|"
    r"Lt|Col|Sgt|Prof|Rev|vs|etc|Inc|Co|Corp|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|"
    r"Dec|Fig|Vol|pp|approx|Dept|Amb|Ave|Blvd)\."
)
_WORD = re.compile(r"[\w'’.-]+")

_SKIP = re.compile(r"^(?:skip|jump)\s+to\b", re.I)
_COPYRIGHT = re.compile(r"^©|^\(c\)\s*\d{4}|\bcopyright\s*(?:©\s*)?\d{4}|all rights reserved", re.I)
_COOKIES = re.compile(r"\bcookies?\b", re.I)
_CONSENT = re.compile(
    r"\b(?:accept|consent|decline|preferences|settings|agree|we use|uses)\b", re.I
)
_CAPTCHA = re.compile(
    r"verify (?:that )?you are (?:a )?human|are you a robot|security of your connection|"
    r"checking your browser|verification successful|enable javascript|\bcaptcha\b|\bray id\b",
    re.I,
)
_NEWSLETTER = re.compile(
    r"\bnewsletters?\b|\bin your inbox\b|^(?:your )?e-?mail(?: address)?$|"
    r"\bstay (?:informed|updated|connected|in touch)\b|"
    r"^(?:\S+\s+){0,3}(?:sign\s*up|subscribe)\b(?:\s+\S+){0,6}$",  # 'Sign up', 'Subscribe for $1 a week'
    re.I,
)
_GOV_BANNER = re.compile(
    r"\bofficial (?:website|site|web site)s?\b|\.gov websites?\b|\bhttps\b(?!:)|"
    r"\bsecure (?:\.gov )?websites?\b|\bsafely connect|^(?:u\.s\.|us) flag$|"
    r"^(?:government|official) website$|^here['’]?s how you know$",
    re.I,
)
_PRESS_OFFICE = re.compile(
    r"^(?:for immediate release|immediate release|press release|news release|media advisory|"
    r"(?:media|press) (?:contacts?|enquiries|inquiries):?|(?:for (?:more|further) information,? )?(?:please )?contact:?|"
    r"(?:begin|end) (?:of )?(?:text|statement)[:.]?|"
    r"contacts?:|#{3,}|-+\s*(?:end|30)\s*-+|embargoed.{0,40})$|"
    r"^(?:the )?(?:office|bureau) of (?:press|public|media)\b.{0,40}$|"
    r"^press (?:office|relations)\b.{0,40}$|"
    r"^(?:the )?(?:below|following)(?: statement)? is attributable to\b",
    re.I,
)
_CAPTION = re.compile(
    r"^(?:photo|photograph|image|picture|illustration|graphic|video|credit|photo credit)s?\s*(?:by\b|[:|])|"
    r"(?:^|[.!?)]\s*)Credits?\s*(?::|\.\.\.|…)|\((?:AP|AFP|Reuters|Getty|EPA|Xinhua)\b[^)]*\)$|"
    r"^\([^)]*\bphoto\b[^)]*\)$|\(getty images\)$|"
    r"^source:.*\b(?:adapted|created|designed|drawn|modified) by\b|^(?:map|graphic|chart) (?:by|credit)\b",
    re.I,
)
_BYLINE = re.compile(
    r"^[Bb][Yy]:?\s+(?:[A-Z][\w'’.-]*\.?\s*){1,4}(?:(?:,|and|&)\s+(?:[A-Z][\w'’.-]*\.?\s*){1,4})*$"
)
_FIELD = re.compile(
    r"^(?:location|place|venue|time|tags|topics?|categor(?:y|ies)|filed under|keywords|subjects?|"
    r"reading time|you are here|share this|print this)\s*:",
    re.I,
)
_WIDGET_PHRASE = re.compile(
    r"\bwas this (?:page|article|document|information) (?:useful|helpful)|"
    r"^thank you for your (?:participation|feedback)|^\d[\d,]*\s+(?:comments?|shares?|views?)$|"
    r"^a version of this (?:article|story) appears? in print|^\d+\s+min(?:ute)?s?\s+read$|"
    r"^reporting from\b.{0,40}$|"
    r"^follow\b.{0,40}\b(?:on social media|on (?:twitter|x|facebook))$|^(?:suggest|submit) an? \w+$",
    re.I,
)
# The header of a block of links to other pages; the titles under it go with it.
_RELATED = re.compile(
    r"^(?:related|more|other|latest|recent) (?:press |news |media )?(?:content|news|stories|articles|posts|documents|"
    r"resources|reading|links|publications|reports|statements|releases)$|"
    r"^(?:related|see also|read next|read more|you may also like|recommended(?: for you)?|tags|topics|"
    r"most read|most popular|trending|featured(?: \w+)?|in (?:this|the) series):?$|"
    r"^more (?:on|from)\b.{0,60}$",
    re.I,
)
# A publisher's disclaimer: 'The views expressed … do not necessarily reflect those of …'.
_DISCLAIMER = re.compile(
    r"\bdo(?:es)? not necessarily (?:reflect|represent|state)\b|\bare the (?:sole )?responsibility of\b|"
    r"\b(?:views|opinions) (?:expressed )?(?:here(?:in)? |in this \w+ )?are (?:solely )?"
    r"(?:the|those of the) (?:authors?|writers?|contributors?)['’]?s?(?: own)?\b|"
    r"^(?:the )?(?:views|opinions) expressed\b.{0,60}\bown\W*$",
    re.I,
)
# An appeal for money: 'Your gift can help …', 'Make a tax-deductible donation'.
_APPEAL = re.compile(
    r"\b(?:your|a) (?:gift|donation|contribution)s?\b.{0,80}\b(?:helps?|supports?|makes?)\b|"
    r"\bmake a (?:gift|donation)\b|\btax[- ]deductible\b|^(?:please )?(?:donate|give)(?: now| today)?[.!]?$",
    re.I,
)
_DOWNLOAD = re.compile(r"^(?:download|print|save|export)\b(?!.*[.!?]$)", re.I)
_URL_ONLY = re.compile(
    r"^\(?(?:https?://|www\.)\S+\)?$|^[\w-]+(?:\.[\w-]+)*\.(?:org|com|gov|net|int|edu|info|io|mil)(?:/\S*)?$",
    re.I,
)
_CODE = re.compile(r"^(?=\S*\d)(?!\S*[A-Z]{4})[A-Z0-9][A-Z0-9.\-/]{2,20}$")  # 'R41349', '7-5700'
# A transcript's furniture: '[10:14]', '(Laughter.)', 'Uncorrected transcript …', 'Excerpt
# begins at 10:14 a.m.', 'END OF EXCERPT'.
_TIMESTAMP = re.compile(r"^[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?[\])]?$", re.I)
_STAGE_DIRECTION = re.compile(
    r"^[\[(](?:laughter|laughs|applause|inaudible|crosstalk|cross-talk|pause|silence|recess|"
    r"off[- ]mic(?:rophone)?|audio gap|music|video (?:plays|ends)|gavel|break|unintelligible)"
    r"[\w\s.,]{0,20}[\])]$",
    re.I,
)
_TRANSCRIPT_NOTE = re.compile(
    r"^(?:(?:un)?(?:corrected|edited|official|unofficial|verbatim|rush|raw)\s+)?transcript\b.{0,40}"
    r"\b(?:errors?|verified|corrected|edited|official|not be quoted|may differ)\b.{0,60}$|"
    r"^(?:this (?:is an? )?)?(?:un)?(?:corrected|unofficial|rush) transcript\b.{0,80}$|"
    r"^(?:the )?(?:excerpt|transcript|recording|video|audio|webcast|livestream) (?:begins|starts|"
    r"ends|resumes)\b.{0,40}$|^(?:end|start|beginning) of (?:the )?(?:excerpt|transcript|"
    r"recording|hearing|session|webcast)\W*$",
    re.I,
)
# 'Comunicado No. 318', 'Situation Report No. 27', 'Press Release 45/2024', 'Bulletin #12'.
_DOCUMENT_NUMBER = re.compile(
    r"^(?:[\w’'-]+\s){0,3}[\w’'-]+\s*(?:no\.?|nos\.?|núm\.?|n[º°o]\.?|#)\s*\d[\d./-]*$", re.I
)
# '(Unofficial translation from the Spanish original)', 'Translated from French by …'.
_TRANSLATION_NOTE = re.compile(
    r"^\(?(?:an? )?(?:unofficial|informal|official|free|courtesy|machine|automatic)?\s*"
    r"(?:english )?translation(?:\s*[:.]?\s*|\s+(?:from|by|of the|into|provided|courtesy)\b.{0,80})\)?$|"
    r"^\(?translated (?:from|by)\b.{0,80}\)?$|"
    r"^\(?(?:traducci[oó]n|traduction|tradução)\b.{0,80}\)?$",
    re.I,
)
# 'This document was prepared under the … Policy', 'This report was published in accordance
# with …': where a publication comes from, not what it says.
_PUBLICATION_NOTE = re.compile(
    r"^this (?:document|report|publication|brief|paper|note|page|update|bulletin) (?:was|has "
    r"been|is) (?:prepared|produced|published|disclosed|made (?:available|public)|released|"
    r"issued) (?:under|in accordance with|pursuant to|as part of|by\b.{0,80}\b(?:in "
    r"(?:collaboration|partnership|cooperation|coordination) with|with (?:support|funding) "
    r"from))\b|^suggested citation\b|^(?:please )?cite (?:this|as)\b|^printed for the use of\b|"
    r"^(?:u\.s\. )?government (?:publishing|printing) office$|"
    r"^(?:this|the) (?:article|story|report|post|page) (?:has been|was) (?:updated|corrected|"
    r"amended)\b.{0,40}\b(?:correct|error|clarif|reflect)",
    re.I,
)
_ENUMERATOR = re.compile(
    r"^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|finally|lastly|next)"
    r"(?:ly)?\s*:$",
    re.I,
)


RELATED = "links to other pages"
# A printer's furniture: GPO slug lines ('VerDate Sep 11 2014 14:22 Jun 03, 2024 Jkt 055921 …'),
# image placeholders ('[GRAPHIC] [TIFF OMITTED] T5921.001'), rules drawn with characters, and
# bracketed editorial notes ('[The prepared statement of Ms. Ruiz follows:]').
_PRINTER = re.compile(
    r"^VerDate\b.{0,40}\bJkt\b|\bJkt \d+\s+PO \d+\s+Frm \d+|^\[(?:GRAPHIC|TIFF OMITTED|"
    r"IMAGE|CHART|TABLE OMITTED|FIGURE)\]|^[=_\-–—~*·.•\s]{4,}$",
)
_EDITORIAL = re.compile(
    r"^\[(?:the |a )?(?:prepared statement|statement|information|letter|material|questions|"
    r"responses?|article|report|chart|submission)s?\b[^\]]{0,80}\b(?:follows?|referred to|"
    r"submitted|retained|appears?|inserted)\b[^\]]{0,40}\]$|^\[(?:recess|whereupon)\b[^\]]{0,200}\]$",
    re.I,
)
_BILINGUAL = re.compile(r"\s+/\s+")  # 'Comunicados relacionados / Related press releases'
SIGNATORIES = "list of signatories"
# The header of a list of signatories; the names under it go with it.
_SIGNATORIES = re.compile(
    r"^(?:(?:list of |the )?(?:signator(?:y|ies)|co-?signers?|signers|endorsers|undersigned)"
    r"(?: organi[sz]ations?| groups| members)?|(?:signed|endorsed|supported|signing) by|"
    r"(?:signing|endorsing|supporting) organi[sz]ations|organizaciones firmantes|firmantes|"
    r"firman|signataires)\s*:?$",
    re.I,
)


def words_of(text: str) -> list[str]:
    return [w.strip(".'’-").lower() for w in _WORD.findall(text) if w.strip(".'’-")]


def is_sentence(text: str) -> bool:
    """Whether `text` ends a sentence somewhere (not counting 'U.S.', 'Dr.', initials)."""
    return bool(_SENTENCE.search(_ABBREVIATIONS.sub("X", text)))


# A running time beside a player or a reading-time widget: '(1:28:40)', '(6 min)', '4 min read'.
_DURATION = re.compile(
    r"\(?\b\d{1,2}(?::\d{2}){1,2}\)?|\(?\b\d+\s*(?:min|mins|minutes?|sec|seconds?|h|hrs?)\b\.?\)?",
    re.I,
)


def _is_widget(text: str) -> bool:
    """A short line made mostly of interface words: 'Share full article', 'Print | Share',
    '▶ Watch the video (1:28:40)', 'Listen (6 min)'."""
    words = words_of(_DURATION.sub(" ", text))
    if not words or len(words) > 10 or text.rstrip().endswith("."):
        return False
    ui = sum(1 for w in words if w in UI_WORDS)
    strong = any(w in _STRONG_UI for w in words)
    return ui >= 0.7 * len(words) and (strong or (ui == len(words) and len(words) <= 4))


_CRUMB = re.compile(r"\s+[›»>]\s+")


def _is_breadcrumb(text: str) -> bool:
    """'Home > Press > 2024': short parts between arrows, which no sentence or table uses."""
    parts = [p.strip() for p in _CRUMB.split(text) if p.strip()]
    return len(parts) >= 2 and all(len(p.split()) <= 5 for p in parts) and not is_sentence(text)


def _is_menu(text: str) -> bool:
    """Three or more short parts between separators: a menu, a breadcrumb, a footer strip."""
    if _is_breadcrumb(text):
        return True
    parts = [p.strip() for p in _SEPARATOR.split(text) if p.strip()]
    if len(parts) >= 2 and all(set(words_of(p)) <= _LANGUAGES for p in parts):
        return True  # a language switcher
    if len(parts) < 3 or _SENTENCE.search(text.rstrip("?")) or any(c.isdigit() for c in text):
        return False  # figures between bars are a table's row, not a menu
    return all(len(p.split()) <= 6 for p in parts[:-1]) and len(parts[-1].split()) <= 16


# A line announcing the points under it ('Our recommendations', 'We ask the ministry to:'):
# short lines after it are the document's own points, not links or footer labels.
_ANNOUNCES_POINTS = re.compile(
    r"\b(?:recommend\w*|asks?|demands?|calls?|priorit\w*|steps|actions|proposals|measures|"
    r"commitments|goals|objectives|pillars|principles|key points|findings)\b",
    re.I,
)


def announces_points(text: str) -> bool:
    """A lead-in ending on a colon, or a short heading naming points ('Our recommendations')."""
    text = text.strip()
    if text.endswith(":"):
        return len(text.split()) <= 35
    return len(text.split()) <= 8 and _ANNOUNCES_POINTS.search(text) is not None


def table_rows(blocks: list[Any]) -> set[int]:
    """Indexes of blocks that are rows of a table: two or more neighbouring lines cut into the
    same number of cells by bars ('Country | 2020 | 2021')."""
    cells = [len(b.text.split(" | ")) for b in blocks]
    rows: set[int] = set()
    for index, count in enumerate(cells):
        if count < 2:
            continue
        if (index > 0 and cells[index - 1] == count) or (
            index + 1 < len(cells) and cells[index + 1] == count
        ):
            rows.add(index)
    return rows


def chrome_reason(text: str) -> str:
    """Why a block of text is page chrome wherever it stands, or "" when it is not."""
    stripped = text.strip()
    short = len(stripped.split()) <= 25
    if _SKIP.match(stripped):
        return "skip link"
    if _COPYRIGHT.search(stripped) and len(stripped) < 250:
        return "copyright line"
    if _CAPTCHA.search(stripped) and len(stripped) < 300:
        return "verification notice"
    if _COOKIES.search(stripped) and _CONSENT.search(stripped) and len(stripped) < 400:
        return "cookie notice"
    if _GOV_BANNER.search(stripped) and len(stripped) < 200:
        return "official website banner"
    if short and _NEWSLETTER.search(stripped):
        return "sign-up line"
    if _PRESS_OFFICE.search(stripped):
        return "press office line"
    if _CAPTION.search(stripped) and len(stripped) < 300:
        return "caption or credit"
    if _BYLINE.match(stripped):
        return "byline"
    if _FIELD.match(stripped):
        return "field line"
    if any(_RELATED.match(part.strip()) for part in _BILINGUAL.split(stripped)):
        return RELATED
    if _APPEAL.search(stripped) and len(stripped.split()) <= 30:
        return "donation appeal"
    if _DISCLAIMER.search(stripped) and len(stripped.split()) <= 80:
        return "disclaimer"
    if _WIDGET_PHRASE.search(stripped):
        return "widget"
    if _DOWNLOAD.match(stripped) and len(stripped.split()) <= 20:
        return "download or print link"
    if _URL_ONLY.match(stripped):
        return "address of a web page"
    if _CODE.match(stripped):
        return "report number"
    if _ENUMERATOR.match(stripped):
        return "enumerator"
    if _PRINTER.search(stripped):
        return "printer's furniture"
    if _EDITORIAL.match(stripped):
        return "editorial note"
    if _SIGNATORIES.match(stripped):
        return SIGNATORIES
    if _TIMESTAMP.match(stripped) or _STAGE_DIRECTION.match(stripped):
        return "transcript timing or stage direction"
    if _TRANSCRIPT_NOTE.match(stripped):
        return "transcript notice"
    if _DOCUMENT_NUMBER.match(stripped) and len(stripped.split()) <= 6:
        return "document number"
    if _TRANSLATION_NOTE.match(stripped) and len(stripped.split()) <= 16:
        return "translation note"
    if _PUBLICATION_NOTE.match(stripped) and len(stripped.split()) <= 30:
        return "publication note"
    if date_line(stripped) is not None:
        return "dateline"
    if _is_widget(stripped):
        return "widget"
    if _is_menu(stripped):
        return "menu or breadcrumb"
    return ""
