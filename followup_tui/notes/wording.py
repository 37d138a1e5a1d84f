"""Small grammar for the messages about notes: a kind of note as a noun, with its article."""

from __future__ import annotations

import re

from ..domain import TouchKind

# Kinds whose label is not a noun on its own ("Logged a personal" says nothing).
_NOUNS = {
    TouchKind.ARTICLE: "article",
    TouchKind.EVENT: "note about an event",
    TouchKind.COMPANY_NEWS: "note about their company's news",
    TouchKind.PERSONAL: "personal note",
    TouchKind.OTHER: "note",
}
# Words that start with a vowel letter but a consonant sound ("a user", "a one-off"), and the
# reverse ("an hour"). Only the start of the word matters.
_CONSONANT_SOUND = re.compile(r"(?:one|once|uni|use|usu|uti|eu|ur[aeiou])", re.IGNORECASE)
_VOWEL_SOUND = re.compile(r"(?:hour|honest|honou?r|heir)", re.IGNORECASE)
_ACRONYM_VOWEL = set("AEFHILMNORSX")  # letters said with a vowel first: "an FAQ", "an SMS"


def with_article(phrase: str) -> str:
    """``phrase`` after "a" or "an", as it is said: "an article", "a thank-you", "an hour".

    The choice follows the sound of the first word: a vowel letter takes "an" unless it sounds
    like a consonant ("a user", "a one-off"); a silent "h" takes "an"; an acronym goes by how
    its first letter is spelled out ("an SMS", "a LinkedIn message"). An empty phrase stays empty.
    """
    text = phrase.strip()
    if not text:
        return phrase
    word = text.split()[0]
    if len(word) > 1 and word.isupper():
        vowel = word[0] in _ACRONYM_VOWEL
    elif _VOWEL_SOUND.match(word):
        vowel = True
    elif _CONSONANT_SOUND.match(word):
        vowel = False
    else:
        vowel = word[0].lower() in "aeiou"
    return f"{'an' if vowel else 'a'} {text}"


def kind_noun(kind: TouchKind) -> str:
    """The kind of a note as a noun for a message: "article", "personal note", "thank-you"."""
    return _NOUNS.get(kind, kind.label)


def a_note_of(kind: TouchKind) -> str:
    """The kind of a note with its article: "an article", "a personal note", "a thank-you"."""
    return with_article(kind_noun(kind))
