"""Small modal screens: the section outline, why a passage is tagged, and the help screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from brief_tui.corpus.citation import page_label
from brief_tui.corpus.model import Passage
from brief_tui.corpus.pillars import PILLARS, PILLARS_BY_ID
from brief_tui.corpus.reasons import CURATOR, KIND, RECOMMENDATION
from brief_tui.keys import CONTEXTS, DIALOGS, KeySpec, keys_in
from brief_tui.reading import ReadingPlan
from brief_tui.tui.keymap import bindings_by_id, keys_shown
from brief_tui.tui.widgets.badges import PILLAR_STYLES
from brief_tui.tui.widgets.key_list import KeyList
from brief_tui.wording import plural, recommendation_label

CLOSE = bindings_by_id("close")


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question: y or Enter answers yes; n or Esc answers no."""

    BINDINGS = bindings_by_id("confirm-yes", "confirm-no")

    def __init__(self, title: str, question: Content) -> None:
        super().__init__()
        self.title_text = title
        self.question = question

    def compose(self) -> ComposeResult:
        panel = Static(
            Content.assemble(
                self.question,
                "\n\n",
                (
                    f"{keys_shown(self.app, 'confirm-yes')}: yes · "
                    f"{keys_shown(self.app, 'confirm-no')}: no",
                    "dim",
                ),
            ),
            id="confirm",
            markup=False,
        )
        panel.border_title = self.title_text
        yield panel

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class OutlineScreen(ModalScreen[int | None]):
    """The briefing's sections; Enter jumps to one."""

    BINDINGS = [*CLOSE]

    def __init__(self, plan: ReadingPlan, cursor: int) -> None:
        super().__init__()
        self.plan = plan
        self.cursor = cursor

    def compose(self) -> ComposeResult:
        options = []
        for index, start in enumerate(self.plan.section_starts):
            section = self.plan.passages[start][0]
            end = (
                self.plan.section_starts[index + 1]
                if index + 1 < len(self.plan.section_starts)
                else len(self.plan)
            )
            recs = sum(1 for i in self.plan.recommendations if start <= i < end)
            detail = plural(end - start, "passage") + (
                f", {plural(recs, 'recommendation')}" if recs else ""
            )
            options.append(
                Option(Content.assemble(section.title, "  ", (detail, "dim")), id=str(start))
            )
        outline = KeyList(*options, id="outline", markup=False)
        outline.border_title = f"Outline: Enter jumps, {keys_shown(self.app, 'close')} closes"
        yield outline

    def on_mount(self) -> None:
        outline = self.query_one(OptionList)
        outline.highlighted = self.plan.section_index(self.cursor)
        outline.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_close(self) -> None:
        self.dismiss(None)


def why_content(passage: Passage) -> Content:
    lines: list[Content] = [
        Content.styled("Why this passage carries its tags", "bold"),
        Content(""),
    ]
    if passage.pillars:
        for pillar in passage.pillars:
            reasons = [r.describe() for r in passage.why if r.tag == pillar]
            reason = "; ".join(reasons) or "set by a curator"
            lines.append(
                Content.assemble(
                    (f" {pillar} ", PILLAR_STYLES[pillar]),
                    f" {PILLARS_BY_ID[pillar].name}: ",
                    (reason, "italic"),
                )
            )
    else:
        lines.append(Content("No pillar tags: no pillar's words or rules matched this passage."))
    curated = [str(r) for r in passage.why if r.rule == CURATOR and r.tag != RECOMMENDATION]
    lines += [Content.styled(w, "italic") for w in curated]
    lines.append(Content(""))
    rec = next((r.describe() for r in passage.why if r.tag == RECOMMENDATION), None)
    if passage.recommendation:
        lines.append(Content.assemble(("Recommendation: ", "bold"), rec or "set by a curator"))
        label = recommendation_label(
            passage.recommendation_kind, passage.actor, passage.addressee
        ).lstrip("▶▷ ")
        kind_reason = next((r for r in passage.why if r.tag == KIND), None)
        source = ""
        if kind_reason is not None and kind_reason.rule == CURATOR:
            source = " (set by a curator in curation.toml)"
        elif kind_reason is not None and kind_reason.words:
            source = f" (from “{kind_reason.words[0]}”)"
        lines.append(Content.assemble(("What and who: ", "bold"), label, (source, "italic")))
    else:
        lines.append(Content("Not a recommendation: no call to action or commitment was found."))
    lines += [
        Content(""),
        Content.styled(
            f"Passage {passage.id}"
            + (f", {page_label(passage.page)} of the source" if passage.page is not None else "")
            + ". Curators can correct tags in content/curation.toml.",
            "dim",
        ),
    ]
    return Content("\n").join(lines)


