"""SMS rules: GSM-7 or UCS-2, segments, few bodies per reply, carrier keywords, numbered replies.

A carrier bills and delivers an SMS in segments. A body written only in the GSM 03.38 default
alphabet (GSM-7) fits 160 septets in one segment; a longer one is cut into parts of 153 septets,
because each part carries a 6-byte header that says how to reassemble it. A single character
outside that alphabet sends the whole body as UCS-2 (UTF-16): 70 code units in one segment,
67 per part. So one curly apostrophe can double the cost of a reply.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Literal

from bot.parsing.text import fold

Encoding = Literal["GSM-7", "UCS-2"]
Keyword = Literal["stop", "start", "help", "delete"]

# GSM 03.38 default alphabet, in table order (0x1B is the escape to the extension table).
GSM7_BASIC: frozenset[str] = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅå"
    "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
    " !\"#¤%&'()*+,-./"
    "0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# GSM 03.38 extension table: each character is sent as escape + character, 2 septets.
GSM7_EXTENDED: frozenset[str] = frozenset("\f^{}\\[~]|€")

GSM7_SINGLE_SEGMENT_SEPTETS = 160
GSM7_PART_SEPTETS = 153  # 160 minus the 6-byte concatenation header (7 septets)
UCS2_SINGLE_SEGMENT_UNITS = 70
UCS2_PART_UNITS = 67  # 70 minus the 6-byte concatenation header (3 UTF-16 units)

# Twilio rejects a body over 1600 characters and advises at most 10 segments per message,
# past which delivery gets unreliable.
TWILIO_MAX_CHARS = 1600
MAX_SEGMENTS_PER_BODY = 10

# Typographic characters that force UCS-2, with the GSM-7 characters a reader takes for them.
GSM_FRIENDLY = str.maketrans(
    {
        "\u2019": "'",  # ’
        "\u2018": "'",  # ‘
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u2013": "-",  # –
        "\u2014": "-",  # —
        "\u2026": "...",  # …
        "\u00a0": " ",  # non-breaking space
        "\u2022": "-",  # •
    }
)

# Carrier keywords per language. Each is the whole message; case, accents and punctuation at
# either end do not matter. Every language's words work whatever language the conversation is in,
# because a person who wants to stop must be able to, even before choosing a language.
KEYWORDS: dict[str, dict[Keyword, tuple[str, ...]]] = {
    "en": {
        "stop": ("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"),
        "start": ("START", "UNSTOP"),
        "help": ("HELP", "INFO"),
        "delete": ("DELETE",),
    },
    "es": {
        "stop": ("ALTO", "PARAR", "PARA", "DETENER", "CANCELAR", "BAJA"),
        "start": ("INICIAR", "COMENZAR"),
        "help": ("AYUDA",),
        "delete": ("BORRAR", "ELIMINAR"),
    },
    "zh": {
        "stop": ("停止", "退订", "退訂", "取消"),
        "start": ("开始", "開始"),
        "help": ("帮助", "幫助"),
        "delete": ("删除", "刪除"),
    },
    "vi": {
        "stop": ("DUNG", "DỪNG", "HUY", "HỦY"),
        "start": ("BẮT ĐẦU",),
        "help": ("GIÚP",),
        "delete": ("XÓA", "XOA"),
    },
    "tl": {
        "stop": ("TIGIL", "HINTO"),
        "start": ("SIMULA",),
        "help": ("TULONG",),
        "delete": ("BURAHIN",),
    },
    "ko": {
        "stop": ("중지", "그만", "취소"),
        "start": ("시작",),
        "help": ("도움", "도움말"),
        "delete": ("삭제",),
    },
}

# "YES" in each language opts a number back in, but only a number that opted out: anywhere
# else it answers the bot's question. Lower case, as the channel compares it.
OPT_IN_YES: frozenset[str] = frozenset({"yes", "si", "sí", "是", "có", "oo", "예"})

# Words that may come before the number of a numbered reply: "option 2", "#2".
CHOICE_PREFIXES = ("option", "#")
_CHOICE_PREFIX = "|".join(re.escape(prefix) for prefix in CHOICE_PREFIXES)
_NUMBERED_REPLY = re.compile(rf"(?:(?:{_CHOICE_PREFIX})\s*)?(\d+)\s*[.)!]?")


def encoding(text: str) -> Encoding:
    """The encoding a body is sent in: GSM-7 if every character is in the GSM 03.38 alphabet."""
    if all(char in GSM7_BASIC or char in GSM7_EXTENDED for char in text):
        return "GSM-7"
    return "UCS-2"


def segment_count(text: str) -> int:
    """How many SMS segments `text` costs; 0 for empty text.

    Counted precisely: an escape pair (GSM-7) or a surrogate pair (UCS-2) is never split
    between two parts, so a part may hold one unit less than 153 or 67.
    """
    if encoding(text) == "GSM-7":
        sizes = [2 if char in GSM7_EXTENDED else 1 for char in text]
        return _parts(sizes, GSM7_SINGLE_SEGMENT_SEPTETS, GSM7_PART_SEPTETS)
    sizes = [2 if ord(char) > 0xFFFF else 1 for char in text]
    return _parts(sizes, UCS2_SINGLE_SEGMENT_UNITS, UCS2_PART_UNITS)


def _parts(sizes: list[int], single: int, per_part: int) -> int:
    """Segments for characters of these sizes: one if they fit `single`, else filled in order."""
    total = sum(sizes)
    if total <= single:
        return 1 if total else 0
    parts, used = 1, 0
    for size in sizes:
        if used + size > per_part:
            parts, used = parts + 1, 0
        used += size
    return parts


def gsm_friendly(text: str) -> str:
    """`text` with curly quotes, dashes, ellipsis, bullets and non-breaking spaces made GSM-7."""
    return text.translate(GSM_FRIENDLY)


# Languages whose SMS readers accept vowels without their acute accent, which GSM-7 lacks
# (it has é, ñ, ü, ¿ and ¡): one such letter would otherwise make a whole body UCS-2 and
# halve what each segment holds.
GSM_ACCENT_FOLDING: dict[str, dict[int, int]] = {
    language: str.maketrans("áíóúÁÍÓÚâêîôûÂÊÎÔÛ", "aiouAIOUaeiouAEIOU") for language in ("es", "tl")
}


def for_language(text: str, language: str | None) -> str:
    """`text` made GSM-7 where the language's readers accept it (see GSM_ACCENT_FOLDING)."""
    text = gsm_friendly(text)
    folding = GSM_ACCENT_FOLDING.get((language or "").split("-")[0].split("_")[0])
    return text.translate(folding) if folding else text


