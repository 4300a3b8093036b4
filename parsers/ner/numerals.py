"""Number words and numerals → values ("two" → 2, "2,500" → 2500, "1.5 million" → 1.5e6)."""

from __future__ import annotations

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1e12}
# Vague plurals: the value is the least the word can mean ("dozens" is at least 24).
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000, "dozen": 12}
WORD_ALT = "|".join(sorted([*UNITS, *TENS, *SCALES, *VAGUE], key=len, reverse=True))
# A number phrase never starts with a bare scale word ("million" alone is not a number).
FIRST_WORDS = sorted([*UNITS, *TENS, *VAGUE], key=len, reverse=True)


def word_value(phrase: str) -> float | None:
    """Value of "twenty-five", "two hundred", "1.5 million", "2,500", "dozens"; None when not a number."""
    if phrase.isdigit():
        return float(phrase)  # the common case, without the word machinery
    total = 0.0
    current = 0.0
    seen = False
    for part in phrase.lower().replace("-", " ").replace(" and ", " ").split():
        if part in VAGUE and not seen:
            return float(VAGUE[part])
        if part in UNITS:
            current += UNITS[part]
        elif part in TENS:
            current += TENS[part]
        elif part in SCALES:
            scale = SCALES[part]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0
        else:
            try:
                current += float(part.replace(",", ""))
            except ValueError:
                return None
        seen = True
    return total + current if seen else None
