"""What screens and widgets may ask of the app: the store, today's date, the search index.

Screens receive these services instead of reaching into the concrete app class, which would tie
every screen to ``tui/app.py`` (and ``app.py`` imports the screens: a cycle). The app implements
the protocol; a screen reads it through :class:`UsesServices`. Saving is not a service: the app
saves whatever the store announces (see ``FollowupApp._store_changed``), so a screen only writes
to the store.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Protocol, cast

from textual.dom import DOMNode

if TYPE_CHECKING:
    from ..search import SearchIndex
    from ..store import Store


class Services(Protocol):
    """The app as its screens see it."""

    @property
    def store(self) -> Store:
        """The open data file; every write to it is saved by the app."""

    @property
    def today(self) -> date:
        """The day the app runs for (``--today`` in tests and demos)."""

    @property
    def search_index(self) -> SearchIndex | None:
        """The search index, or None while it is built in the background."""

    def editing_text(self) -> bool:
        """True while a text editor has focus, so single letters type rather than act."""


if TYPE_CHECKING:
    _Node = DOMNode
else:
    # Not a DOMNode at run time: Textual names a class's CSS types after its first base that
    # is one, so a DOMNode mixin listed first would hide Screen and ModalScreen from the
    # stylesheets (a dialog would lose "ModalScreen { align: center middle; }").
    _Node = object


class UsesServices(_Node):
    """A mixin for screens and widgets: ``self.services`` is the running app, as a protocol."""

    @property
    def services(self) -> Services:
        """The services of the app this node runs in."""
        return cast("Services", self.app)
