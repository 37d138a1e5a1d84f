"""Sets of record numbers as Python ints: record ``n`` is in the set when bit ``n`` is set.

A query combines the records of each word it matches: the union, intersection and difference of
sets of up to tens of thousands of records. As ints these are single C operations on a few
kilobytes (``a | b``, ``a & b``, ``a & ~b``), where sets of ints cost a hash per member, and a
set of every record takes 4 KB at 30,000 records instead of a megabyte.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

#: Below this many members a mask is built bit by bit; above it, from one string of digits.
_FEW = 24


def mask_of(numbers: Collection[int]) -> int:
    """The set of ``numbers`` (non-negative) as a mask."""
    if len(numbers) < _FEW:
        mask = 0
        for number in numbers:
            mask |= 1 << number
        return mask
    digits = bytearray(b"0" * (max(numbers) + 1))
    for number in numbers:
        digits[number] = 49  # "1"
    digits.reverse()  # the lowest bit is the last digit
    return int(digits, 2)


def union(masks: Iterable[int]) -> int:
    """Every number in any of ``masks``."""
    found = 0
    for mask in masks:
        found |= mask
    return found


def members(mask: int) -> list[int]:
    """The numbers in ``mask``, smallest first."""
    digits = bin(mask)[:1:-1]  # digit n is bit n
    found: list[int] = []
    at = digits.find("1")
    while at >= 0:
        found.append(at)
        at = digits.find("1", at + 1)
    return found


def tester(mask: int) -> str:
    """``mask`` as a string whose character ``n`` is "1" when ``n`` is in it, for testing many
    numbers against one large mask (``n < len(t) and t[n] == "1"``)."""
    return bin(mask)[:1:-1]
