"""AnyDoor's domain core: eligibility rules, answer parsing, messages. Knows nothing of Rasa or Sanic."""
