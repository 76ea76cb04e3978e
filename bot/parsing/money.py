"""Household income or rent in dollars per month, from answers like "$15 an hour, 20 hours a week".

Each amount is read with the pay period written after it (or before it, "every 2 weeks I get
500"); an amount without one is per month. Amounts are added up ("1200 from my job and 400
ssi"). An hourly or daily rate needs the hours or days worked to become a monthly amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from bot.parsing.text import for_language
from bot.parsing.words import replace_number_words

WEEKS_PER_YEAR = 52
MONTHS_PER_YEAR = 12

# How many times each pay period comes in a month.
PERIODS_PER_MONTH: dict[str, float] = {
    "week": WEEKS_PER_YEAR / MONTHS_PER_YEAR,
    "two_weeks": WEEKS_PER_YEAR / 2 / MONTHS_PER_YEAR,
    "half_month": 2.0,
    "month": 1.0,
    "year": 1 / MONTHS_PER_YEAR,
}
# Rates that need hours or days worked ("$15 an hour, 20 hours a week").
RATE_PERIODS = ("hour", "day")
# Hours or days worked are per week unless the person says otherwise.
DEFAULT_WORK_PERIOD = "week"


@dataclass(frozen=True)
class MoneyWords:
    """How one language writes pay periods and "no income"."""

    per: tuple[str, ...]
    """Words between an amount and its period unit: "a" month, "per" hour, "every" week."""
    units: dict[str, tuple[str, ...]]
    """Unit words of each period, used after `per` or alone: "hr", "mnth"."""
    phrases: dict[str, tuple[str, ...]]
    """Whole phrases for a period: "biweekly", "every 2 weeks", "twice a month"."""
    worked: dict[str, tuple[str, ...]]
    """Words after a number of hours or days worked: "40 hrs", "5 days"."""
    not_money: tuple[str, ...]
    """Words after a number that is not money: "2 jobs", "3 kids"."""
    zero: tuple[str, ...]
    """Phrases meaning no income at all, anywhere in the answer: "none", "no income"."""
    zero_alone: tuple[str, ...]
    """Words meaning no income only when they are the whole answer: "no"."""
    ranges: tuple[str, ...] = ("-", "to", "or")
    """Words between the two ends of a range: "1200-1500", "1200 to 1500"."""
    typos: dict[str, str] = field(default_factory=dict)
    """Common misspellings, fixed before reading: "evry" -> "every"."""


ENGLISH = MoneyWords(
    per=("a", "an", "per", "each", "every", "p", "/"),
    units={
        "hour": ("hour", "hr"),
        "day": ("day",),
        "week": ("week", "wk", "wek"),
        "month": ("month", "mnth", "mth", "mo", "mon", "monh"),
        "year": ("year", "yr"),
    },
    phrases={
        "hour": ("hourly", "an hr", "ph"),
        "day": ("daily",),
        "week": ("weekly", "wkly", "weekley"),
        "two_weeks": (
            "every 2 weeks",
            "every 2 wks",
            "every 2 wk",
            "every other week",
            "biweekly",
            "bi weekly",
            "bi wkly",
            "biwkly",
            "fortnightly",
            "every fortnight",
            "a fortnight",
            "per fortnight",
            "every couple weeks",
            "every couple of weeks",
            "every second week",
            "each 2 weeks",
            "per 2 weeks",
            "every 14 days",
            "bi week",
            "biweek",
        ),
        "half_month": (
            "twice a month",
            "twice per month",
            "twice monthly",
            "twice a mnth",
            "2 times a month",
            "2 times per month",
            "2x a month",
            "2x per month",
            "2x month",
            "2 x a month",
            "semi monthly",
            "semimonthly",
            "every 15 days",
            "1st and 15th",
            "on the 1st and 15th",
        ),
        "month": ("monthly", "monthy", "mnthly", "mthly", "pm"),
        "year": ("yearly", "annually", "anually", "annual", "per annum", "pa", "a yr"),
    },
    worked={
        "hour": ("hours", "hrs", "hr", "h", "hour"),
        "day": ("days", "dys"),
    },
    not_money=(
        "kids",
        "kid",
        "children",
        "child",
        "people",
        "persons",
        "jobs",
        "job",
        "times",
        "years",
        "yrs",
        "months",
        "weeks",
        "wks",
        "adults",
        "of",
        "x",
    ),
    zero=(
        "none",
        "nothing",
        "nada",
        "nil",
        "no income",
        "no money",
        "no job",
        "no work",
        "no pay",
        "no earnings",
        "not any",
        "not anything",
        "don't have any",
        "dont have any",
        "don't make any",
        "dont make any",
        "don't get any",
        "dont get any",
        "don't make anything",
        "dont make anything",
        "not a thing",
    ),
    zero_alone=("no", "nope", "nah"),
    typos={
        "evry": "every",
        "evey": "every",
        "everey": "every",
        "evrey": "every",
        "ever": "every",
        "eveyr": "every",
        "wekly": "weekly",
        "montly": "monthly",
    },
)

SPANISH = MoneyWords(
    per=("al", "por", "cada", "a la", "la", "el", "a el"),
    units={
        "hour": ("hora",),
        "day": ("dia",),
        "week": ("semana",),
        "month": ("mes",),
        "year": ("ano",),
    },
    phrases={
        "day": ("diario", "diarios"),
        "week": ("semanal", "semanales"),
        "two_weeks": ("cada 2 semanas", "cada quince dias", "cada 15 dias"),
        "half_month": ("quincenal", "quincenales", "2 veces al mes", "a la quincena"),
        "month": ("mensual", "mensuales"),
        "year": ("anual", "anuales"),
    },
    worked={"hour": ("horas",), "day": ("dias",)},
    not_money=("hijos", "hijas", "ninos", "trabajos", "veces", "anos", "meses", "semanas"),
    zero=("nada", "ninguno", "no tengo ingresos", "sin ingresos", "no gano nada"),
    zero_alone=("no",),
    ranges=("-", "a", "o"),
)

MONEY_WORDS: dict[str, MoneyWords] = {"en": ENGLISH, "es": SPANISH}

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_AMOUNT = re.compile(
    rf"(?<![\w.,])(?:\$\s*)?(?P<number>{_NUMBER})\s*(?P<thousands>k(?![a-z]))?\s*"
    rf"(?:\$|dollars?|bucks|usd|dlls?|dolares)?"
)
_SLASH_BEFORE_A_WORD = re.compile(r"\s*/\s*(?=[a-z])")
_HYPHEN_BETWEEN_LETTERS = re.compile(r"(?<=[a-z])-(?=[a-z])")


@dataclass(frozen=True)
class _Piece:
    """Something read in the answer, where it starts and ends."""

    start: int
    end: int
    kind: str  # "amount", "hour" or "day" (time worked), or "period"
    value: float = 0.0
    period: str | None = None


def parse_money_per_month(text: str, lang: str = "en") -> float | None:
    """Return the amount in `text` in dollars per month (0.0 for "none"), or None if no amount."""
    words = for_language(MONEY_WORDS, lang)
    clean = _cleaned(text, lang, words)
    worked = _time_worked(clean, words)
    clean_without_worked = _blank(clean, worked)
    periods = _periods(clean_without_worked, lang)
    amounts = _amounts(_blank(clean_without_worked, periods), words)
    if not amounts:
        return 0.0 if _says_zero(clean, words) else None
    pieces = _with_periods(sorted(amounts + worked + periods, key=lambda p: p.start), clean)
    return _per_month(pieces)


def _cleaned(text: str, lang: str, words: MoneyWords) -> str:
    """Fold the text, write numbers as digits, fix typos, read "/hr" as "per hr"."""
    clean = replace_number_words(text, lang).replace("~", " ")
    clean = _HYPHEN_BETWEEN_LETTERS.sub(" ", _SLASH_BEFORE_A_WORD.sub(" per ", clean))
    for typo, fixed in words.typos.items():
        clean = re.sub(rf"\b{re.escape(typo)}\b", fixed, clean)
    return clean


def _blank(text: str, pieces: list[_Piece]) -> str:
    """Hide already-read pieces (keeping positions) so they are not read twice."""
    for piece in pieces:
        text = text[: piece.start] + " " * (piece.end - piece.start) + text[piece.end :]
    return text


def _time_worked(text: str, words: MoneyWords) -> list[_Piece]:
    """Hours or days worked: "20 hours a week", "40 hrs", "5 days"."""
    pieces = []
    for unit, unit_words in words.worked.items():
        alternatives = "|".join(re.escape(w) for w in sorted(unit_words, key=len, reverse=True))
        for match in re.finditer(rf"(?<![\w$.,])(\d+(?:\.\d+)?)\s*(?:{alternatives})\b", text):
            after = text[match.end() :].lstrip()
            # "15 hr" alone is a rate ("$15 an hour"); "40 hrs" or "40 hr week" is time worked.
            if match.group().endswith(("hour", "hr")) and not after.startswith(("week", "wk")):
                continue
            pieces.append(_Piece(match.start(), match.end(), unit, float(match.group(1))))
    return pieces


@cache
def _period_pattern(lang: str) -> re.Pattern[str]:
    words = for_language(MONEY_WORDS, lang)
    tables = (words, ENGLISH) if words is not ENGLISH else (ENGLISH,)
    phrase_periods: dict[str, str] = {}
    for table in tables:
        for period, units in table.units.items():
            for unit in units:
                for per in table.per:
                    phrase_periods.setdefault(f"{per} {unit}", period)
                phrase_periods.setdefault(unit, period)
        for period, phrases in table.phrases.items():
            for phrase in phrases:
                phrase_periods.setdefault(phrase, period)
    groups = []
    for period in {**PERIODS_PER_MONTH, **dict.fromkeys(RATE_PERIODS)}:
        longest_first = sorted(
            (p for p, q in phrase_periods.items() if q == period), key=len, reverse=True
        )
        if longest_first:
            alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s*") for p in longest_first)
            groups.append((len(longest_first[0]), rf"(?P<{period}>{alternatives})"))
    # Longest phrases first, so "every 2 weeks" wins over "week".
    ordered = "|".join(group for _, group in sorted(groups, reverse=True))
    return re.compile(rf"(?<![a-z])(?:{ordered})(?![a-z])")


def _periods(text: str, lang: str) -> list[_Piece]:
    """Pay periods written in the text: "a month", "every 2 weeks", "per hr"."""
    return [
        _Piece(m.start(), m.end(), "period", period=m.lastgroup)
        for m in _period_pattern(lang).finditer(text)
    ]


def _amounts(text: str, words: MoneyWords) -> list[_Piece]:
    """Dollar amounts, with ranges ("1200-1500", "between 1200 and 1500") read as their middle."""
    amounts: list[_Piece] = []
    for match in _AMOUNT.finditer(text):
        following = text[match.end() :].split(maxsplit=1)
        next_word = following[0].strip(",.;:!?") if following else ""
        if not match.group("thousands") and next_word in words.not_money:
            continue
        value = float(match.group("number").replace(",", ""))
        if match.group("thousands"):
            value *= 1000
        end = match.start() + len(match.group().rstrip())
        amounts.append(_Piece(match.start(), end, "amount", value))
    return _ranges_merged(amounts, text, words)


def _ranges_merged(amounts: list[_Piece], text: str, words: MoneyWords) -> list[_Piece]:
    """Replace the two ends of a range by one amount in the middle."""
    merged: list[_Piece] = []
    for amount in amounts:
        if merged:
            previous = merged[-1]
            between = text[previous.end : amount.start].strip()
            before = text[: previous.start].split()[-1:]
            if between in words.ranges or (between == "and" and before == ["between"]):
                middle = (previous.value + amount.value) / 2
                merged[-1] = _Piece(previous.start, amount.end, "amount", middle)
                continue
        merged.append(amount)
    return merged


def _with_periods(pieces: list[_Piece], text: str) -> list[_Piece]:
    """Give each amount or time worked the period written next to it."""
    periods = [p for p in pieces if p.kind == "period"]
    others = [p for p in pieces if p.kind != "period"]
    period_of: dict[int, str] = {}
    for period in periods:
        before = [i for i, p in enumerate(others) if p.end <= period.start and i not in period_of]
        after = [i for i, p in enumerate(others) if p.start >= period.end and i not in period_of]
        target = before[-1] if before else (after[0] if after else None)
        if target is None or period.period is None:
            continue
        period_of[target] = period.period
        # "500 and 300 every 2 weeks": a list of amounts shares the period after it.
        while (
            target > 0
            and target - 1 not in period_of
            and _only_joins(text[others[target - 1].end : others[target].start])
        ):
            target -= 1
            period_of[target] = period.period
    return [_Piece(p.start, p.end, p.kind, p.value, period_of.get(i)) for i, p in enumerate(others)]


def _only_joins(between: str) -> bool:
    """True when the text between two amounts only lists them ("500 and 300", "500, 300")."""
    return re.fullmatch(r"[\s,+&]*(?:and|plus|y)?[\s,+&]*", between) is not None


def _per_month(pieces: list[_Piece]) -> float | None:
    """Add up the amounts per month; None when a rate's hours or days worked are missing."""
    worked = {unit: [p for p in pieces if p.kind == unit] for unit in RATE_PERIODS}
    total = 0.0
    for piece in pieces:
        if piece.kind != "amount":
            continue
        period = piece.period or "month"
        if period in RATE_PERIODS:
            if not worked[period]:
                return None
            time = worked[period].pop(0)
            time_period = time.period or DEFAULT_WORK_PERIOD
            if time_period not in PERIODS_PER_MONTH:
                return None
            total += piece.value * time.value * PERIODS_PER_MONTH[time_period]
        else:
            total += piece.value * PERIODS_PER_MONTH[period]
    return total


def _says_zero(text: str, words: MoneyWords) -> bool:
    """True for answers meaning no income at all: "none", "nothing", "no income", "no"."""
    if text.strip(" .!") in set(words.zero_alone) | set(ENGLISH.zero_alone):
        return True
    phrases = sorted(set(words.zero) | set(ENGLISH.zero), key=len, reverse=True)
    alternatives = "|".join(re.escape(p) for p in phrases)
    return re.search(rf"(?<![\w$])(?:{alternatives})(?![\w.])", text) is not None
