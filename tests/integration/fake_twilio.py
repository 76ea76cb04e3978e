"""A fake Twilio Messages API on a localhost port: records what we send, fails on demand."""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


@dataclass
class FakeTwilio:
    """Accepts POST /2010-04-01/Accounts/<sid>/Messages.json like Twilio does."""

    sent: list[dict[str, str]] = field(default_factory=list)
    attempts: int = 0
    failures_left: int = 0
    failure_status: int = 500
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> FakeTwilio:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                length = int(self.headers.get("Content-Length") or 0)
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                with fake.lock:
                    fake.attempts += 1
                    failing = fake.failures_left > 0
                    if failing:
                        fake.failures_left -= 1
                    else:
                        fake.sent.append(form)
                if failing:
                    self._reply(fake.failure_status, {"code": 20500, "message": "fake failure",
                                                      "status": fake.failure_status})
                    return
                self._reply(201, {"sid": "SM" + uuid.uuid4().hex, "status": "queued",
                                  "to": form.get("To"), "body": form.get("Body")})

            def _reply(self, status: int, body: dict[str, object]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()

    def fail_next(self, count: int, status: int = 500) -> None:
        with self.lock:
            self.failures_left, self.failure_status = count, status

    def to(self, phone: str) -> list[str]:
        """Bodies sent to one number, in order."""
        with self.lock:
            return [m["Body"] for m in self.sent if m.get("To") == phone]

    def wait_for(self, phone: str, count: int, timeout: float = 30) -> list[str]:
        """Wait until `count` bodies went to `phone`; return them all."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            bodies = self.to(phone)
            if len(bodies) >= count:
                return bodies
            time.sleep(0.05)
        raise AssertionError(f"expected {count} SMS to {phone}, got {self.to(phone)}")
