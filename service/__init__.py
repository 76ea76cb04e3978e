"""The AnyDoor service: one Sanic app with the actions, the NLG endpoint and (later) /staff."""
