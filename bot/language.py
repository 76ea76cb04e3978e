"""Which language a conversation is in: detected from what the person writes, or chosen.

The first message that clearly shows a language picks it (script, a greeting, or a
confident statistical guess restricted to the supported languages, by `lingua`); a short
"hi" or "ok" is a weak hint that a later clear message overrides. A language the person
chose (LANG, "español", "中文") always wins.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal

DEFAULT = "en"
# Supported conversation languages (catalog directory names). zh is Simplified script,
# zh_Hant Traditional: the reply follows the script the person used.
SUPPORTED = ("en", "es", "zh", "zh_Hant", "vi", "tl", "ko")

Strength = Literal["strong", "weak"]

# The name of each language as people write it, in any supported language (folded).
NAMES: dict[str, tuple[str, ...]] = {
    "en": ("english", "ingles", "engles", "英语", "英文", "英語", "tieng anh", "ingles po",
           "영어", "inggles"),
    "es": ("spanish", "espanol", "castellano", "西班牙语", "西班牙語", "tieng tay ban nha",
           "kastila", "espanyol", "스페인어"),
    "zh": ("chinese", "mandarin", "中文", "汉语", "普通话", "简体", "chino", "tieng trung",
           "tieng hoa", "intsik", "중국어"),
    "zh_Hant": ("繁體", "繁體中文", "粵語", "廣東話", "cantonese", "traditional chinese", "國語"),
    "vi": ("vietnamese", "tieng viet", "vietnamita", "越南语", "越南語", "biet tieng viet",
           "베트남어", "vietnam"),
    "tl": ("tagalog", "filipino", "pilipino", "tagalo", "他加禄语", "타갈로그어"),
    "ko": ("korean", "한국어", "한국말", "coreano", "韩语", "韓語", "tieng han", "hangul"),
}
# Whole short messages that hint at a language (folded, punctuation stripped).
GREETINGS: dict[str, tuple[str, ...]] = {
    "en": ("hi", "hello", "hey", "ok", "okay", "yes", "no", "thanks", "help", "start"),
    "es": ("hola", "buenas", "buenos dias", "buenas tardes", "si", "gracias", "ayuda", "oiga"),
    "zh": ("你好", "您好", "喂", "谢谢", "帮助"),
    "zh_Hant": ("謝謝", "幫助", "您好嗎"),
    "vi": ("xin chao", "chao", "chao ban", "cam on", "alo", "vang", "da"),
    "tl": ("kumusta", "kumusta po", "musta", "kamusta", "kamusta po", "magandang araw",
           "magandang umaga", "salamat", "salamat po", "opo", "po"),
    "ko": ("안녕", "안녕하세요", "감사합니다", "네", "여보세요"),
}
# Letters only Vietnamese uses among the supported languages.
VIETNAMESE_LETTERS = re.compile(
    "[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯ]", re.IGNORECASE
)
# Vietnamese written without tones (common on old phones): words no other supported
# language uses. Two of them in a message are a clear sign.
VIETNAMESE_WITHOUT_TONES = frozenset(
    (
        "toi", "khong", "giup", "duoc", "cua", "chung", "nguoi", "muon", "thang", "nhung",
        "voi", "nhieu", "biet", "minh", "gia", "dinh", "tien", "thuc", "pham", "vo", "chong",
        "lam", "viec", "bao", "xin", "chao", "cam", "on", "roi", "chua",
    )
)
HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
HAN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")
# A statistical guess counts only for messages this long, and this sure.
MIN_LETTERS_FOR_GUESS = 10
MIN_CONFIDENCE = 0.6


def fold(text: str) -> str:
    """Lower case, no accents or tones, single spaces, no surrounding punctuation."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("đ", "d"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", unicodedata.normalize("NFC", plain)).split())


def chinese_script(text: str) -> str:
    """zh_Hant when the Han characters are written in Traditional script, else zh."""
    from opencc_purepy import OpenCC

    han = "".join(HAN.findall(text))
    to_simplified = OpenCC("t2s").convert(han)
    return "zh_Hant" if to_simplified != han and OpenCC("s2t").convert(han) == han else "zh"


@lru_cache(maxsize=1)
def _detector():  # type: ignore[no-untyped-def]
    from lingua import Language, LanguageDetectorBuilder

    languages = {
        Language.ENGLISH: "en", Language.SPANISH: "es", Language.VIETNAMESE: "vi",
        Language.TAGALOG: "tl",
    }
    return LanguageDetectorBuilder.from_languages(*languages).build(), languages


def _statistical_guess(text: str) -> str | None:
    letters = sum(c.isalpha() for c in text)
    if letters < MIN_LETTERS_FOR_GUESS or len(text.split()) < 2:
        return None
    detector, codes = _detector()
    best = detector.compute_language_confidence_values(text)[0]
    return codes[best.language] if best.value >= MIN_CONFIDENCE else None


@lru_cache(maxsize=4096)
def detect(text: str) -> tuple[str, Strength] | None:
    """The language `text` is written in, and how sure that is; None when it doesn't show."""
    if not text or text.startswith("/"):
        return None  # a button payload
    if HANGUL.search(text):
        return "ko", "strong"
    if HAN.search(text):
        return chinese_script(text), "strong"
    if VIETNAMESE_LETTERS.search(text):
        return "vi", "strong"
    folded = fold(text)
    if len(VIETNAMESE_WITHOUT_TONES.intersection(folded.split())) >= 2:
        return "vi", "strong"
    for language, words in GREETINGS.items():
        if folded in {fold(word) for word in words}:
            return language, "weak"
    guess = _statistical_guess(text)
    return (guess, "strong") if guess else None


def named_language(text: str) -> str | None:
    """The supported language a message names ("español", "中文", "in korean please")."""
    folded = fold(text)
    for language in ("zh_Hant", *(code for code in NAMES if code != "zh_Hant")):
        for name in NAMES[language]:
            if re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", folded):
                return language
    return None


def conversation_language(chosen: str | None, user_texts: Iterable[str]) -> str:
    """The chosen language, else the first clear detection in the person's messages, else
    the first hint, else English."""
    if chosen in SUPPORTED:
        return chosen
    first_hint = None
    for text in user_texts:
        found = detect(text)
        if found is None:
            continue
        language, strength = found
        if strength == "strong":
            return language
        first_hint = first_hint or language
    return first_hint or DEFAULT
