"""Household income or rent in dollars per month, from answers like "$15 an hour, 20 hours a week".

Each amount is read with the pay period written after it (or before it, "every 2 weeks I get
500"); an amount without one is per month. Amounts are added up ("1200 from my job and 400
ssi"). An hourly or daily rate needs the hours or days worked to become a monthly amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from babel.numbers import parse_decimal

from bot.parsing.text import UNSPACED_LETTER, fold_all, for_language, segment, unspaced_vocabulary
from bot.parsing.words import replace_number_words

_UNSPACED = re.compile(f"[{UNSPACED_LETTER}]")

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
    currency: tuple[str, ...] = ()
    """Words for dollars written after an amount, besides "$" and "dollars": "元", "달러"."""
    local_numbers: str | None = None
    """Babel locale whose digit grouping people also use ("es": "1.200,50" is 1200.50).
    US-style "1,200.50" is always read; None when the language writes numbers that way."""


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
        "half_month": (
            "quincenal",
            "quincenales",
            "2 veces al mes",
            "a la quincena",
            "cada quincena",
            "por quincena",
        ),
        "month": ("mensual", "mensuales"),
        "year": ("anual", "anuales"),
    },
    worked={"hour": ("horas",), "day": ("dias",)},
    not_money=("hijos", "hijas", "ninos", "trabajos", "veces", "anos", "meses", "semanas"),
    zero=("nada", "ninguno", "no tengo ingresos", "sin ingresos", "no gano nada"),
    zero_alone=("no",),
    ranges=("-", "a", "o"),
    currency=("dólares", "dólar", "dls"),
    local_numbers="es",
)

CHINESE = MoneyWords(
    per=("每", "每个", "每個", "1", "1 个", "1 個", "/"),
    units={
        "hour": ("小时", "小時", "钟头", "鐘頭"),
        "day": ("天", "日"),
        "week": ("周", "週", "星期", "礼拜", "禮拜"),
        "month": ("月", "个月", "個月"),
        "year": ("年",),
    },
    phrases={
        "hour": ("时薪", "時薪"),
        "day": ("日薪", "天天"),
        "week": ("周薪", "週薪"),
        "two_weeks": (
            "每 2 周",
            "每 2 週",
            "每 2 个星期",
            "每 2 個星期",
            "每 2 星期",
            "每隔 1 周",
            "每隔 1 週",
            "隔周",
            "隔週",
            "双周",
            "雙週",
        ),
        "half_month": ("半个月", "半個月", "每月 2 次", "1 个月 2 次", "1 個月 2 次"),
        "month": ("月薪", "月收入", "每月"),
        "year": ("年薪", "年收入"),
    },
    worked={"hour": ("小时", "小時", "个小时", "個小時", "钟头"), "day": ("天",)},
    not_money=("个", "個", "人", "岁", "歲", "次", "份", "口", "孩子"),
    zero=(
        "没有",
        "沒有",
        "没收入",
        "沒收入",
        "无收入",
        "無收入",
        "没工作",
        "沒工作",
        "零收入",
        "一分钱都没有",
        "一分錢都沒有",
    ),
    zero_alone=("没", "沒", "无", "無", "不", "否"),
    ranges=("-", "到", "至", "或"),
    currency=("元", "块", "块钱", "塊", "塊錢", "美元", "美金", "刀", "美刀"),
)

VIETNAMESE = MoneyWords(
    per=("mỗi", "1", "mỗi 1", "hàng", "trên", "/"),
    units={
        "hour": ("giờ", "tiếng"),
        "day": ("ngày",),
        "week": ("tuần",),
        "month": ("tháng",),
        "year": ("năm",),
    },
    phrases={
        "hour": ("lương giờ",),
        "two_weeks": ("mỗi 2 tuần", "2 tuần 1 lần", "cách tuần"),
        "half_month": ("nửa tháng", "nửa tháng 1 lần", "1 tháng 2 lần", "mỗi tháng 2 lần"),
        "month": ("lương tháng",),
    },
    worked={"hour": ("giờ", "tiếng"), "day": ("ngày",)},
    not_money=("tuổi", "người", "đứa", "con", "lần", "việc", "chỗ"),
    zero=(
        "không có",
        "ko có",
        "k có",
        "hổng có",
        "chẳng có",
        "không có gì",
        "không có thu nhập",
        "không có đồng nào",
        "không có việc",
        "thất nghiệp",
    ),
    zero_alone=("không", "ko", "k", "hông", "chưa", "không ạ"),
    ranges=("-", "đến", "tới", "hoặc"),
    currency=("đô", "đô la", "đô mỹ", "usd"),
    local_numbers="vi",
)

TAGALOG = MoneyWords(
    per=("kada", "bawat", "sa", "tuwing", "1", "sa 1", "kada 1", "/"),
    units={
        "hour": ("oras",),
        "day": ("araw",),
        "week": ("linggo",),
        "month": ("buwan",),
        "year": ("taon",),
    },
    phrases={
        "day": ("araw araw", "arawan"),
        "week": ("lingguhan", "linggo linggo"),
        "two_weeks": ("kada 2 linggo", "tuwing 2 linggo", "bawat 2 linggo", "2 linggo 1 beses"),
        "half_month": (
            "kinsenas",
            "kada kinsenas",
            "tuwing kinsenas",
            "2 beses 1 buwan",
            "2 beses sa 1 buwan",
            "2 beses kada buwan",
        ),
        "month": ("buwanan", "buwan buwan"),
        "year": ("taunan", "taon taon"),
    },
    worked={"hour": ("oras",), "day": ("araw",)},
    not_money=("anak", "tao", "taon", "taong", "beses", "trabaho", "na"),
    zero=(
        "wala",
        "walang",
        "walang kita",
        "walang sahod",
        "wala akong kita",
        "wala pong kita",
        "walang trabaho",
        "wala po",
    ),
    zero_alone=("hindi", "wala", "wala po", "hindi po"),
    ranges=("-", "hanggang", "o"),
    currency=("dolyar", "dolyares", "dólar"),
    typos={"kda": "kada"},
)

KOREAN = MoneyWords(
    per=("/",),
    units={
        "hour": ("시간당", "시급"),
        "day": ("일당", "하루에", "하루"),
        "week": ("주", "매주", "주당", "일주일", "일주일에", "한 주에", "1주일에", "1주에"),
        "month": ("월", "매달", "매월", "한 달", "한달", "한 달에", "한달에", "달에", "월급"),
        "year": ("연봉", "연간", "매년", "년에", "1년에", "일년에"),
    },
    phrases={
        "two_weeks": (
            "2주마다",
            "이주마다",
            "2주일마다",
            "2주에 1번",
            "2주에 한 번",
            "2주에 한번",
            "격주",
            "격주로",
        ),
        "half_month": ("한 달에 2번", "한달에 2번", "한 달에 두 번", "월 2회", "보름마다"),
    },
    worked={"hour": ("시간",), "day": ("일",)},
    not_money=("명", "살", "세", "개월", "번", "개", "년"),
    zero=(
        "없어요",
        "없음",
        "없습니다",
        "없어",
        "없다",
        "없고",
        "수입 없음",
        "한 푼도",
        "무직",
        "무수입",
    ),
    zero_alone=("아니요", "아니", "아뇨"),
    ranges=("-", "에서", "또는", "아니면"),
    currency=("달러", "불", "딸라"),
)

MONEY_WORDS: dict[str, MoneyWords] = {
    "en": ENGLISH,
    "es": SPANISH,
    "zh": CHINESE,
    "vi": VIETNAMESE,
    "tl": TAGALOG,
    "ko": KOREAN,
}

_US_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "1.200,50", "1.200" and "15,50" as written in Spanish or Vietnamese.
_LOCAL_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.])|\d+,\d{1,2}(?![\d,])"
_LOCAL_STYLE = re.compile(_LOCAL_NUMBER)
_DOLLARS = (r"\$", "dollars?", "bucks", "usd", "dlls?", "dolares")
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
    words = _words(lang)
    clean = _cleaned(text, lang, words)
    worked = _time_worked(clean, words)
    clean_without_worked = _blank(clean, worked)
    periods = _periods(clean_without_worked, lang)
    amounts = _amounts(_blank(clean_without_worked, periods), words, lang)
    if not amounts:
        return 0.0 if _says_zero(clean, words) else None
    pieces = _with_periods(sorted(amounts + worked + periods, key=lambda p: p.start), clean)
    return _per_month(pieces)


def _cleaned(text: str, lang: str, words: MoneyWords) -> str:
    """Fold the text, write numbers as digits, fix typos, read "/hr" as "per hr"."""
    clean = segment(replace_number_words(text, lang).replace("~", " "), _vocabulary(lang))
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
        alternatives = "|".join(
            _phrase_pattern(w) for w in sorted(unit_words, key=len, reverse=True)
        )
        for match in re.finditer(rf"(?<![\w$.,])(\d+(?:\.\d+)?)\s*(?:{alternatives})\b", text):
            if match.group(1) in words.per:
                continue  # Vietnamese "15 đô 1 giờ" is a rate per hour, not 1 hour worked.
            after = text[match.end() :].lstrip()
            # "15 hr" alone is a rate ("$15 an hour"); "40 hrs" or "40 hr week" is time worked.
            if match.group().endswith(("hour", "hr")) and not after.startswith(("week", "wk")):
                continue
            pieces.append(_Piece(match.start(), match.end(), unit, float(match.group(1))))
    return pieces


@cache
def _words(lang: str) -> MoneyWords:
    """The language's table, folded like the answers it reads."""
    return fold_all(for_language(MONEY_WORDS, lang))


