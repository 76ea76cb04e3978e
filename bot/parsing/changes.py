"""What a "what if" message says would change: "what if I earn 500 more a month", "what if my
mom, 70, moves in", "y si tengo un bebé".

A change has a kind (more or less income, someone moves in, someone moves out, a baby, getting
married) and, when the message says them, the numbers it needs: an amount of money per month
(the new total, or how much more or less) or the age of the person. Whatever the message leaves
out is asked next (`bot.what_if`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.parsing.ages import parse_ages
from bot.parsing.money import parse_money_per_month
from bot.parsing.text import fold, fold_all, for_language

INCOME = "income"
MOVES_IN = "moves_in"
MOVES_OUT = "moves_out"
BABY = "baby"
MARRIED = "married"
# In the order the kinds are looked for: "se va a vivir con nosotros" moves in before "se va"
# could read as moving out, and a new job is only an income change if nothing else was said.
KINDS = (MARRIED, BABY, MOVES_IN, MOVES_OUT, INCOME)
PEOPLE_KINDS = (MOVES_IN, MOVES_OUT, MARRIED)
# A button payload names the kind: /what_if{"what_if_change": "income"}.
_PAYLOAD = re.compile(r'"what_if_change"\s*:\s*"(\w+)"')
# "$16" not followed by a pay period: maybe an hourly rate, when hours worked are said.
_DOLLAR_AMOUNT = re.compile(
    r"\$\s*\d+(?:\.\d+)?(?![\d.,])(?!\s*(?:/|an?\b|per\b|la\b|al\b|kada\b))"
)
# Above this, "$X" is not an hourly rate.
MAX_HOURLY_RATE = 100


@dataclass(frozen=True)
class ChangeWords:
    """How one language says each kind of change, and which way income moves."""

    kinds: dict[str, tuple[str, ...]]
    """Phrases that name a kind of change: "moves in", "se casa", "搬来"."""
    more: tuple[str, ...]
    """Income goes up by the amount said: "500 more", "a raise", "a second job"."""
    less: tuple[str, ...]
    """Income goes down by the amount said: "500 less", "my hours go down"."""
    work: tuple[str, ...]
    """The money is pay from work: "job", "hours", "sueldo"."""
    per_hour: str | None = None
    """Written after a dollar amount to make it an hourly rate: "20 hours a week at $16"."""


ENGLISH = ChangeWords(
    kinds={
        MARRIED: ("married", "marry", "marriage", "wedding"),
        BABY: (
            "baby",
            "pregnant",
            "newborn",
            "another kid",
            "another child",
            "have a kid",
            "have a child",
        ),
        MOVES_IN: (
            "moves in",
            "move in",
            "moving in",
            "moved in",
            "comes to live",
            "come to live",
            "live with us",
            "lives with us",
            "living with us",
            "joins us",
            "join us",
            "moves back in",
            "move back in",
            "stay with us",
        ),
        MOVES_OUT: (
            "moves out",
            "move out",
            "moving out",
            "moved out",
            "moves away",
            "move away",
            "leaves",
            "leave home",
            "goes away",
            "goes to college",
        ),
        INCOME: (
            "earn",
            "make",
            "raise",
            "income",
            "job",
            "work",
            "working",
            "hours",
            "paid",
            "pay",
            "salary",
            "wage",
            "money",
            "ssi",
            "unemployment",
            "hired",
            "full time",
            "part time",
            "overtime",
        ),
    },
    more=(
        "more",
        "extra",
        "raise",
        "another",
        "second",
        "additional",
        "increase",
        "start",
        "new job",
        "get a job",
        "got a job",
        "find a job",
        "hired",
        "overtime",
    ),
    less=(
        "less",
        "fewer",
        "go down",
        "goes down",
        "cut",
        "lose",
        "lost",
        "reduce",
        "drop",
        "lower",
    ),
    work=(
        "work",
        "working",
        "job",
        "hours",
        "raise",
        "earn",
        "paid",
        "pay",
        "salary",
        "wage",
        "hired",
        "full time",
        "part time",
        "overtime",
    ),
    per_hour="an hour",
)

SPANISH = ChangeWords(
    kinds={
        MARRIED: ("casar", "caso", "casamos", "casarme", "casarnos", "matrimonio", "boda"),
        BABY: ("bebe", "embarazada", "otro hijo", "otra hija", "otro nino", "nace"),
        MOVES_IN: (
            "viene a vivir",
            "se viene",
            "se muda con",
            "se mude con",
            "vive con nosotros",
            "viva con nosotros",
            "a vivir con",
            "llega a vivir",
            "se muda aqui",
            "se muda a la casa",
        ),
        MOVES_OUT: (
            "se va",
            "se vaya",
            "se muda de",
            "se muda fuera",
            "sale de la casa",
            "deja la casa",
            "se independiza",
        ),
        INCOME: (
            "gano",
            "ganar",
            "gane",
            "sueldo",
            "salario",
            "aumento",
            "trabajo",
            "trabajar",
            "trabajando",
            "horas",
            "ingreso",
            "ingresos",
            "dinero",
            "pagan",
            "empleo",
            "ssi",
            "desempleo",
            "tiempo completo",
            "medio tiempo",
        ),
    },
    more=(
        "mas",
        "extra",
        "aumento",
        "suben",
        "otro trabajo",
        "segundo",
        "empiezo",
        "empezar",
        "consigo",
        "conseguir",
        "nuevo",
    ),
    less=("menos", "bajan", "baja", "pierdo", "perder", "reducen", "recortan"),
    work=(
        "trabajo",
        "trabajar",
        "trabajando",
        "horas",
        "sueldo",
        "salario",
        "aumento",
        "gano",
        "ganar",
        "pagan",
        "empleo",
        "tiempo completo",
        "medio tiempo",
    ),
    per_hour="la hora",
)

CHINESE = ChangeWords(
    kinds={
        MARRIED: ("结婚", "結婚", "嫁", "娶"),
        BABY: (
            "宝宝",
            "寶寶",
            "婴儿",
            "嬰兒",
            "生孩子",
            "生小孩",
            "生bb",
            "怀孕",
            "懷孕",
            "再生",
            "生了",
            "bb",
        ),
        MOVES_IN: (
            "搬来",
            "搬來",
            "搬进",
            "搬進",
            "来住",
            "來住",
            "同住",
            "一起住",
            "住进来",
            "住進來",
            "搬过来",
            "搬過來",
        ),
        MOVES_OUT: ("搬走", "搬出", "离开", "離開", "搬离", "搬離"),
        INCOME: (
            "工作",
            "赚",
            "賺",
            "收入",
            "加薪",
            "人工",
            "工资",
            "工資",
            "薪水",
            "工时",
            "工時",
            "小时",
            "小時",
            "失业",
            "失業",
            "搵到工",
            "上班",
            "全职",
            "全職",
            "兼职",
            "兼職",
            "做工",
            "份工",
            "ssi",
        ),
    },
    more=("多", "加", "增加", "涨", "漲", "第二份", "开始", "開始", "找到", "搵到"),
    less=("少", "减", "減", "降", "失业", "失業", "没了", "冇咗"),
    work=(
        "工作",
        "加薪",
        "人工",
        "工资",
        "工資",
        "薪水",
        "工时",
        "工時",
        "小时",
        "小時",
        "上班",
        "全职",
        "全職",
        "兼职",
        "兼職",
        "做工",
        "份工",
        "搵到工",
    ),
    per_hour="每小时",
)

VIETNAMESE = ChangeWords(
    kinds={
        MARRIED: ("lấy chồng", "lấy vợ", "kết hôn", "cưới"),
        BABY: ("em bé", "sinh con", "có bầu", "mang thai", "thêm con", "có con"),
        MOVES_IN: (
            "về ở chung",
            "dọn về",
            "ở chung",
            "dọn đến",
            "dọn vào",
            "về sống chung",
            "sống chung",
            "dọn tới",
        ),
        MOVES_OUT: ("dọn ra", "dọn đi", "ở riêng", "rời nhà", "chuyển đi", "ra riêng"),
        INCOME: ("làm", "lương", "thu nhập", "kiếm", "việc", "giờ", "tiền", "ssi"),
    },
    more=("thêm", "tăng", "nhiều hơn", "bắt đầu", "có việc", "đi làm", "thứ hai"),
    less=("giảm", "ít lại", "ít hơn", "mất việc", "bớt", "nghỉ việc"),
    work=("làm", "lương", "việc", "giờ"),
    per_hour="một giờ",
)

TAGALOG = ChangeWords(
    kinds={
        MARRIED: ("mag asawa", "magpakasal", "ikasal", "kasal"),
        BABY: ("manganak", "baby", "sanggol", "buntis", "magkaanak", "magka anak", "magkababy"),
        MOVES_IN: (
            "tumira dito",
            "titira dito",
            "lumipat dito",
            "tumira sa amin",
            "titira sa amin",
            "sumama sa amin",
            "makitira",
            "lilipat dito",
        ),
        MOVES_OUT: ("umalis", "aalis", "bumukod", "lumipat palabas", "lumayas"),
        INCOME: (
            "trabaho",
            "magtrabaho",
            "magkatrabaho",
            "sweldo",
            "sahod",
            "kita",
            "income",
            "oras",
            "raise",
            "work",
            "full time",
            "part time",
            "ssi",
        ),
    },
    more=(
        "dagdag",
        "tumaas",
        "mas malaki",
        "karagdagan",
        "second",
        "raise",
        "magtrabaho",
        "magkatrabaho",
        "magka work",
        "bagong trabaho",
    ),
    less=("bumaba", "mas konti", "mas kaunti", "kaunti", "mawalan", "nabawasan", "bawas"),
    work=(
        "trabaho",
        "magtrabaho",
        "magkatrabaho",
        "sweldo",
        "sahod",
        "oras",
        "raise",
        "work",
        "full time",
        "part time",
    ),
    per_hour="kada oras",
)

KOREAN = ChangeWords(
    kinds={
        MARRIED: ("결혼",),
        BABY: ("아기", "애기", "출산", "임신", "낳", "애가 하나 더", "아이가 하나 더"),
        MOVES_IN: ("같이 살", "들어와 살", "이사 오", "이사 와", "이사 들어", "들어오", "들어와"),
        MOVES_OUT: ("나가", "나간", "이사 나", "독립", "떠나"),
        INCOME: (
            "일",
            "월급",
            "수입",
            "벌",
            "취직",
            "취업",
            "직장",
            "시간",
            "급여",
            "투잡",
            "연봉",
            "풀타임",
            "파트타임",
            "이직",
            "ssi",
        ),
    },
    more=("더", "오르", "올라", "인상", "투잡", "늘", "시작", "취직", "취업", "구하"),
    less=("덜", "줄", "잃", "깎", "감소", "내려"),
    work=(
        "일",
        "월급",
        "취직",
        "취업",
        "직장",
        "시간",
        "급여",
        "투잡",
        "연봉",
        "풀타임",
        "파트타임",
    ),
)

CHANGE_WORDS: dict[str, ChangeWords] = {
    "en": ENGLISH,
    "es": SPANISH,
    "zh": CHINESE,
    "vi": VIETNAMESE,
    "tl": TAGALOG,
    "ko": KOREAN,
}


@dataclass(frozen=True)
class Change:
    """What a what-if message says: the kind of change and the numbers it gave, if any."""

    kind: str | None
    income: float | None = None
    """The home's new monthly income, when the message says it ("what if I make 3000")."""
    income_change: float | None = None
    """How much more (+) or less (-) a month, when the message says that ("500 more")."""
    age: int | None = None
    """The age of the person moving in or out, or of the spouse."""
    earned: bool = False
    """The money is pay from work."""


