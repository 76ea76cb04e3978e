"""Answers that are not answers: "I don't know" and "skip". Both are fine to give."""

from __future__ import annotations

import re
from functools import cache

from bot.parsing.text import fold, fold_all, for_language, segment, unspaced_vocabulary

# Phrases are matched as whole words anywhere in the (folded) answer.
DONT_KNOW_PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        "i don't know",
        "i dont know",
        "i do not know",
        "don't know",
        "dont know",
        "do not know",
        "dunno",
        "idk",
        "idek",
        "not sure",
        "no idea",
        "unsure",
        "no clue",
        "not certain",
        "who knows",
        "can't remember",
        "cant remember",
        "don't remember",
        "dont remember",
        "not positive",
        "i don't kno",
        "dont kno",
        "i forget",
        "idunno",
    ),
    "es": (
        "no sé",
        "no lo sé",
        "ni idea",
        "no estoy seguro",
        "no estoy segura",
        "quién sabe",
        "no me acuerdo",
        "no tengo idea",
        "no sabría decir",
    ),
    "zh": (
        "不知道",
        "不晓得",
        "不曉得",
        "不清楚",
        "不太清楚",
        "不确定",
        "不確定",
        "说不准",
        "說不準",
        "不记得",
        "不記得",
        "不懂",
    ),
    "vi": (
        "không biết",
        "ko biết",
        "k biết",
        "hổng biết",
        "chưa biết",
        "không rõ",
        "ko rõ",
        "không chắc",
        "ko chắc",
        "không nhớ",
    ),
    "tl": (
        "hindi ko alam",
        "di ko alam",
        "hindi ko po alam",
        "ewan",
        "ewan ko",
        "aywan",
        "hindi ako sigurado",
        "di ako sigurado",
        "hindi sigurado",
        "di ko sure",
        "hindi ko maalala",
    ),
    "ko": (
        "모르겠",
        "모르겠어요",
        "모르겠습니다",
        "몰라",
        "몰라요",
        "모름",
        "모릅니다",
        "잘 모르",
        "확실하지 않",
        "기억이 안",
    ),
}

# The whole answer must be one of these (after dropping "please" and the like).
SKIP_ANSWERS: dict[str, tuple[str, ...]] = {
    "en": (
        "skip",
        "pass",
        "next",
        "n/a",
        "n.a",
        "n.a.",
        "not applicable",
        "rather not say",
        "i'd rather not say",
        "id rather not say",
        "i would rather not say",
        "rather not",
        "i'd rather not",
        "id rather not",
        "prefer not to say",
        "i prefer not to say",
        "prefer not to answer",
        "i prefer not to answer",
        "i'd prefer not to say",
        "no comment",
        "skip it",
        "skip this",
        "skip this one",
        "skip this question",
        "skip question",
        "next question",
        "pass on this",
        "pass on this one",
    ),
    "es": (
        "saltar",
        "sáltalo",
        "saltar pregunta",
        "siguiente",
        "siguiente pregunta",
        "paso",
        "omitir",
        "prefiero no decir",
        "prefiero no decirlo",
        "prefiero no contestar",
    ),
    "zh": (
        "跳过",
        "跳過",
        "略过",
        "略過",
        "下一个",
        "下一個",
        "下一题",
        "下一題",
        "不想说",
        "不想說",
        "不想回答",
        "过",
        "過",
    ),
    "vi": (
        "bỏ qua",
        "bo qua",
        "qua",
        "tiếp",
        "câu tiếp",
        "câu khác",
        "không muốn nói",
        "ko muốn nói",
        "không muốn trả lời",
    ),
    "tl": (
        "laktawan",
        "lampasan",
        "susunod",
        "sunod",
        "ayokong sabihin",
        "ayaw kong sabihin",
        "ayokong sumagot",
        "huwag na lang",
        "wag na lang",
    ),
    "ko": (
        "건너뛰기",
        "건너뛰어",
        "건너뛸게요",
        "건너뛸래요",
        "넘어가기",
        "넘어가",
        "넘어갈게요",
        "넘어가요",
        "다음",
        "다음 질문",
        "패스",
        "말하고 싶지 않아요",
        "대답하고 싶지 않아요",
    ),
}

# Courtesies dropped before an answer is compared with SKIP_ANSWERS ("skip please", "跳过吧").
POLITE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("please", "pls", "plz", "thanks", "thank you", "thx"),
    "es": ("por favor", "gracias"),
    "zh": ("请", "請", "吧", "谢谢", "謝謝", "麻烦", "麻煩"),
    "vi": ("ạ", "nhé", "nha", "dạ", "cảm ơn", "làm ơn", "giùm", "giúp"),
    "tl": ("po", "salamat", "paki"),
    "ko": ("주세요", "해주세요", "할게요", "감사합니다", "요"),
}

_PUNCTUATION_AROUND = re.compile(r"^[\s.!,]+|[\s.!,]+$")


@cache
def _dont_know_pattern(lang: str) -> re.Pattern[str]:
    phrases = {fold(p) for p in (*DONT_KNOW_PHRASES["en"], *for_language(DONT_KNOW_PHRASES, lang))}
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


@cache
def _dont_know_vocabulary(lang: str) -> frozenset[str]:
    return unspaced_vocabulary(fold_all(for_language(DONT_KNOW_PHRASES, lang)))


@cache
def _skip_answers(lang: str) -> frozenset[str]:
    return frozenset(fold(a) for a in (*SKIP_ANSWERS["en"], *for_language(SKIP_ANSWERS, lang)))


@cache
def _polite_pattern(lang: str) -> re.Pattern[str]:
    words = {fold(w) for w in (*POLITE_WORDS["en"], *for_language(POLITE_WORDS, lang))}
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


@cache
def _skip_vocabulary(lang: str) -> frozenset[str]:
    words = (*for_language(SKIP_ANSWERS, lang), *for_language(POLITE_WORDS, lang))
    return unspaced_vocabulary(fold_all(words))


def is_dont_know(text: str, lang: str = "en") -> bool:
    """True when the person says they don't know ("idk", "not sure", "?", "不知道")."""
    folded = fold(text)
    if folded and set(folded) <= set("?¿ "):
        return True
    words = segment(folded, _dont_know_vocabulary(lang))
    return bool(_dont_know_pattern(lang).search(words))


def is_skip(text: str, lang: str = "en") -> bool:
    """True when the person wants to skip the question ("skip", "rather not say", "跳过")."""
    if fold(text) in _skip_answers(lang):
        return True
    words = segment(fold(text), _skip_vocabulary(lang))
    answer = _PUNCTUATION_AROUND.sub("", _polite_pattern(lang).sub(" ", words))
    return " ".join(answer.split()) in _skip_answers(lang)
