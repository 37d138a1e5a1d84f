"""How well a record matched a query: per query word, the best way, and the records by level."""

from __future__ import annotations

from collections.abc import Iterator

# Per query word, the best way a record matched it: the word itself in a short field, a
# prefix in a short field, a prefix in a long field, one typo in a short field.
EXACT, PREFIX, LONG, TYPO = 4, 3, 2, 1
#: The records a query word matches in each of those ways.
Tiers = tuple[set[int], set[int], set[int], set[int]]


def width(tiers: Tiers) -> int:
    """How many records a query word may match (at most): the narrowest go first."""
    return len(tiers[1]) + len(tiers[2]) + len(tiers[3])


def by_level(found: set[int], tiers: list[Tiers]) -> Iterator[tuple[int, set[int]]]:
    """``found`` split by score, best first: per query word, the best way it matched.

    Lazily: a level is worked out only when the ones above it fall short of the limit, since
    for a query that matches most records each level costs set operations over all of them.
    """
    if len(tiers) == 1:
        exact, prefix, long, _typo = tiers[0]
        top = found & exact
        if top:
            yield EXACT, top
        second = (found & prefix) - top
        if second:
            yield PREFIX, second
        third = (found & long) - prefix
        if third:
            yield LONG, third
        rest = found - prefix - long
        if rest:
            yield TYPO, rest
        return
    # Several words: set algebra rather than a score per record, so a keystroke that still
    # matches most records stays cheap. All words whole in short fields, then all as prefixes
    # in short fields, then all without a typo, then the rest.
    n = len(tiers)
    exact = found.intersection(*(t[0] for t in tiers))
    if exact:
        yield EXACT * n, exact
    short = found.intersection(*(t[1] for t in tiers)) - exact
    if short:
        yield PREFIX * n, short
    plain = found
    for tier in tiers:  # found & (prefix | long), without the union of two large sets
        plain = (plain & tier[1]) | (plain & tier[2])
    plain = plain - exact - short
    if plain:
        yield LONG * n, plain
    rest = found - exact - short - plain
    if rest:
        yield TYPO * n, rest
