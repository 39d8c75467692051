"""Documents in Spanish, as the region's ministries and organisations write them: pillar tags,
recommendation flags and kinds from Spanish wording (texts written for these tests)."""

import pytest

from brief_tui.corpus.curation import Curation
from brief_tui.corpus.ingest import build_document
from brief_tui.corpus.pillar_tags import tag_pillars
from brief_tui.corpus.spanish_cues import is_spanish, spanish_cue

COMUNICADO = """\
Comunicado de Prensa No. 112-2025

Honduras y El Salvador acuerdan atender a las personas retornadas

Ciudad de Tegucigalpa, 3 de marzo de 2025

La Secretaría de Relaciones Exteriores informa que ambos gobiernos firmaron un acuerdo para la atención de las personas retornadas en la frontera.

El Gobierno de Honduras destinará 30 millones de lempiras para abrir tres centros de atención al migrante retornado.

Por su parte, el Gobierno de El Salvador se comprometió a compartir sus registros de retorno cada mes.

Honduras hace un llamado a la comunidad internacional para que financie programas de empleo para jóvenes en los municipios de mayor migración.

Las lluvias de la semana pasada afectaron varios caminos rurales del occidente del país.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La pérdida de cosechas por la sequía dejó sin empleo a miles de familias.", ("I",)),
        ("El Ministerio Público abrió una investigación por corrupción e impunidad.", ("II",)),
        ("Las pandillas cobran extorsiones a los comercios del mercado.", ("IV",)),
        ("Los casos de violencia intrafamiliar y femicidio aumentaron este año.", ("V",)),
        (
            "Las solicitudes de asilo de personas migrantes se duplicaron en la frontera sur.",
            ("P",),
        ),
    ],
)
def test_spanish_policy_wording_is_tagged(text: str, expected: tuple[str, ...]) -> None:
    assert tag_pillars(text, False)[0] == expected


def test_english_never_reads_as_spanish() -> None:
    english = "The Ministry will fund the programa for returnees, the minister said on Monday."
    assert not is_spanish(english) and spanish_cue(english) is None


def test_a_ministrys_communique_commits_its_government_reports_the_other_and_asks() -> None:
    doc = build_document(COMUNICADO, "comunicado.txt", Curation(), origin="user")
    assert doc.title == "Honduras y El Salvador acuerdan atender a las personas retornadas"
    assert doc.source_type == "government"

    def find(start: str):
        return next(p for _, p in doc.passages() if p.text.startswith(start))

    own = find("El Gobierno de Honduras destinará")
    assert (own.recommendation_kind, own.actor) == ("commitment", "Honduras")
    other = find("Por su parte")
    assert (other.recommendation_kind, other.actor) == ("reported", "El Salvador")
    ask = find("Honduras hace un llamado")
    assert (ask.recommendation_kind, ask.addressee) == ("ask", "donors")
    assert "P" in own.pillars and "I" in ask.pillars
    assert not find("Las lluvias").recommendation
