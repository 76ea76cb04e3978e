"""A terminal chat with the running stack through its REST webhook (`make shell`)."""

from __future__ import annotations

import argparse
import json
import os
import urllib.request
import uuid


def send(url: str, sender: str, message: str) -> list[dict[str, object]]:
    """Send one message and return the bot's replies."""
    request = urllib.request.Request(
        f"{url}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": message}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def main() -> None:
    """Read lines, print replies; a digit picks a numbered button."""
    parser = argparse.ArgumentParser(description=__doc__)
    port = os.environ.get("ANYDOOR_RASA_PORT", "5005")
    parser.add_argument("--url", default=f"http://127.0.0.1:{port}")
    args = parser.parse_args()
    sender = f"shell-{uuid.uuid4().hex[:8]}"
    buttons: list[dict[str, str]] = []
    print("Type a message (Ctrl-D to quit). Try: hi")
    while True:
        try:
            text = input("you> ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return
        if text.isdigit() and 0 < int(text) <= len(buttons):
            text = buttons[int(text) - 1]["payload"]
        try:
            replies = send(args.url, sender, text)
        except OSError as error:
            print(f"Cannot reach AnyDoor at {args.url} ({error}). Is `make run` running?")
            continue
        buttons = []
        for reply in replies:
            print(f"bot> {reply.get('text', '')}")
            for button in reply.get("buttons") or []:
                buttons.append(button)  # type: ignore[arg-type]
                print(f"     {len(buttons)}. {button['title']}")  # type: ignore[index]


if __name__ == "__main__":
    main()
