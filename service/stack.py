"""Start the whole stack (Rasa server + AnyDoor service) as child processes, and stop it.

Used by `make run` and by the integration tests, so both run exactly the same commands.
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.store.db import tracker_database_url
from service.endpoints import write_endpoints

ROOT = Path(__file__).resolve().parents[1]
VAR = ROOT / "var"
BIN = Path(sys.executable).parent


def api_token() -> str:
    """ANYDOOR_API_TOKEN, or a token generated once into var/api_token."""
    token = os.environ.get("ANYDOOR_API_TOKEN")
    if token:
        return token
    path = VAR / "api_token"
    if not path.exists():
        VAR.mkdir(exist_ok=True)
        path.write_text(secrets.token_urlsafe(24))
        path.chmod(0o600)
    return path.read_text().strip()


def free_port() -> int:
    """A free TCP port on localhost."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, timeout: float, process: subprocess.Popen[bytes]) -> None:
    """Wait until `url` answers 200, or fail if the process exits or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"process for {url} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")


@dataclass
class Stack:
    """The Rasa server and the AnyDoor service, on localhost ports."""

    rasa_port: int = 5005
    service_port: int = 5055
    model: Path = ROOT / "models" / "anydoor.tar.gz"
    tracker_db: Path = VAR / "rasa.db"
    log_dir: Path = VAR / "log"
    extra_env: dict[str, str] = field(default_factory=dict)
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    # Where Rasa calls the actions and the NLG (a load balancer when scaled out).
    action_base_url: str | None = None

    @property
    def rasa_url(self) -> str:
        """Base URL of the Rasa server."""
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def service_url(self) -> str:
        """Base URL of the AnyDoor service."""
        return f"http://127.0.0.1:{self.service_port}"

    def environment(self) -> dict[str, str]:
        """The environment both processes share."""
        env = {
            **os.environ,
            "ANYDOOR_RASA_PORT": str(self.rasa_port),
            "ANYDOOR_SERVICE_PORT": str(self.service_port),
            "ANYDOOR_TRACKER_DB": str(self.tracker_db),
            "ANYDOOR_API_TOKEN": api_token(),
            **self.extra_env,
        }
        # Rasa's tracker store: SQLite at tracker_db, or the PostgreSQL database AnyDoor uses.
        env["ANYDOOR_TRACKER_DB_URL"] = tracker_database_url(env)
        return env

    def endpoints_file(self, rasa_port: int) -> Path:
        """Write the endpoints file for the Rasa server on `rasa_port`, chosen by environment."""
        return write_endpoints(
            self.tracker_db.parent / f"endpoints-{rasa_port}.yml",
            self.action_base_url or self.service_url,
            self.environment(),
        )

    def upgrade_database(self) -> None:
        """Apply AnyDoor's migrations (`anydoor db upgrade`) before anything starts."""
        self.tracker_db.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "bot.cli", "db", "upgrade"],
            cwd=ROOT, env=self.environment(), check=True, stdout=subprocess.DEVNULL,
        )

    def rasa_command(self, port: int) -> list[str]:
        """`rasa run` for a Rasa server on `port`."""
        return [
            str(BIN / "rasa"), "run",
            "--interface", "127.0.0.1", "--port", str(port),
            "--enable-api", "--auth-token", api_token(),
            "--model", str(self.model),
            "--credentials", "credentials.yml", "--endpoints", str(self.endpoints_file(port)),
        ]

    def _spawn(
        self, name: str, command: list[str], env: dict[str, str] | None = None
    ) -> subprocess.Popen[bytes]:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = (self.log_dir / f"{name}.log").open("ab")
        process = subprocess.Popen(
            command, cwd=ROOT, env=env or self.environment(), stdout=log,
            stderr=subprocess.STDOUT, start_new_session=True,
        )
        log.close()  # the child has its own copy
        self.processes.append(process)
        return process

    def start(self, timeout: float = 240) -> None:
        """Start the service, then Rasa, and wait until both answer."""
        if not self.model.exists():
            raise FileNotFoundError(f"No trained model at {self.model}: run `make train`.")
        self.upgrade_database()
        try:
            service = self._spawn("service", [sys.executable, "-m", "service"])
            rasa = self._spawn("rasa", self.rasa_command(self.rasa_port))
            wait_for(f"{self.service_url}/health", timeout, service)
            wait_for(f"{self.rasa_url}/status?token={api_token()}", timeout, rasa)
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """Stop both processes: SIGTERM, then SIGKILL after 10 s."""
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.processes.clear()


def sms_status(stack: Stack) -> str:
    """Where Twilio should post, or why SMS is off."""
    env = stack.environment()
    if not (env.get("TWILIO_ACCOUNT_SID") and env.get("TWILIO_AUTH_TOKEN")
            and (env.get("TWILIO_FROM_NUMBER") or env.get("TWILIO_MESSAGING_SERVICE_SID"))
            and env.get("ANYDOOR_PUBLIC_URL")):
        return "off (set TWILIO_* and ANYDOOR_PUBLIC_URL; see README, Connect a Twilio number)"
    return f"on, webhook {env['ANYDOOR_PUBLIC_URL'].rstrip('/')}/webhooks/twilio_sms/webhook"



def run_in_foreground(stack: Stack, banner: Callable[[Stack], str]) -> None:
    """Start the stack, print `banner(stack)`, and keep it up until Ctrl-C or a process stops."""
    # Ctrl-C stops every process, even when started from a shell that ignores SIGINT.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        stack.start()
        print(banner(stack), flush=True)
        while all(p.poll() is None for p in stack.processes):
            time.sleep(1)
        print(f"A process stopped; see the logs in {stack.log_dir}. Stopping.", file=sys.stderr)
    except KeyboardInterrupt:
        print("\nStopping...", flush=True)
    finally:
        stack.stop()

def main() -> None:
    """Run the stack in the foreground until Ctrl-C."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--rasa-port", type=int, default=int(os.environ.get("ANYDOOR_RASA_PORT", "5005"))
    )
    parser.add_argument(
        "--service-port", type=int, default=int(os.environ.get("ANYDOOR_SERVICE_PORT", "5055"))
    )
    args = parser.parse_args()
    stack = Stack(rasa_port=args.rasa_port, service_port=args.service_port)
    print("Starting the AnyDoor service and the Rasa server (about 30 s)...", flush=True)
    run_in_foreground(
        stack,
        lambda stack: (
            f"\nAnyDoor is running.\n"
            f"  Chat in this machine's terminal:  make shell\n"
            f"  REST webhook:  POST {stack.rasa_url}/webhooks/rest/webhook\n"
            f'                 {{"sender": "me", "message": "hi"}}\n'
            f"  Rasa HTTP API: {stack.rasa_url} (token in var/api_token)\n"
            f"  Service:       {stack.service_url} (actions at /webhook, NLG at /nlg)\n"
            f"  Staff console: {stack.service_url}/staff/ (add an account first:\n"
            f"                 .venv/bin/anydoor staff add EMAIL --role agent|supervisor)\n"
            f"  Web chat demo: {stack.service_url}/\n"
            f"  SMS (Twilio):  {sms_status(stack)}\n"
            f"  Logs:          {stack.log_dir}\n"
            f"Press Ctrl-C to stop."
        ),
    )


if __name__ == "__main__":
    main()
