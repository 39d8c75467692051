import pytest

from brief_tui.corpus.clean import (
    SourceError,
    clean_text,
    decode_source,
    repair_gbk_mojibake,
    repair_spacing,
)
from brief_tui.corpus.sanitize import is_safe, safe_line, safe_text


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("run deep¡ªand migration", "run deep—and migration"),
        ("our nation¡¯s engagement", "our nation’s engagement"),
        ("¡°take(s) into account¡±", "“take(s) into account”"),
        ("invest in the region ¨C and thus far", "invest in the region – and thus far"),
    ],
)
def test_gbk_punctuation_is_repaired(broken: str, fixed: str) -> None:
    assert repair_gbk_mojibake(broken) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "López Obrador",
        "Andrés Manuel",
        "Árbol ñandú",
        "café crème",
        "naïve façade",
        "¿Qué?",
        "¡Hola!",
    ],
)
def test_accented_text_is_never_touched(text: str) -> None:
    assert repair_gbk_mojibake(text) == text


def test_spacing_repairs() -> None:
    assert (
        repair_spacing("Economic Prosperity,Combat Corruption")
        == "Economic Prosperity, Combat Corruption"
    )
    assert (
        repair_spacing("Governance, andImprove Civilian Security")
        == "Governance, and Improve Civilian Security"
    )
    assert repair_spacing("Executive Summary [200 KB]") == "Executive Summary"
    assert repair_spacing("a\u00a0\u00a0b   c") == "a b c"
    assert repair_spacing("1,000 people") == "1,000 people"


def test_run_together_names_are_separated() -> None:
    line = "El Salvador (CISPES)Win Without WarSisters of Mercy of the Americas"
    assert (
        repair_spacing(line)
        == "El Salvador (CISPES), Win Without War, Sisters of Mercy of the Americas"
    )
    # Without the tell-tale glued parenthesis, ordinary camel-case words are left alone.
    assert repair_spacing("the JavaScript console") == "the JavaScript console"


def test_escape_sequences_and_controls_are_stripped() -> None:
    hostile = "title\x1b]0;pwned\x07 text \x1b[31mred\x1b[0m\x00\x08 end\x9b2J"
    assert safe_text(hostile) == "title text red end"
    assert safe_line("a\nb\tc") == "a b c"


def test_clean_text_repairs_then_strips() -> None:
    assert clean_text("deep¡ªand\x1b[2J\r\nnext") == "deep—and\nnext"


def test_decode_source_rejects_binary_and_empty() -> None:
    with pytest.raises(SourceError, match="not a text file"):
        decode_source(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "image.png")
    with pytest.raises(SourceError, match="is empty"):
        decode_source(b"  \n ", "blank.txt")


def test_decode_source_accepts_utf8_bom_and_cp1252() -> None:
    assert decode_source("\ufeffHello".encode(), "a.txt") == "Hello"
    assert decode_source("Andrés".encode("cp1252"), "b.txt") == "Andrés"


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_bidi_overrides_and_isolates_are_neutralised() -> None:
    # An unclosed right-to-left override would reverse everything drawn after it.
    assert safe_text("pay \u202eSU 001\u202c now") == "pay SU 001 now"
    assert safe_text(f"a{BIDI}b\nc") == "ab\nc"
    assert safe_line(" name \u2067x\u2069 ") == "name x"
    # Marks that set no direction state, and ordinary right-to-left text, stay.
    assert safe_text("עברית \u200f and العربية \u200e") == "עברית \u200f and العربية \u200e"


def test_is_safe_agrees_with_safe_text() -> None:
    samples = [
        "plain words",
        "two\nlines",
        "curly “quotes” — and é, NBSP\u00a0here, emoji 🇭🇳, ZWJ 👩\u200d💻",
        "tab\there",
        "cr\rhere",
        "esc\x1b[2J",
        "bel\x07",
        "del\x7f",
        "c1 \x9b2J",
        "c1 \x85 next line",
        "bidi \u202e",
        "isolate \u2069",
        "",
    ]
    for text in samples:
        assert is_safe(text) == (safe_text(text) == text), text
        assert is_safe(text, newlines=False) == (safe_text(text, keep_newlines=False) == text)
