"""Ages of everyone in the household, from answers like "me 40 and my 3 kids 10, 8 and 2".

A number is an age unless it counts people ("3 kids", "2 adults"). A count is trusted only
when the ages follow it ("3 kids ages 4, 6 and 9"), or one age follows with "both"/"each"
or the people are twins ("twins, 3"), in which case the age repeats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.parsing.text import fold_all, for_language, segment, unspaced_vocabulary
from bot.parsing.words import replace_number_words

OLDEST_AGE = 120


@dataclass(frozen=True)
class AgeWords:
    """How one language talks about the people in a household and their ages."""

    people: frozenset[str]
    """Plural nouns a number can count: "3 kids", "2 adults"."""
    groups: dict[str, int]
    """Words that carry their own count: "twins" are 2."""
    same_age: frozenset[str]
    """Words that say one age holds for the whole group: "both 5"."""
    under_a_year: dict[str, int]
    """Units smaller than a year, with how many make a year: "8 months" is 0 years."""
    age_zero: frozenset[str]
    """Words that are an age on their own: "newborn"."""
    fillers: frozenset[str]
    """Words that may sit between a count and its ages: "ages", "who are", "years old"."""
    household_counts: tuple[str, ...]
    """Phrases before a number that counts the household: "family of 4"."""
    not_born_yet: frozenset[str]
    """Words just before a number that is not an age: "due in 2 months"."""
    counters: frozenset[str] = frozenset({"little", "young", "small", "more", "grown"})
    """Words that may sit between a count and the people counted: "2 little girls",
    Chinese 个 in "3个孩子", Tagalog "na" in "3 na anak"."""


ENGLISH = AgeWords(
    people=frozenset(
        {
            "kids",
            "children",
            "childs",
            "sons",
            "daughters",
            "boys",
            "girls",
            "babies",
            "adults",
            "people",
            "persons",
            "members",
            "grandkids",
            "grandchildren",
            "teens",
            "teenagers",
            "toddlers",
            "infants",
            "kiddos",
            "of",
            "ppl",
            "brothers",
            "sisters",
            "siblings",
            "parents",
            "seniors",
            "others",
            "more",
        }
    ),
    groups={"twins": 2, "triplets": 3},
    same_age=frozenset({"both", "each", "all"}),
    under_a_year={
        "month": 12,
        "months": 12,
        "mo": 12,
        "mos": 12,
        "mth": 12,
        "mths": 12,
        "mnth": 12,
        "mnths": 12,
        "week": 52,
        "weeks": 52,
        "wk": 52,
        "wks": 52,
        "day": 365,
        "days": 365,
    },
    age_zero=frozenset({"newborn", "newborns", "infant"}),
    fillers=frozenset(
        {
            "ages",
            "age",
            "aged",
            "are",
            "who",
            "is",
            "both",
            "each",
            "all",
            "and",
            "&",
            "y",
            "o",
            "yo",
            "yrs",
            "yr",
            "years",
            "year",
            "old",
            "of",
            "them",
            "they",
            "they're",
            "theyre",
            "little",
            "young",
            "small",
            "my",
            "our",
        }
    ),
    household_counts=("family of", "household of", "house of", "there are", "there's", "theres"),
    not_born_yet=frozenset({"due", "expecting"}),
)

SPANISH = AgeWords(
    people=frozenset({"hijos", "hijas", "ninos", "adultos", "personas", "nietos", "bebes"}),
    groups={"gemelos": 2, "gemelas": 2, "mellizos": 2, "mellizas": 2, "trillizos": 3},
    same_age=frozenset({"ambos", "ambas", "cada", "todos", "todas"}),
    under_a_year={"mes": 12, "meses": 12, "semana": 52, "semanas": 52, "dias": 365},
    age_zero=frozenset({"recien nacido", "recien nacida"}),
    fillers=frozenset({"de", "y", "con", "edades", "anos", "ano", "tienen", "mis", "los"}),
    household_counts=("familia de",),
    not_born_yet=frozenset({"nace", "nacera"}),
)

CHINESE = AgeWords(
    people=frozenset(
        {"孩子", "小孩", "儿子", "兒子", "女儿", "女兒", "人", "口人", "大人", "成人", "老人"}
        | {"宝宝", "寶寶", "孙子", "孫子", "孙女", "孫女"}
    ),
    groups={"双胞胎": 2, "雙胞胎": 2, "三胞胎": 3},
    same_age=frozenset({"都", "都是", "各"}),
    under_a_year={"个月": 12, "個月": 12, "月": 12, "周": 52, "週": 52, "星期": 52, "天": 365},
    age_zero=frozenset({"刚出生", "剛出生", "新生儿", "新生兒"}),
    fillers=frozenset(
        {"岁", "歲", "周岁", "週歲", "和", "跟", "还有", "還有", "分别", "分別", "是", "的"}
        | {"都", "个", "個", "半", "大", "了", "有", "他们", "他們", "她们", "她們"}
    ),
    household_counts=("家里有", "家裡有", "一家"),
    not_born_yet=frozenset({"预产期", "預產期", "还有", "還有"}),
    counters=frozenset({"个", "個", "位", "名"}),
)

VIETNAMESE = AgeWords(
    people=frozenset({"con", "đứa", "người", "cháu", "bé", "trẻ", "đứa con", "người lớn"}),
    groups={"sinh đôi": 2, "song sinh": 2, "sinh ba": 3},
    same_age=frozenset({"đều", "cùng", "mỗi"}),
    under_a_year={"tháng": 12, "tuần": 52, "ngày": 365},
    age_zero=frozenset({"mới sinh", "sơ sinh"}),
    fillers=frozenset(
        {"tuổi", "và", "với", "là", "con", "đứa", "của", "tôi", "em", "các", "những", "thì"}
        | {"đều", "lên", "gồm", "có"}
    ),
    household_counts=("gia đình", "nhà có", "nhà"),
    not_born_yet=frozenset({"sắp", "dự sinh", "nữa"}),
    counters=frozenset({"đứa", "người", "cháu", "bé"}),
)

TAGALOG = AgeWords(
    people=frozenset({"anak", "bata", "tao", "apo", "matanda", "kami", "sanggol", "baby"}),
    groups={"kambal": 2, "triplets": 3},
    same_age=frozenset({"pareho", "parehong", "bawat", "kapwa"}),
    under_a_year={"buwan": 12, "buwang": 12, "linggo": 52, "araw": 365},
    age_zero=frozenset({"bagong panganak", "kakapanganak"}),
    fillers=frozenset(
        {"na", "ng", "at", "ang", "mga", "ko", "namin", "taon", "taong", "gulang", "edad"}
        | {"ay", "sila", "si", "kong", "anak"}
    ),
    household_counts=("pamilya ng", "kami ay", "lima kami"),
    not_born_yet=frozenset({"manganganak", "kabuwanan"}),
    counters=frozenset({"na", "mga", "kong", "ko"}),
)

KOREAN = AgeWords(
    people=frozenset(
        {"명", "아이", "아이들", "애", "애들", "자녀", "아들", "딸", "사람", "식구", "어른"}
        | {"손주", "아기"}
    ),
    groups={"쌍둥이": 2, "세쌍둥이": 3},
    same_age=frozenset({"둘 다", "모두", "다", "각각"}),
    under_a_year={"개월": 12, "달": 12, "주": 52, "주일": 52, "일": 365},
    age_zero=frozenset({"신생아", "갓난아기"}),
    fillers=frozenset(
        {"살", "세", "이고", "고", "이요", "와", "과", "하고", "랑", "이랑", "그리고", "은"}
        | {"는", "이", "가", "요", "이에요", "예요", "입니다", "명", "의", "만", "각각"}
    ),
    household_counts=("식구", "가족", "우리 집"),
    not_born_yet=frozenset({"출산", "예정"}),
    counters=frozenset({"명", "의"}),
)

AGE_WORDS: dict[str, AgeWords] = {
    "en": ENGLISH,
    "es": SPANISH,
    "zh": CHINESE,
    "vi": VIETNAMESE,
    "tl": TAGALOG,
    "ko": KOREAN,
}

_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+(?:'[^\W\d_]+)?|[^\s\w]")
_FRACTION_OF_A_YEAR = re.compile(r"(\d)\s*(?:1/2|½|and a half|y medio)")


@dataclass
class _Count:
    """A number of people waiting for their ages."""

    how_many: int
    same_age: bool
    ages: list[int]


def parse_ages(text: str, lang: str = "en") -> list[int] | None:
    """Return every household member's age in whole years, or None if no ages can be read."""
    words = _merged(lang)
    clean = segment(replace_number_words(text, lang), _vocabulary(lang))
    tokens = _TOKEN.findall(_FRACTION_OF_A_YEAR.sub(r"\1", clean))
    mentioned: list[int | _Count] = []  # ages and counted groups, in the order they were said
    open_count: _Count | None = None
    i = 0
    while i < len(tokens):
        token = tokens[i]
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token in words.groups:
            open_count = _Count(words.groups[token], same_age=True, ages=[])
            mentioned.append(open_count)
        elif token in words.age_zero or f"{token} {following}" in words.age_zero:
            mentioned.append(0)
        elif token[0].isdigit():
            if _counts_people(tokens, i, words):
                open_count = _Count(int(float(token)), same_age=False, ages=[])
                mentioned.append(open_count)
            elif not words.not_born_yet & set(tokens[max(0, i - 2) : i]):
                age = _whole_years(float(token), following, words)
                if age is None:
                    return None
                if open_count is not None and len(open_count.ages) < open_count.how_many:
                    open_count.ages.append(age)
                else:
                    mentioned.append(age)
        elif token in words.same_age and open_count is not None:
            open_count.same_age = True
        elif open_count is not None and not _keeps_count_open(token, words):
            open_count = None
        i += 1
    return _household(mentioned)


