"""Quick search across every past panel: results as you type, Enter to jump, Esc to go back.

The search itself is :class:`followup_tui.search.SearchIndex`, built once when the app starts and
kept current by the store's change listener; a keystroke only runs a query against it. The
result list draws only the rows on screen, so 10,000 results cost what 30 do.

A paste can be any size: the box holds at most the core's :data:`MAX_QUERY` characters, cuts a
longer paste to fit (rather than refusing it whole, as Input does) and says so, so a keystroke
never asks the index for more than a query's bounded work.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, overload

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ...domain import clean_typed
from ...search import CUT_HINT, MAX_QUERY, Hit, SearchResult, hit_keys, parse_query
from ..commands import bindings_for
from ..services import UsesServices
from ..widgets.virtual_list import VirtualList
from .forms import CleanInput

#: Hits drawn up per group (people, interviews); the count above the list says how many matched
#: in all. A hundred is more than a screen; more would cost time on every keystroke.
LIMIT = 100
#: Said while only the short fields are indexed (a big file, just opened).
NAMES_ONLY = "names, titles and companies only for now: notes are being indexed"
FIELD_LABEL = {"note": "notes", "touch": "a note sent", "panel": "on the panel"}


@dataclass(frozen=True, slots=True)
class Heading:
    """A group title in the result list: People, then Interviews."""

    text: str


Row = Hit | Heading


def row_content(row: Row) -> Content:
    """A heading, or one hit: its title, then where it matched with the match in bold."""
    if isinstance(row, Heading):
        return Content.styled(row.text, "bold $accent")
    snippet = Content(row.snippet)
    for start, end in row.spans:
        snippet = snippet.stylize("bold reverse", start, end)
    parts = [Content.styled(f"  {row.title}", "bold")]
    if row.subtitle:
        parts.append(Content.styled(f"  {row.subtitle}", "$text-muted"))
    if row.field and row.field not in ("name",):
        parts.append(
            Content.assemble(
                (f"  · {FIELD_LABEL.get(row.field, row.field)}: ", "$text-muted"), snippet
            )
        )
    # assemble, not join: Content.join costs about half a millisecond a call here.
    return Content.assemble(*parts)


class ResultRows(Sequence[Row]):
    """The hits with a heading before each group (people come first), each hit read from the
    result only when its row is: the list draws the rows on screen, not the two hundred found."""

    def __init__(self, result: SearchResult) -> None:
        """The rows of ``result``."""
        self._hits = result.hits
        keys = hit_keys(result.hits)
        people = sum(1 for kind, _ in keys if kind == "contact")
        # Row number -> a heading, or the number of the hit it shows.
        self._layout: list[Heading | int] = []
        if people:
            self._layout += [Heading(f"People ({result.people})"), *range(people)]
        if people < len(keys):
            self._layout.append(Heading(f"Interviews ({result.interviews})"))
            self._layout += range(people, len(keys))
        self._keys = keys

    def key(self, index: int) -> tuple[str, str] | None:
        """The (kind, id) of the hit on row ``index``, None for a heading; nothing worked out."""
        place = self._layout[index]
        return None if isinstance(place, Heading) else self._keys[place]

    def __len__(self) -> int:
        return len(self._layout)

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        place = self._layout[index]
        return place if isinstance(place, Heading) else self._hits[place]


def result_rows(result: SearchResult) -> ResultRows:
    """The hits with a heading before each group."""
    return ResultRows(result)


class QueryInput(CleanInput):
    """The search box: typed or pasted text is cleaned as in every form field (control and bidi
    characters dropped), and what would not fit is cut to the room left, saying so.

    Every new value is told to ``on_change`` at once, so the results are drawn in the same
    frame as the key (``Input.Changed`` would come after a first frame with the key alone).
    """

    # Input sets its virtual size to the text's width on every key; as Widget declares it, that
    # lays out the whole screen, and the layout redraws the results' scrollbar a frame later.
    # The box's width is fixed by its style: its text scrolls within it without any layout.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, value: str, *, on_change: Callable[[str], None], **options: Any) -> None:
        super().__init__(value, **options)
        self._on_change = on_change

    def watch_value(self, value: str) -> None:
        """Tell ``on_change`` of the new value (after Input's own watcher)."""
        self._on_change(value)

    class Cut(Message):
        """Posted after an edit was cut to fit :attr:`Input.max_length`."""

    def replace(self, text: str, start: int, end: int) -> None:
        """Replace ``text`` between ``start`` and ``end``, as much of it as fits."""
        text = clean_typed(text, line=True)
        value = self.value
        start, end = sorted((max(0, start), min(len(value), end)))  # as Input.replace does
        room = self.max_length - (len(value) - (end - start)) if self.max_length else None
        if room is None or len(text) <= room:
            super().replace(text, start, end)
            return
        super().replace(text[: max(0, room)], start, end)
        self.post_message(self.Cut())


class SearchScreen(UsesServices, ModalScreen[Hit | None]):
    """Type to search; Up/Down choose; Enter opens the chosen person or interview."""

    #: A query is nothing of the user's to lose: Ctrl+Q quits from here (see the app's
    #: check_action), whatever was pasted.
    QUIT_IS_SAFE = True

    SCOPE = "search"
    BINDINGS = bindings_for(SCOPE)

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query[:MAX_QUERY]
        # The query as it stood right after a cut, while the hint is due.
        self._cut_to: str | None = self.initial if len(query) > MAX_QUERY else None
        self._shown: tuple[str, SearchResult] | None = None  # the query on show, and its answer
        self._partial = False  # that answer is from the names only

    def compose(self) -> ComposeResult:
        """The query, a line of hints and counts, and the results."""
        with Vertical(id="search-box") as box:
            box.border_title = "Search"
            box.border_subtitle = (
                "Enter to open · Ctrl+O its company · Esc to go back · company: stage: tag: "
                "before: after:"
            )
            yield QueryInput(
                self.initial,
                on_change=self._search_typed,
                placeholder="a name, a company, a tidbit… (try company:acme or stage:rejected)",
                id="search-input",
                max_length=MAX_QUERY,
            )
            yield Static(id="search-status")
            yield VirtualList(
                lambda row, _i: row_content(row), id="search-results", empty_text="No matches"
            )

    def on_mount(self) -> None:
        """Show everything until something is typed."""
        self.run_search(self.initial)

    def _search_typed(self, value: str) -> None:
        if not self.is_mounted:
            return  # the first value, before the results exist: on_mount searches it
        if len(value) > MAX_QUERY:  # set by code, past the paste guard: cut it here too
            self._cut_to = value[:MAX_QUERY]
            self.query_one("#search-input", Input).value = self._cut_to  # comes back here
            return
        self.run_search(value)

    @on(QueryInput.Cut)
    def _query_cut(self) -> None:
        self._cut_to = text = self.query_one("#search-input", Input).value
        if self._shown is not None and self._shown[0] == text:
            self._show_status(text, self._shown[1])  # the cut text is searched already
        else:
            self.run_search(text)

    def run_search(self, text: str) -> None:
        """Ask the index and show the answer (a few milliseconds, even at 10,000 interviews)."""
        status = self.query_one("#search-status", Static)
        results = self.query_one("#search-results", VirtualList)
        index = self.services.search_index
        if index is None:  # searched as soon as it comes (search_index_changed)
            self._shown = None
            status.update(Content.styled("Indexing your panels…", "$text-muted"))
            results.set_rows([])
            return
        result = index.search(text, limit=LIMIT)
        self._partial = index.names_only  # searched again once the notes are in
        self._shown = (text, result)
        rows = result_rows(result)
        results.set_rows(rows)
        # Start on the first hit, not on a heading.
        if rows and isinstance(rows[0], Heading) and len(rows) > 1:
            results.highlighted = 1
        self._show_status(text, result)

    def search_index_changed(self) -> None:
        """The app's hook for a new or newly whole index: search again if what is shown waited
        for it (nothing yet, or names only), keeping the highlighted hit."""
        if not self.is_mounted or (self._shown is not None and not self._partial):
            return
        text = self.query_one("#search-input", Input).value
        results = self.query_one("#search-results", VirtualList)
        chosen = results.highlighted_row
        self.run_search(text)
        rows = results.rows
        if isinstance(chosen, Hit) and isinstance(rows, ResultRows):
            # The choice stays where the user left it, if still found.
            for number in range(len(rows)):
                if rows.key(number) == (chosen.kind, chosen.id):
                    results.highlighted = number
                    break

    def _show_status(self, text: str, result: SearchResult) -> None:
        """The count of matches, then any hints (a cut query's first)."""
        count = (
            f"{result.total} match{'es' if result.total != 1 else ''}"
            if text.strip()
            else "Everything, newest first"
        )
        if len(result.hits) < result.total:
            count += f" (the best {LIMIT} of each kind shown: type more to narrow)"
        line = [Content.styled(count, "$text-muted")]
        hints = result.hints
        if text == self._cut_to and CUT_HINT not in hints:
            hints = (CUT_HINT, *hints)
        index = self.services.search_index
        if text.strip() and index is not None and index.names_only:
            hints = (NAMES_ONLY, *hints)
        for hint in hints:
            line.append(Content.styled(f"  {hint}", "$warning"))
        status = self.query_one("#search-status", Static)
        status.update(Content("").join(line), layout=False)  # fixed height: no re-layout

    def action_move(self, step: int) -> None:
        """Move the choice in the results, skipping headings, while typing goes on."""
        results = self.query_one("#search-results", VirtualList)
        rows = results.rows
        if not rows:
            return
        index = results.highlighted if results.highlighted is not None else -1
        target = max(0, min(len(rows) - 1, index + step))
        while 0 <= target < len(rows) and isinstance(rows[target], Heading):
            target += 1 if step > 0 else -1
        if 0 <= target < len(rows):
            results.highlighted = target

    @on(VirtualList.Selected, "#search-results")
    @on(Input.Submitted, "#search-input")
    def _search_selected(self) -> None:
        self.action_open()

    def action_open_company(self) -> None:
        """Open the company view of the highlighted result, over the search."""
        from .company import CompanyScreen, company_of

        row = self.query_one("#search-results", VirtualList).highlighted_row
        wanted = parse_query(self.query_one("#search-input", Input).value).company
        store = self.services.store
        company_id = company_of(row, store, wanted) if isinstance(row, Hit) else None
        if company_id is None:
            self.notify("No company known for this result.", title="Company")
            return
        self.app.push_screen(CompanyScreen(company_id))

    def action_open(self) -> None:
        """Close the search and go to the chosen hit."""
        row = self.query_one("#search-results", VirtualList).highlighted_row
        if isinstance(row, Hit):
            self.dismiss(row)
