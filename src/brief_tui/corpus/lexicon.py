"""What kind of English word a word can be: an English lexicon instead of word lists.

Whether 'Sequence security before scale' opens with an imperative, or 'Stability requires
investment' has an abstract noun for its subject, depends on what the words can be. The
readings come from lemminflect (MIT; the NIH SPECIALIST lexicon: every English word form with
the parts of speech it can take and its lemma). It loads numpy and a few megabytes of tables,
so it is imported on the first question, which only tagging at ingest asks, never the reader.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _lemmatizer() -> Any:
    import lemminflect

    return lemminflect


@lru_cache(maxsize=8192)
def readings(word: str) -> dict[str, tuple[str, ...]]:
    """Lemmas of `word` for each part of speech it can be: 'funds' -> NOUN/VERB 'fund'.

    Keys are Universal Dependencies tags (NOUN, VERB, ADJ, ADV, AUX); an empty dict means
    the word is not in the lexicon (a name, an acronym, a foreign word, a typo).
    """
    lowered = word.lower().strip("’'")
    if not lowered.isalpha() and not lowered.replace("-", "").isalpha():
        return {}
    found = _lemmatizer().getAllLemmas(lowered)
    return {tag: tuple(lemmas) for tag, lemmas in found.items()}


def known(word: str) -> bool:
    """True when `word` is a common English word (not a name or an acronym)."""
    return bool(readings(word))


def verb_lemma(word: str) -> str:
    """The verb `word` is a form of ('launched' -> 'launch'), or '' when it is none."""
    lemmas = readings(word).get("VERB", ())
    return lemmas[0].lower() if lemmas else ""


def is_base_verb(word: str) -> bool:
    """True when `word` can be a verb in its base form ('pair', 'understand', 'commit')."""
    return word.lower() in readings(word).get("VERB", ())


def only_verb(word: str) -> bool:
    """True when `word` can be nothing but a verb ('understand', 'ensure'; not 'fund')."""
    found = readings(word)
    return bool(found) and set(found) <= {"VERB", "AUX"}


def is_noun(word: str) -> bool:
    """True when `word` can be a noun ('stability', 'funds'), whatever else it can be."""
    return "NOUN" in readings(word)


@lru_cache(maxsize=8192)
def verb_tags(word: str) -> frozenset[str]:
    """The Penn tags `word` has as a form of some verb: 'launched' -> {VBD}, 'set' -> {VB,
    VBD, VBN, VBP}, 'leading' -> {VBG}; empty when it is no verb form."""
    lowered = word.lower()
    tags: set[str] = set()
    for lemma in readings(word).get("VERB", ()):
        forms = _lemmatizer().getAllInflections(lemma.lower(), upos="VERB")
        tags.update(tag for tag, spelled in forms.items() if lowered in spelled)
    if "VBD" in tags:
        tags.add("VBN")  # regular verbs list one past form for both
    return frozenset(tags)


def is_gerund(word: str) -> bool:
    """True for an -ing form of a verb ('addressing', 'ending')."""
    return "VBG" in verb_tags(word)


def is_participle(word: str) -> bool:
    """True for a past form of a verb ('launched', 'taken', 'set')."""
    return "VBN" in verb_tags(word)


def is_third_person(word: str) -> bool:
    """True for a present-tense '-s' form of a verb ('requires', 'seeks', 'is', 'has')."""
    return "VBZ" in verb_tags(word)