class WhyScreen(ModalScreen[None]):
    BINDINGS = [*CLOSE, Binding("i", "close", show=False)]

    def __init__(self, passage: Passage) -> None:
        super().__init__()
        self.passage = passage

    def compose(self) -> ComposeResult:
        panel = Static(why_content(self.passage), id="why", markup=False)
        close = keys_shown(self.app, "close")
        panel.border_title = f"{keys_shown(self.app, 'why')}: why tagged ({close} closes)"
        yield panel

    def action_close(self) -> None:
        self.dismiss(None)


class HelpRow(Horizontal):
    """A label (keys, a pillar) and what it means; long text wraps under itself."""

    DEFAULT_CSS = """
    HelpRow { height: auto; }
    HelpRow > .label { width: 18; padding-left: 2; text-style: bold; }
    HelpRow > .label.-short { width: 8; }
    HelpRow > .what { width: 1fr; }
    """

    def __init__(self, label: Content, what: str, *, short: bool = False) -> None:
        super().__init__()
        self.label = label
        self.what = what
        self.short = short

    def compose(self) -> ComposeResult:
        yield Static(self.label, classes="label -short" if self.short else "label")
        yield Static(Content(self.what), classes="what")


def _rows(app: object, specs: list[KeySpec]) -> list[Widget]:
    return [HelpRow(Content(keys_shown(app, spec.id)), spec.description) for spec in specs]  # type: ignore[arg-type]


def help_widgets(app: object, here: str | None, active: set[str]) -> list[Widget]:
    """The help screen's rows, with the keys as the user's keymap has them: what works on the
    screen help was opened from (keys that do nothing there left out), then every context,
    the pillars, and mouse hints."""
    widgets: list[Widget] = [Static(Content.styled("brief-tui: keys", "bold underline"))]
    if here is not None:
        useful = [spec for spec in keys_in(here) if spec.id in active]
        widgets.append(Static(Content.styled(f"Here ({here})", "bold"), classes="help-group"))
        widgets += _rows(app, useful)
    for context in CONTEXTS:
        if context in (here, DIALOGS):
            continue
        widgets.append(Static(Content.styled(context.capitalize(), "bold"), classes="help-group"))
        widgets += _rows(app, list(keys_in(context)))
    widgets.append(Static(Content.styled("Pillars", "bold"), classes="help-group"))
    for pillar in PILLARS:
        badge = Content.styled(f" {pillar.id:<3}", PILLAR_STYLES[pillar.id])
        widgets.append(HelpRow(badge, pillar.name, short=True))
    widgets += [
        Static(
            Content.styled(
                "Mouse: click a briefing to open it, click a passage to move the cursor, "
                "scroll, and drag to select text. Keys are yours to change in keymap.toml "
                "(brief-tui keys lists them).",
                "dim",
            ),
            classes="help-group",
        ),
        Static(
            Content.styled(
                "Recommendations have a green bar and a label saying what and who: "
                "▶ Ask · Congress, ▶ Commitment · U.S. government, ▷ Reported · Mexico.",
                "dim",
            )
        ),
    ]
    return widgets


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        *CLOSE,
        Binding("question_mark", "close", show=False),
        *bindings_by_id(
            "help-down", "help-up", "help-page-down", "help-page-up", "help-end", "help-start"
        ),
    ]

    def __init__(self, here: str | None = None, active: set[str] | None = None) -> None:
        super().__init__()
        self.here = here
        self.active = active or set()

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield from help_widgets(self.app, self.here, self.active)

    def on_mount(self) -> None:
        self.query_one("#help").border_title = f"Help ({keys_shown(self.app, 'close')} closes)"
        self.query_one("#help").focus()

    def action_scroll(self, lines: int) -> None:
        self.query_one("#help", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
