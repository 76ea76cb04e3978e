"""AnyDoor's domain core: eligibility rules, answer parsing, messages.

It knows nothing of Rasa or Sanic.
"""