def compose(
    messages: Sequence[str], max_chars: int = TWILIO_MAX_CHARS, language: str | None = None
) -> list[str]:
    """The SMS bodies for the bot's consecutive messages, in order, costing the fewest segments.

    Consecutive messages share a body (joined by a line break) when that costs no more
    segments; on a tie, fewer bodies win. A body holds at most `max_chars` characters and
    10 segments; a longer message is cut at spaces. Empty messages are dropped. With a
    `language`, its GSM-7 spelling is used (see `for_language`).
    """
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1")

    def fits(body: str) -> bool:
        return len(body) <= max_chars and segment_count(body) <= MAX_SEGMENTS_PER_BODY

    pieces = [
        piece for text in messages for piece in _cut_to_fit(for_language(text, language), fits)
    ]
    # best[end] is (segments, bodies, start of the last body) for the cheapest way to send
    # pieces[:end]; a tuple so that min() compares segments first, then bodies.
    best: list[tuple[int, int, int]] = [(0, 0, 0)]
    for end in range(1, len(pieces) + 1):
        options = []
        for start in range(end - 1, -1, -1):
            body = "\n".join(pieces[start:end])
            if not fits(body):
                break  # an earlier start only makes the body longer
            segments, count, _ = best[start]
            options.append((segments + segment_count(body), count + 1, start))
        best.append(min(options))
    bodies: list[str] = []
    end = len(pieces)
    while end:
        start = best[end][2]
        bodies.append("\n".join(pieces[start:end]))
        end = start
    return bodies[::-1]


def _cut_to_fit(text: str, fits: Callable[[str], bool]) -> list[str]:
    """`text` trimmed, in pieces that each fit, cut at the last space that makes them fit.

    A word longer than a whole body is cut where the body is full.
    """
    pieces: list[str] = []
    rest = text.strip()
    while rest and not fits(rest):
        full = _longest_fitting_prefix(rest, fits)
        cut = next((i for i in range(full, 0, -1) if rest[i].isspace()), full)
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def _longest_fitting_prefix(text: str, fits: Callable[[str], bool]) -> int:
    """The length of the longest prefix of `text` that fits (at least 1), found by bisection."""
    fitting, too_long = 1, len(text)
    while too_long - fitting > 1:
        middle = (fitting + too_long) // 2
        if fits(text[:middle]):
            fitting = middle
        else:
            too_long = middle
    return fitting


def choice_for_reply(text: str, count: int) -> int | None:
    """The 0-based index of a numbered choice ("2", "2.", "#2", "option 2", "２"), if in range."""
    reply = unicodedata.normalize("NFKC", text).strip().casefold()
    match = _NUMBERED_REPLY.fullmatch(reply)
    if match is None:
        return None
    number = int(match.group(1))
    return number - 1 if 1 <= number <= count else None


def keyword(text: str) -> Keyword | None:
    """The carrier keyword the whole message is ("Stop.", "AYUDA", "停止"), in any language."""
    return _KEYWORD_BY_WORD.get(_keyword_form(text))


def _keyword_form(text: str) -> str:
    """`text` as keywords are compared: folded, "đ" read as "d", no punctuation at the ends."""
    folded = fold(text).replace("đ", "d")
    start, end = 0, len(folded)
    while start < end and _is_edge(folded[start]):
        start += 1
    while end > start and _is_edge(folded[end - 1]):
        end -= 1
    return folded[start:end]


def _is_edge(char: str) -> bool:
    """Whether `char` is punctuation or space, ignored at either end of a keyword."""
    return char.isspace() or unicodedata.category(char).startswith("P")


_KEYWORD_BY_WORD: dict[str, Keyword] = {
    _keyword_form(word): family
    for families in KEYWORDS.values()
    for family, words in families.items()
    for word in words
}
