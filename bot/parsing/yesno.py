"""Yes or no, as people type it: "yep", "no one", "i am", "/affirm", "sí"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.parsing.nonanswers import is_dont_know
from bot.parsing.text import fold, fold_all, for_language, segment, unspaced_vocabulary


@dataclass(frozen=True)
class YesNoWords:
    """How one language says yes and no."""

    yes_openers: tuple[str, ...]
    """An answer that starts with one of these means yes ("yes she is", "sure")."""
    no_openers: tuple[str, ...]
    """An answer that starts with one of these means no ("no i'm not", "nobody")."""
    subjects: frozenset[str]
    """Who a short answer like "she is" can be about."""
    verbs: frozenset[str]
    """The verbs of a short answer like "i am" or "we do"."""
    negations: frozenset[str]
    """Words that turn a short answer into no ("i am not")."""
    undo_yes: frozenset[str] = frozenset()
    """Words that, later in an answer that opens with yes, make it unclear ("yeah no")."""
    softeners: frozenset[str] = frozenset()
    """Polite words that may open any answer and are skipped (Vietnamese "dạ không" is no)."""


ENGLISH = YesNoWords(
    yes_openers=(
        "yes",
        "y",
        "yeah",
        "yea",
        "yeh",
        "yah",
        "ya",
        "yep",
        "yup",
        "yas",
        "ye",
        "yess",
        "sure",
        "correct",
        "right",
        "true",
        "affirmative",
        "absolutely",
        "definitely",
        "certainly",
        "of course",
        "ofc",
        "uh huh",
        "uh-huh",
        "i think so",
        "indeed",
        "yes ma'am",
        "si",
        "👍",
        "✅",
    ),
    no_openers=(
        "no",
        "n",
        "nope",
        "nah",
        "naw",
        "na",
        "nop",
        "not",
        "nobody",
        "no one",
        "noone",
        "none",
        "nothing",
        "neither",
        "never",
        "negative",
        "false",
        "nuh uh",
        "nuh-uh",
        "i don't think so",
        "i dont think so",
        "👎",
        "❌",
    ),
    subjects=frozenset(
        {
            "i",
            "i'm",
            "im",
            "we",
            "we're",
            "she",
            "she's",
            "he",
            "he's",
            "they",
            "they're",
            "my",
            "wife",
            "husband",
            "partner",
            "son",
            "daughter",
            "me",
            "us",
            "both",
            "one",
            "someone",
            "somebody",
            "mom",
            "dad",
            "kid",
            "child",
            "girlfriend",
            "boyfriend",
        }
    ),
    verbs=frozenset({"am", "is", "are", "do", "does", "have", "has", "will", "can", "did", "was"}),
    negations=frozenset(
        {
            "not",
            "no",
            "never",
            "isn't",
            "isnt",
            "aren't",
            "arent",
            "don't",
            "dont",
            "doesn't",
            "doesnt",
            "haven't",
            "havent",
            "hasn't",
            "hasnt",
            "won't",
            "wont",
            "didn't",
            "didnt",
            "ain't",
            "aint",
            "wasn't",
            "wasnt",
            "can't",
            "cant",
        }
    ),
    undo_yes=frozenset({"no", "nope", "nah"}),
)

SPANISH = YesNoWords(
    yes_openers=(
        "sí",
        "sip",
        "claro",
        "correcto",
        "así es",
        "por supuesto",
        "efectivamente",
        "afirmativo",
        "ajá",
        "cierto",
    ),
    no_openers=("no", "nop", "nadie", "ninguno", "ninguna", "nunca", "para nada", "negativo"),
    subjects=frozenset({"yo", "ella", "él", "mi", "esposa", "esposo", "hija", "hijo"}),
    verbs=frozenset({"soy", "es", "está", "estoy", "tengo", "tiene"}),
    negations=frozenset({"no", "nunca"}),
    undo_yes=frozenset({"no"}),
)

CHINESE = YesNoWords(
    yes_openers=(
        "是",
        "是的",
        "对",
        "對",
        "对的",
        "對的",
        "有",
        "有的",
        "嗯",
        "好",
        "好的",
        "没错",
        "沒錯",
        "当然",
        "當然",
    ),
    no_openers=(
        "不",
        "不是",
        "没有",
        "沒有",
        "没",
        "沒",
        "无",
        "無",
        "不对",
        "不對",
        "没人",
        "沒人",
        "没有人",
        "沒有人",
        "都没有",
        "都沒有",
        "否",
    ),
    subjects=frozenset(
        {"我", "我们", "我們", "她", "他", "老婆", "太太", "妻子", "老公", "丈夫", "女儿", "女兒"}
        | {"儿子", "兒子", "孩子", "家里", "家裡", "家人"}
    ),
    verbs=frozenset({"是", "有", "怀孕", "懷孕", "怀孕了", "懷孕了"}),
    negations=frozenset({"不", "没", "沒", "没有", "沒有", "不是"}),
    undo_yes=frozenset({"不", "没", "沒", "没有", "沒有", "不是"}),
)

VIETNAMESE = YesNoWords(
    yes_openers=(
        "có",
        "có ạ",
        "có chứ",
        "đúng",
        "đúng rồi",
        "vâng",
        "ừ",
        "ừm",
        "phải",
        "dạ",
        "dạ vâng",
    ),
    no_openers=(
        "không",
        "ko",
        "k",
        "hông",
        "hổng",
        "không có",
        "chưa",
        "không ai",
        "chẳng",
        "chẳng có",
        "đâu có",
    ),
    subjects=frozenset({"tôi", "em", "vợ", "chồng", "con", "mình", "gái", "trai", "nhà"}),
    verbs=frozenset({"có", "đang", "là", "bị"}),
    negations=frozenset({"không", "ko", "chưa", "chẳng"}),
    undo_yes=frozenset({"không", "ko", "chưa", "chẳng"}),
    softeners=frozenset({"dạ", "thưa", "à", "ờ", "ạ"}),
)

TAGALOG = YesNoWords(
    yes_openers=(
        "oo",
        "opo",
        "oho",
        "meron",
        "mayroon",
        "mayron",
        "oo naman",
        "syempre",
        "siyempre",
        "tama",
        "totoo",
        "oum",
    ),
    no_openers=(
        "hindi",
        "hinde",
        "di",
        "wala",
        "walang",
        "wala naman",
        "hindi naman",
        "ayaw",
        "hinding hindi",
    ),
    subjects=frozenset({"ako", "siya", "kami", "asawa", "anak", "misis", "mister", "ate"}),
    verbs=frozenset({"buntis", "meron", "mayroon", "may", "oo"}),
    negations=frozenset({"hindi", "di", "wala"}),
    undo_yes=frozenset({"hindi", "wala", "di"}),
    softeners=frozenset({"ah", "eh", "ay", "uhm"}),
)

KOREAN = YesNoWords(
    yes_openers=(
        "네",
        "예",
        "응",
        "넵",
        "넹",
        "그래요",
        "그래",
        "맞아요",
        "맞아",
        "맞습니다",
        "있어요",
        "있어",
        "있습니다",
        "있음",
        "ㅇㅇ",
        "물론",
        "물론이죠",
    ),
    no_openers=(
        "아니요",
        "아니오",
        "아뇨",
        "아니",
        "아니에요",
        "아닙니다",
        "없어요",
        "없어",
        "없습니다",
        "없음",
        "없다",
        "ㄴㄴ",
        "아무도",
    ),
    subjects=frozenset({"저", "제", "나", "내", "아내", "남편", "와이프", "딸", "아들", "아이"}),
    verbs=frozenset({"있어요", "있습니다", "임신", "임신했어요", "임신중이에요", "해요"}),
    negations=frozenset({"안", "아니", "아니요", "없어요", "없어", "않아요", "못"}),
    undo_yes=frozenset({"아니요", "아니", "없어요", "없어", "없습니다", "없음"}),
)

YES_NO_WORDS: dict[str, YesNoWords] = {
    "en": ENGLISH,
    "es": SPANISH,
    "zh": CHINESE,
    "vi": VIETNAMESE,
    "tl": TAGALOG,
    "ko": KOREAN,
}

# Intents sent by quick-reply buttons.
_BUTTON_PAYLOADS = {"/affirm": True, "/deny": False}
_WORD = re.compile(r"[^\s.,!?;:()\"]+")
_LONGEST_SHORT_ANSWER = 4


def parse_yes_no(text: str, lang: str = "en") -> bool | None:
    """Return True for yes, False for no, None when the answer is neither or unclear."""
    stripped = text.strip().lower()
    if stripped in _BUTTON_PAYLOADS:
        return _BUTTON_PAYLOADS[stripped]
    if is_dont_know(text, lang):
        return None
    tables = _tables(lang)
    words = _without_softeners(
        [_squeeze(w) for w in _WORD.findall(segment(fold(text), _vocabulary(lang)))], tables
    )
    if not words:
        return None
    opens_yes = any(_opens_with(words, t.yes_openers) for t in tables)
    opens_no = any(_opens_with(words, t.no_openers) for t in tables)
    if opens_yes and not opens_no:
        # "yes... no" or "yeah no" is too mixed to read.
        return None if any(w in t.undo_yes for t in tables for w in words[1:]) else True
    if opens_no and not opens_yes:
        return False
    if len(words) <= _LONGEST_SHORT_ANSWER and not opens_yes:
        return _short_answer(words, tables)
    return None


@cache
def _tables(lang: str) -> tuple[YesNoWords, ...]:
    """The language's table (folded) and English, which people mix in everywhere."""
    table = fold_all(for_language(YES_NO_WORDS, lang))
    return (table, ENGLISH) if table != ENGLISH else (ENGLISH,)