def parse_change(text: str, lang: str = "en") -> Change:
    """Read the kind of change and any amount or age in `text` (a what-if message or a button)."""
    payload = _PAYLOAD.search(text or "")
    if payload:
        kind = payload.group(1)
        return Change(kind if kind in KINDS else None)
    clean = _cleaned(text)
    tables = _tables(lang)
    kind = next((kind for kind in KINDS if any(_says(clean, t.kinds[kind]) for t in tables)), None)
    if kind is None and parse_money_per_month(text, lang):
        kind = INCOME  # "what if I get $50 more a month"
    if kind == INCOME:
        return _income_change(text, clean, lang, tables)
    if kind in PEOPLE_KINDS:
        ages = parse_ages(text, lang)
        return Change(kind, age=ages[0] if ages and len(ages) == 1 else None)
    return Change(kind)


def _income_change(text: str, clean: str, lang: str, tables: tuple[ChangeWords, ...]) -> Change:
    """More or less income: the amount is a change when "more" or "less" is said, else the total."""
    earned = any(_says(clean, t.work) for t in tables)
    amount = _monthly_pay(text, lang, tables[0])
    if amount is None:
        return Change(INCOME, earned=earned)
    if any(_says(clean, t.less) for t in tables):
        return Change(INCOME, income_change=-amount, earned=earned)
    if any(_says(clean, t.more) for t in tables):
        return Change(INCOME, income_change=amount, earned=earned)
    return Change(INCOME, income=amount, earned=earned)


