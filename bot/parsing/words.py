"""Numbers written as words ("twelve hundred", "mil doscientos", "一千二百", "천이백") as digits.

Each language is a table of words, so a translator can add one without touching the reader.
Two ways of writing are read: words with spaces, where each word is a value or a multiplier
("one thousand two hundred", "isang libo't dalawang daan"), and digit characters next to
multiplier characters without spaces (Chinese 一千二百, Korean 천이백).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from bot.parsing.text import fold, fold_all, for_language


@dataclass(frozen=True)
class NumberWords:
    """The words one language uses for numbers."""

    values: dict[str, int]
    """Words that stand for a number on their own: "six", "forty", "doscientos"."""
    multipliers: dict[str, int]
    """Words that multiply what came before: "hundred", "thousand", "mil"."""
    one_before_multiplier: frozenset[str] = frozenset()
    """Words that mean "one" only before a multiplier ("a hundred")."""
    joiner_after_multiplier: frozenset[str] = frozenset()
    """Words allowed between a multiplier and the rest ("one hundred and five")."""
    joiner_after_tens: frozenset[str] = frozenset()
    """Words allowed between tens and units ("treinta y cuatro")."""
    joiner_before_multiplier: frozenset[str] = frozenset()
    """Words allowed between a value and its multiplier (Tagalog "apat na libo")."""
    inside_a_number: dict[str, int] = field(default_factory=dict)
    """Values that are numbers only next to a multiplier or tens, being common words alone
    (Vietnamese "năm" is 5 in "năm trăm" but "year" alone; "lăm" is 5 in "mười lăm")."""
    short_tail: bool = False
    """A lone digit after a multiplier counts in the next smaller unit: Vietnamese "1 nghìn 2"
    and Chinese 一千二 are 1200, 两千五 is 2500."""
    digit_characters: dict[str, int] = field(default_factory=dict)
    """Digits written without spaces next to `unit_characters`: 一 二 两 / 일 이 삼."""
    unit_characters: dict[str, int] = field(default_factory=dict)
    """Multipliers written without spaces: 十 百 千 万 / 십 백 천 만. From 10,000 up
    (万, 만) they multiply everything before them: 一万二千 is 12000."""
    digits_alone: bool = True
    """Whether a digit character without a unit character is a number (Chinese 两个孩子).
    False where digit syllables are also everyday syllables (Korean 이, 일, 사): then only a
    run with a unit character that starts a word is read (천이백, not 저만)."""


ENGLISH = NumberWords(
    values={
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
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fourty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
    },
    multipliers={"hundred": 100, "thousand": 1000, "grand": 1000, "million": 1_000_000},
    one_before_multiplier=frozenset({"a", "one"}),
    joiner_after_multiplier=frozenset({"and"}),
)

SPANISH = NumberWords(
    values={
        "cero": 0,
        "uno": 1,
        "una": 1,
        "un": 1,
        "dos": 2,
        "tres": 3,
        "cuatro": 4,
        "cinco": 5,
        "seis": 6,
        "siete": 7,
        "ocho": 8,
        "nueve": 9,
        "diez": 10,
        "once": 11,
        "doce": 12,
        "trece": 13,
        "catorce": 14,
        "quince": 15,
        "dieciséis": 16,
        "diecisiete": 17,
        "dieciocho": 18,
        "diecinueve": 19,
        "veinte": 20,
        "veintiuno": 21,
        "veintiún": 21,
        "veintidós": 22,
        "veintitrés": 23,
        "veinticuatro": 24,
        "veinticinco": 25,
        "veintiséis": 26,
        "veintisiete": 27,
        "veintiocho": 28,
        "veintinueve": 29,
        "treinta": 30,
        "cuarenta": 40,
        "cincuenta": 50,
        "sesenta": 60,
        "setenta": 70,
        "ochenta": 80,
        "noventa": 90,
        "cien": 100,
        "ciento": 100,
        "doscientos": 200,
        "doscientas": 200,
        "trescientos": 300,
        "trescientas": 300,
        "cuatrocientos": 400,
        "cuatrocientas": 400,
        "quinientos": 500,
        "quinientas": 500,
        "seiscientos": 600,
        "seiscientas": 600,
        "setecientos": 700,
        "setecientas": 700,
        "ochocientos": 800,
        "ochocientas": 800,
        "novecientos": 900,
        "novecientas": 900,
    },
    multipliers={"mil": 1000, "millon": 1_000_000, "millones": 1_000_000},
    joiner_after_tens=frozenset({"y"}),
)

CHINESE = NumberWords(
    values={},
    multipliers={},
    short_tail=True,
    digit_characters={
        "零": 0,
        "〇": 0,
        "一": 1,
        "二": 2,
        "两": 2,
        "兩": 2,
        "三": 3,
        "四": 4,
        "五": 5,
        "六": 6,
        "七": 7,
        "八": 8,
        "九": 9,
    },
    unit_characters={
        "十": 10,
        "百": 100,
        "千": 1000,
        "万": 10_000,
        "萬": 10_000,
        "亿": 100_000_000,
        "億": 100_000_000,
    },
)

VIETNAMESE = NumberWords(
    values={
        "một": 1,
        "hai": 2,
        "bốn": 4,
        "bảy": 7,
        "bẩy": 7,
        "tám": 8,
        "chín": 9,
    },
    # "mươi" after a digit is tens ("hai mươi"); folded it is "muoi" like "mười" (ten).
    multipliers={"muoi": 10, "trăm": 100, "nghìn": 1000, "ngàn": 1000, "triệu": 1_000_000},
    joiner_after_multiplier=frozenset({"linh", "lẻ"}),
    inside_a_number={"ba": 3, "tư": 4, "năm": 5, "lăm": 5, "nhăm": 5, "sáu": 6, "rưỡi": 5},
    short_tail=True,
)

TAGALOG = NumberWords(
    values={
        "isa": 1,
        "isang": 1,
        "dalawa": 2,
        "dalawang": 2,
        "tatlo": 3,
        "tatlong": 3,
        "apat": 4,
        "lima": 5,
        "limang": 5,
        "anim": 6,
        "pito": 7,
        "pitong": 7,
        "walo": 8,
        "walong": 8,
        "siyam": 9,
        "sampu": 10,
        "sampung": 10,
        "labingisa": 11,
        "labindalawa": 12,
        "labintatlo": 13,
        "labingapat": 14,
        "labinlima": 15,
        "labinganim": 16,
        "labimpito": 17,
        "labingwalo": 18,
        "labinsiyam": 19,
        "dalawampu": 20,
        "dalawampung": 20,
        "tatlumpu": 30,
        "tatlumpung": 30,
        "apatnapu": 40,
        "apatnapung": 40,
        "limampu": 50,
        "limampung": 50,
        "animnapu": 60,
        "animnapung": 60,
        "pitumpu": 70,
        "pitumpung": 70,
        "walumpu": 80,
        "walumpung": 80,
        "siyamnapu": 90,
        "siyamnapung": 90,
    },
    multipliers={
        "daan": 100,
        "raan": 100,
        "sandaan": 100,
        "libo": 1000,
        "sanlibo": 1000,
        "milyon": 1_000_000,
    },
    # "isang libo't dalawang daan", "dalawampu't lima", "apat na raan".
    joiner_after_multiplier=frozenset({"at", "t"}),
    joiner_after_tens=frozenset({"at", "t"}),
    joiner_before_multiplier=frozenset({"na"}),
)

KOREAN = NumberWords(
    # Native Korean numbers, written as words ("마흔 살"); 한/두/세/네 are left out because
    # they are also "one month" (한 달), a verb, and the age unit 세.
    values={
        "하나": 1,
        "둘": 2,
        "셋": 3,
        "넷": 4,
        "다섯": 5,
        "여섯": 6,
        "일곱": 7,
        "여덟": 8,
        "아홉": 9,
        "열": 10,
        "스물": 20,
        "스무": 20,
        "서른": 30,
        "마흔": 40,
        "쉰": 50,
        "예순": 60,
        "일흔": 70,
        "여든": 80,
        "아흔": 90,
    },
    multipliers={},
    digit_characters={
        "영": 0,
        "공": 0,
        "일": 1,
        "이": 2,
        "삼": 3,
        "사": 4,
        "오": 5,
        "육": 6,
        "칠": 7,
        "팔": 8,
        "구": 9,
    },
    unit_characters={"십": 10, "백": 100, "천": 1000, "만": 10_000, "억": 100_000_000},
    digits_alone=False,
)

NUMBER_WORDS: dict[str, NumberWords] = {
    "en": ENGLISH,
    "es": SPANISH,
    "zh": CHINESE,
    "vi": VIETNAMESE,
    "tl": TAGALOG,
    "ko": KOREAN,
}

_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+")
# Tagalog joins with an apostrophe: "libo't", "dalawampu't".
_GAP_INSIDE_A_NUMBER = re.compile(r"[\s'-]*")
_UNSPACED_PIECE = re.compile(r"\d+(?:\.\d+)?|\D")
_HIGHEST_SHORT_TAIL_DIGIT = 9


@cache
def _folded(lang: str) -> NumberWords:
    return fold_all(for_language(NUMBER_WORDS, lang))


def replace_number_words(text: str, lang: str = "en") -> str:
    """Return `text` folded (see `fold`) with every number written in words replaced by digits.

    Separate numbers stay separate: "thirty four and six" -> "34 and 6".
    """
    table = _folded(lang)
    text = fold(text)
    if table.digit_characters:
        text = _replace_unspaced_numbers(text, lang)
    tokens = list(_TOKEN.finditer(text))
    pieces: list[str] = []
    copied_up_to = 0
    i = 0
    while i < len(tokens):
        value, end = _read_number(text, tokens, i, table)
        if end == i:
            i += 1
            continue
        pieces.append(text[copied_up_to : tokens[i].start()])
        pieces.append(f"{value:g}" if value != int(value) else str(int(value)))
        copied_up_to = tokens[end - 1].end()
        i = end
    pieces.append(text[copied_up_to:])
    return "".join(pieces)


@cache
def _unspaced_number(lang: str) -> re.Pattern[str]:
    table = _folded(lang)
    characters = "".join(re.escape(c) for c in (*table.digit_characters, *table.unit_characters))
    return re.compile(rf"(?:\d+(?:\.\d+)?|[{characters}])+")


def _replace_unspaced_numbers(text: str, lang: str) -> str:
    """Write 一千二百 as 1200 and 천이백 as 1200; digits already written stay as they are."""
    table = _folded(lang)

    def digits(run: re.Match[str]) -> str:
        written = run.group()
        has_unit = any(c in table.unit_characters for c in written)
        if not any(c in table.digit_characters for c in written) and not has_unit:
            return written
        starts_a_word = run.start() == 0 or not text[run.start() - 1].isalpha()
        if not table.digits_alone and not (has_unit and starts_a_word):
            return written
        value = _read_unspaced(written, table)
        if value is None:
            return written
        return f"{value:g}" if value != int(value) else str(int(value))

    return _unspaced_number(lang).sub(digits, text)


def _read_unspaced(written: str, table: NumberWords) -> float | None:
    """The value of 一千二百 (1200), 两千五 (2500), 一万二千 (12000), 3万 (30000), or None."""
    total = 0.0  # everything up to the last 万 or 亿
    section = 0.0  # what came after it
    digit: float | None = None
    last_unit = 1
    after_zero = False
    for piece in _UNSPACED_PIECE.findall(written):
        if piece[0].isdigit() or piece in table.digit_characters:
            value = float(piece) if piece[0].isdigit() else table.digit_characters[piece]
            if digit is not None:
                return None  # "一二" is not one number
            if value == 0:
                after_zero = True
                continue
            digit = value
        elif table.unit_characters[piece] >= 10_000:
            unit = table.unit_characters[piece]
            total += ((section + (digit or 0)) or 1) * unit
            section, digit, last_unit, after_zero = 0.0, None, unit, False
        else:
            unit = table.unit_characters[piece]
            section += (1 if digit is None else digit) * unit
            digit, last_unit, after_zero = None, unit, False
    if digit is not None:
        if table.short_tail and last_unit >= 100 and not after_zero:
            digit *= last_unit // 10
        section += digit
    return total + section


def _read_number(
    text: str, tokens: list[re.Match[str]], start: int, table: NumberWords
) -> tuple[float, int]:
    """Read one number from tokens[start:]; return it and the index after it (start if none)."""
    values, multipliers = table.values, table.multipliers
    inside = {**values, **table.inside_a_number}

    def word(i: int) -> str | None:
        if i >= len(tokens):
            return None
        gap = text[tokens[i - 1].end() : tokens[i].start()] if i > start else ""
        if not _GAP_INSIDE_A_NUMBER.fullmatch(gap):
            return None
        return tokens[i].group()

    first, following = tokens[start].group(), word(start + 1)
    if following in multipliers and (first[0].isdigit() or first in table.one_before_multiplier):
        current = float(first) if first[0].isdigit() else 1.0
        last = "digits"
        i = start + 1
    elif (
        first in values
        or first in multipliers
        or (first in table.inside_a_number and following in multipliers)
    ):
        current = 0.0
        last = "start"
        i = start
    else:
        return 0.0, start

    total = 0.0
    last_value = 0
    ceiling = 0  # what a following value must stay under to belong to this number
    while (w := word(i)) is not None:
        if w in multipliers:
            multiplier = multipliers[w]
            if multiplier < 100:
                # Tens multiply only the digit just said: Vietnamese "hai mươi" is 20,
                # "một trăm hai mươi" 120 (not 1020).
                digit = last_value if last == "value" else 0
                current += (digit or 1) * multiplier - digit
            elif multiplier < 1000:
                current = (current or 1) * multiplier
            else:
                total += (current or 1) * multiplier
                current = 0
            ceiling, last = multiplier, "multiplier"
        elif _is_short_tail(w, last, ceiling, word(i + 1), table):
            current += _digit_value(w, inside) * ceiling // 10
            i += 1
            break
        elif w in values or (w in inside and (last != "start" or i == start)):
            value = last_value = inside[w]
            if last == "start":
                ceiling = 10 if value in range(20, 100, 10) else (100 if value >= 100 else 0)
            elif value == 0 or value >= ceiling:
                break
            else:
                ceiling = 10 if value in range(20, 100, 10) else 0
            current += value
            last = "value"
        elif _is_joiner(w, last, ceiling, word(i + 1), inside, table):
            last = "joiner"
            i += 1
            continue
        else:
            break
        i += 1
    return total + current, i


def _digit_value(w: str, values: dict[str, int]) -> int:
    """The digit written as `w`, in figures or in words (0 when it is neither)."""
    return int(w) if w.isdigit() else values.get(w, 0)


def _is_short_tail(
    w: str, last: str, ceiling: int, following: str | None, table: NumberWords
) -> bool:
    """True for the "2" of "1 nghìn 2": a lone digit ending a number right after its multiplier."""
    if not (table.short_tail and last == "multiplier" and ceiling >= 100):
        return False
    inside = {**table.values, **table.inside_a_number}
    digit = _digit_value(w, inside)
    ends_number = following is None or (
        following not in table.multipliers and following not in inside
    )
    return 0 < digit <= _HIGHEST_SHORT_TAIL_DIGIT and (w.isdigit() or w in inside) and ends_number


def _is_joiner(
    w: str,
    last: str,
    ceiling: int,
    following: str | None,
    values: dict[str, int],
    table: NumberWords,
) -> bool:
    """True when `w` joins two parts of one number, like "and" in "one hundred and five"."""
    if w in table.joiner_before_multiplier and last == "value":
        return following in table.multipliers
    if following not in values or values[following] == 0 or values[following] >= max(ceiling, 1):
        return False
    if w in table.joiner_after_multiplier and last == "multiplier":
        return True
    return w in table.joiner_after_tens and last == "value" and ceiling == 10
