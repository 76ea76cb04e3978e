"""rasa-sdk actions: thin adapters between Rasa's tracker and the domain core in `bot/`."""