@cache
def _merged(lang: str) -> AgeWords:
    """The language's words (folded), with English ones understood too (people mix them)."""
    table = fold_all(for_language(AGE_WORDS, lang))
    if table == ENGLISH:
        return table
    return AgeWords(
        people=table.people | ENGLISH.people,
        groups={**ENGLISH.groups, **table.groups},
        same_age=table.same_age | ENGLISH.same_age,
        under_a_year={**ENGLISH.under_a_year, **table.under_a_year},
        age_zero=table.age_zero | ENGLISH.age_zero,
        fillers=table.fillers | ENGLISH.fillers,
        household_counts=table.household_counts + ENGLISH.household_counts,
        not_born_yet=table.not_born_yet | ENGLISH.not_born_yet,
        counters=table.counters | ENGLISH.counters,
    )


@cache
def _vocabulary(lang: str) -> frozenset[str]:
    return unspaced_vocabulary(_merged(lang))


def _counts_people(tokens: list[str], i: int, words: AgeWords) -> bool:
    """True when tokens[i] counts people: "3 kids", "2 little girls", "family of 4"."""
    before = " ".join(tokens[max(0, i - 2) : i])
    if any(before.endswith(phrase) for phrase in words.household_counts):
        return True
    for following in tokens[i + 1 : i + 3]:
        if following in words.people:
            return following != "of" or tokens[i + 2 : i + 3] in (["us"], ["them"])
        if following not in words.counters:
            return False
    return False


def _whole_years(number: float, unit: str, words: AgeWords) -> int | None:
    """The age in whole years of "8" followed by `unit` ("months"), or None if implausible."""
    per_year = words.under_a_year.get(unit)
    years = int(number // per_year) if per_year else int(number)
    return years if 0 <= years <= OLDEST_AGE else None


def _keeps_count_open(token: str, words: AgeWords) -> bool:
    """True for words and punctuation that may sit between a count and its ages."""
    return (
        token in words.fillers
        or token in words.people
        or token in words.under_a_year
        or not token[0].isalnum()
    )


def _household(mentioned: list[int | _Count]) -> list[int] | None:
    """Put ages and counted groups together, or None when the counts lack their ages."""
    ages: list[int] = []
    unaged = 0
    for item in mentioned:
        if isinstance(item, int):
            ages.append(item)
        elif len(item.ages) == item.how_many:
            ages.extend(item.ages)
        elif len(item.ages) == 1 and item.same_age:
            ages.extend(item.ages * item.how_many)
        elif not item.ages:
            unaged += item.how_many
        else:
            return None
    # "I have 2 kids. I'm 30, they're 5 and 7": ages given apart from their count still add up.
    if unaged and len(ages) < unaged:
        return None
    return ages or None
