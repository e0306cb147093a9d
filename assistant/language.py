"""Which language a document is written in, told by its script and its commonest words.

No model to load: the letters' scripts name Arabic-script, Chinese, Japanese, Korean, Cyrillic,
Devanagari and other texts; for Latin script, the share of English function words decides, and
those of a few other languages name it. Used to warn that an engine reading English only (the
offline rules) will find little in another language, and to tell an LLM what it is reading.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

SAMPLE_CHARS = 20_000
MIN_LETTERS = 40  # fewer Latin letters than this: too little to tell, taken as English
MIN_SCRIPT_LETTERS = 10  # enough to tell a script (one Chinese character is a word)
ENGLISH_SHARE = 0.12  # share of English function words in ordinary English prose is ~0.3

_WORD = re.compile(r"[^\W\d_]+")
_ASCII_WORD = re.compile("[A-Za-z]+")  # the same, in ASCII text
_FUNCTION_WORDS = {
    "English": "the of and to in a is that for on was with as by said it at from his her "
    "has have be are were not an this which who their they but or had its will been would",
    "Spanish": "el la de que y en los las del se por un una con para es al lo como más su dijo",
    "French": "le la les de des et en un une du que est pour dans par sur au qui pas a été il",
    "German": "der die das und ist nicht ein eine zu den mit von im sich auf für des dem auch",
    "Portuguese": "o a os as de do da que e em um uma para com não no na por se foi disse",
    "Italian": "il la di che e è per un una non del della in con si sono da ha alla le",
    "Dutch": "de het een en van is dat op te in niet met voor zijn die er aan ook",
    "Indonesian": "yang dan di ini itu dengan untuk dari tidak ke dalam akan pada juga",
}
_WORDS = {name: frozenset(words.split()) for name, words in _FUNCTION_WORDS.items()}
_URDU_LETTERS = frozenset("ٹڈڑںےۓ")
_PERSIAN_LETTERS = frozenset("پچژگ")


@dataclass(frozen=True)
class Language:
    name: str  # "English", "Urdu", "Chinese", "a language other than English", ...
    english: bool


ENGLISH = Language("English", True)


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def _scripts(letters: str) -> Counter[str]:
    """How many letters of each script, scripts in order of first appearance (each distinct
    letter is named once)."""
    scripts: Counter[str] = Counter()
    for char, count in Counter(letters).items():
        scripts[_script(char)] += count
    return scripts


def _by_script(letters: str) -> Language | None:
    if 2 * len(letters.encode("ascii", "ignore")) > len(letters):
        return None  # most letters are ASCII ones, so Latin is the commonest script
    scripts = _scripts(letters)
    script, count = scripts.most_common(1)[0]
    if script == "LATIN" or count < len(letters) / 2:
        return None
    if script == "ARABIC":
        if _URDU_LETTERS & set(letters):
            return Language("Urdu", False)
        return Language("Persian" if _PERSIAN_LETTERS & set(letters) else "Arabic", False)
    if script in ("CJK", "HIRAGANA", "KATAKANA"):
        kana = scripts["HIRAGANA"] + scripts["KATAKANA"]
        return Language("Japanese" if kana else "Chinese", False)
    names = {"HANGUL": "Korean", "CYRILLIC": "a Cyrillic-script language", "GREEK": "Greek"}
    return Language(names.get(script, f"a {script.title()}-script language"), False)


def _by_words(folded: list[str]) -> Language:
    """The language of casefolded words (English, the usual answer, is told first)."""
    counts = Counter(folded)
    if _occurrences(counts, _WORDS["English"]) / len(folded) >= ENGLISH_SHARE:
        return ENGLISH
    shares = {name: _occurrences(counts, vocab) / len(folded) for name, vocab in _WORDS.items()}
    best = max(shares, key=lambda n: shares[n])
    if best != "English" and shares[best] >= ENGLISH_SHARE:
        return Language(best, False)
    return Language("a language other than English", False)


def _occurrences(counts: Counter[str], vocabulary: frozenset[str]) -> int:
    """How many of the counted words are in ``vocabulary`` (only words that occur are looked up:
    a Counter's lookup of a missing word is slow)."""
    return sum(counts[w] for w in counts.keys() & vocabulary)


def detect(text: str) -> Language:
    """The language of ``text`` (its first 20,000 characters); short texts count as English."""
    return _detect(text[:SAMPLE_CHARS])


@lru_cache(maxsize=64)
def _detect(sample: str) -> Language:
    if sample.isascii():  # an ASCII text is casefolded by lowercasing it, all at once
        folded = _ASCII_WORD.findall(sample.lower())
        return ENGLISH if len("".join(folded)) < MIN_LETTERS else _by_words(folded)
    words = _WORD.findall(sample)
    letters = _letters(words)
    if len(letters) < MIN_SCRIPT_LETTERS:
        return ENGLISH
    by_script = _by_script(letters)
    if by_script is not None:
        return by_script
    return ENGLISH if len(letters) < MIN_LETTERS else _by_words(list(map(str.casefold, words)))


def _letters(words: list[str]) -> str:
    """The letters of the text ``words`` were found in, in order (what ``str.isalpha`` takes)."""
    letters = "".join(words)
    if letters.isalpha() or not letters:
        return letters
    return "".join(filter(str.isalpha, letters))  # the words also hold numerals such as "½"


def named(text: str) -> str | None:
    """The language's name when it is not English, for a prompt; None for English."""
    language = detect(text)
    return None if language.english else language.name


def unread(documents: list[tuple[str, str]], languages: frozenset[str] | None) -> list[str]:
    """Warnings for the (name, text) documents an engine reading only ``languages`` cannot read
    (None: it reads any language; only English is told apart, as "en")."""
    if languages is None or "en" not in languages:
        return []
    warnings = []
    for name, text in documents:
        language = detect(text)
        if not language.english:
            warnings.append(
                f"{name}: looks like {language.name}; the offline engine reads English only, so "
                "it finds few or no claims here. Use an LLM engine (--model openai:NAME)."
            )
    return warnings
