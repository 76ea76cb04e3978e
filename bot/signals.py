"""Signals from the conversation to the channels (custom messages, never shown to a person)."""

# The person asked to erase their answers: the channel deletes the stored conversation.
ERASE_SIGNAL = {"anydoor": "conversation_erased"}
