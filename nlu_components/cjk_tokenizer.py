"""Whitespace tokens that keep Chinese and Korean words, with each Chinese character a token.

Rasa's WhitespaceTokenizer drops every token its emoji pattern matches, and that pattern's
range U+24C2-U+1F251 also covers all Chinese characters and Hangul. So "hello 你好" became
["hello"], and a message in Chinese or Korean alone fell back to one token, the whole
message, which word features only ever match verbatim. This tokenizer splits like the
whitespace tokenizer, removes only real emoji, keeps Hangul words (Korean is written with
spaces), and cuts Chinese, which is written without spaces, into characters, with letters and
digits next to them kept together (我想申请calfresh -> 我 想 申 请 calfresh), so the word
featurizer's n-grams are character n-grams shared across messages.
"""

from __future__ import annotations

from typing import Any

import regex
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message

# Punctuation that is not part of a word, as WhitespaceTokenizer removes it.
_NOT_WORD = regex.compile(
    r"[^\w#@&]+(?=\s|$)|(\s|^)[^\w#@&]+(?=[^0-9\s])|"
    r"(?<=[^0-9\s])[^\w._~:/?#\[\]()@!$&*+,;=-]+(?=[^0-9\s])"
)
_EMOJI = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200c\u200d\ufe0f]+")
# A Chinese character, or a run of anything else.
_PIECE = regex.compile(r"\p{Han}|[^\p{Han}]+")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class CjkTokenizer(WhitespaceTokenizer):
    """WhitespaceTokenizer that keeps Hangul and splits Chinese into characters."""

    @staticmethod
    def not_supported_languages() -> list[str] | None:
        """Every language: one model serves all of them."""
        return None

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> CjkTokenizer:
        """Build the tokenizer from its config."""
        return cls(config)

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        """Words without punctuation or emoji; Chinese cut into characters."""
        text = message.get(attribute)
        words = [word for word in _NOT_WORD.sub(" ", text).split() if not _EMOJI.fullmatch(word)]
        if not words:
            # Only punctuation or emoji ("?", ":)"): the whole text is the one token.
            words = [text]
        tokens = []
        for token in self._convert_words_to_tokens(words, text):
            for piece in _PIECE.finditer(token.text):
                tokens.append(Token(piece.group(), token.start + piece.start()))
        return self._apply_token_pattern(tokens)