@cache
def _vocabulary(lang: str) -> frozenset[str]:
    return unspaced_vocabulary(_tables(lang)[0])


def _without_softeners(words: list[str], tables: tuple[YesNoWords, ...]) -> list[str]:
    """Drop polite openers ("dạ không" -> "không"), unless nothing else was said ("dạ")."""
    softeners = set().union(*(t.softeners for t in tables))
    start = 0
    while start < len(words) and words[start] in softeners:
        start += 1
    return words[start:] or words


def _squeeze(word: str) -> str:
    """Undo stretched typing: "yesss" -> "yes", "noooo" -> "no", "nopeee" -> "nope"."""
    return re.sub(r"(.)\1{2,}", r"\1", word) if len(word) > 3 else word


def _opens_with(words: list[str], openers: tuple[str, ...]) -> bool:
    """True when the answer starts with one of the (possibly multi-word) `openers`."""
    for opener in openers:
        opener_words = opener.split()
        if words[: len(opener_words)] == opener_words:
            return True
        if len(opener_words) == 1 and _squeeze_all(words[0]) == opener:
            return True
    return False


def _squeeze_all(word: str) -> str:
    """Collapse every doubled letter ("yess" -> "yes", "noo" -> "no")."""
    return re.sub(r"(.)\1+", r"\1", word)


def _short_answer(words: list[str], tables: tuple[YesNoWords, ...]) -> bool | None:
    """Read "i am", "she is", "we do" as yes and "i am not", "she isn't" as no."""
    has_subject = any(w in t.subjects for t in tables for w in words)
    has_verb = any(w in t.verbs for t in tables for w in words)
    negated = any(w in t.negations or w.endswith("n't") for t in tables for w in words)
    if has_subject and negated:
        return False
    if has_subject and (has_verb or words[0] in ("i'm", "im", "she's", "he's", "we're")):
        return True
    return None