def _monthly_pay(text: str, lang: str, words: ChangeWords) -> float | None:
    """Money per month; "20 hours a week at $16" reads $16 as the hourly rate."""
    amount = parse_money_per_month(text, lang)
    if words.per_hour and amount is not None and amount < MAX_HOURLY_RATE:
        as_rate = parse_money_per_month(
            _DOLLAR_AMOUNT.sub(rf"\g<0> {words.per_hour}", text, count=1), lang
        )
        if as_rate is not None and as_rate > amount:
            return as_rate
    return amount


@cache
def _tables(lang: str) -> tuple[ChangeWords, ...]:
    """The language's words (folded), then English ones, which people mix in."""
    table = fold_all(for_language(CHANGE_WORDS, lang))
    english = fold_all(ENGLISH)
    return (table,) if table == english else (table, english)


def _cleaned(text: str) -> str:
    """Folded, with hyphens as spaces ("mag-asawa")."""
    return fold(text or "").replace("-", " ")


def _says(text: str, phrases: tuple[str, ...]) -> bool:
    """True when one of `phrases` is in `text`: as whole words where words have spaces."""
    return any(_pattern(phrase).search(text) for phrase in phrases)


@cache
def _pattern(phrase: str) -> re.Pattern[str]:
    if re.search(r"[a-z0-9]", phrase) and phrase.isascii():
        return re.compile(rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])")
    # Chinese and Korean words touch the next word, and may be spaced either way.
    return re.compile(r"\s*".join(re.escape(c) for c in phrase if not c.isspace()))
