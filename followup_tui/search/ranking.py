"""How well a record matched a query: per query word, the best way, and the records by level.

Sets of records are masks (:mod:`.bits`): ``a & ~b`` is the records of ``a`` not in ``b``.
"""

from __future__ import annotations

from collections.abc import Iterator

# Per query word, the best way a record matched it: the word itself in a short field, a
# prefix in a short field, a prefix in a long field, one typo in a short field.
EXACT, PREFIX, LONG, TYPO = 4, 3, 2, 1
#: The records a query word matches in each of those ways.
Tiers = tuple[int, int, int, int]


def by_level(found: int, tiers: list[Tiers]) -> Iterator[tuple[int, int]]:
    """``found`` split by score, best first: per query word, the best way it matched.

    Lazily: a level is worked out only when the ones above it fall short of the limit.
    """
    if len(tiers) == 1:
        exact, prefix, long, _typo = tiers[0]
        top = found & exact
        if top:
            yield EXACT, top
        second = found & prefix & ~top
        if second:
            yield PREFIX, second
        third = found & long & ~prefix
        if third:
            yield LONG, third
        rest = found & ~prefix & ~long
        if rest:
            yield TYPO, rest
        return
    # Several words: all words whole in short fields, then all as prefixes in short fields,
    # then all without a typo, then the rest.
    n = len(tiers)
    exact = found
    for tier in tiers:
        exact &= tier[0]
    if exact:
        yield EXACT * n, exact
    short = found
    for tier in tiers:
        short &= tier[1]
    short &= ~exact
    if short:
        yield PREFIX * n, short
    plain = found
    for tier in tiers:
        plain &= tier[1] | tier[2]
    plain &= ~exact & ~short
    if plain:
        yield LONG * n, plain
    rest = found & ~exact & ~short & ~plain
    if rest:
        yield TYPO * n, rest
