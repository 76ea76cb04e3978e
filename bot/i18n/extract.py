"""Babel extractor for bot/i18n/messages.yml (registered in babel.cfg)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

import yaml

TRANSLATABLE_FIELDS = ("text", "retry")


def extract_messages_yaml(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict[str, Any]
) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    """Yield one pgettext message per translatable field, with the message id as context."""
    node = yaml.compose(fileobj.read().decode("utf-8"))
    if node is None:
        return
    for key_node, value_node in node.value:
        message_id = key_node.value
        for field_key, field_value in value_node.value:
            if field_key.value not in TRANSLATABLE_FIELDS:
                continue
            context = message_id if field_key.value == "text" else f"{message_id}.{field_key.value}"
            text = yaml.safe_load(yaml.serialize(field_value)).strip()
            yield field_value.start_mark.line + 1, "pgettext", (context, text), []