@cache
def _vocabulary(lang: str) -> frozenset[str]:
    return unspaced_vocabulary(_words(lang))


def _phrase_pattern(phrase: str) -> str:
    """A regex for `phrase` that allows any spacing where words are split by spaces.

    Chinese and Korean phrases allow spaces between every character, since people (and
    `segment`) may space them either way: "每月" and "每 月", "2주마다" and "2 주마다".
    """
    if not _UNSPACED.search(phrase):
        return re.escape(phrase).replace(r"\ ", r"\s*")
    pattern = r"\s*".join(re.escape(c) for c in phrase if not c.isspace())
    return rf"(?<!\d){pattern}" if phrase[0].isdigit() else pattern


def _spacing_free(text: str) -> str:
    return re.sub(r"\s+", "", text)


@cache
def _period_pattern(lang: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every pay period phrase, longest first, and the period of each."""
    words = _words(lang)
    tables = (words, ENGLISH) if words != ENGLISH else (ENGLISH,)
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
    # Longest phrases first, so "every 2 weeks" wins over "week".
    longest_first = sorted(phrase_periods, key=lambda p: len(_spacing_free(p)), reverse=True)
    alternatives = "|".join(_phrase_pattern(p) for p in longest_first)
    periods = {_spacing_free(p): period for p, period in reversed(phrase_periods.items())}
    return re.compile(rf"(?<![a-z])(?:{alternatives})(?![a-z])"), periods


def _periods(text: str, lang: str) -> list[_Piece]:
    """Pay periods written in the text: "a month", "every 2 weeks", "per hr", "每月"."""
    pattern, periods = _period_pattern(lang)
    return [
        _Piece(m.start(), m.end(), "period", period=periods[_spacing_free(m.group())])
        for m in pattern.finditer(text)
    ]


@cache
def _amount_pattern(lang: str) -> re.Pattern[str]:
    words = _words(lang)
    number = f"{_LOCAL_NUMBER}|{_US_NUMBER}" if words.local_numbers else _US_NUMBER
    currency = (*_DOLLARS, *(_phrase_pattern(w) for w in words.currency))
    return re.compile(
        rf"(?<![\w.,])(?:\$\s*)?(?P<number>{number})\s*(?P<thousands>k(?![a-z]))?\s*"
        rf"(?:(?:{'|'.join(currency)})(?![a-z]))?"
    )


def _number_value(number: str, words: MoneyWords) -> float:
    """The value of "1,200.50", or of "1.200,50" where the language groups digits that way."""
    if words.local_numbers and _LOCAL_STYLE.fullmatch(number):
        return float(parse_decimal(number, locale=words.local_numbers))
    return float(number.replace(",", ""))


def _is_not_money(following: str, words: MoneyWords) -> bool:
    """True when the words after a number show it counts something else: "2 jobs", "3个孩子"."""
    next_word = following.split(maxsplit=1)[0].strip(",.;:!?") if following.strip() else ""
    if next_word in words.not_money:
        return True
    unspaced = tuple(w for w in words.not_money if _UNSPACED.search(w))
    return bool(unspaced) and following.lstrip().startswith(unspaced)


def _amounts(text: str, words: MoneyWords, lang: str) -> list[_Piece]:
    """Dollar amounts, with ranges ("1200-1500", "between 1200 and 1500") read as their middle."""
    amounts: list[_Piece] = []
    for match in _amount_pattern(lang).finditer(text):
        if not match.group("thousands") and _is_not_money(text[match.end() :], words):
            continue
        value = _number_value(match.group("number"), words)
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
    """True for answers meaning no income at all: "none", "nothing", "no income", "no", "没有"."""
    if text.strip(" .!") in set(words.zero_alone) | set(ENGLISH.zero_alone):
        return True
    phrases = sorted(set(words.zero) | set(ENGLISH.zero), key=len, reverse=True)
    alternatives = "|".join(_phrase_pattern(p) for p in phrases)
    return re.search(rf"(?<![\w$])(?:{alternatives})(?![\w.])", text) is not None
