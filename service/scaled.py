"""The scaled-out shape on one machine: `make run-scaled`.

Two Rasa replicas and two AnyDoor service replicas, each pair behind a load balancer
(`service.balancer`), all on PostgreSQL (`ANYDOOR_DATABASE_URL`: trackers and AnyDoor's
tables) and Redis (`ANYDOOR_REDIS_URL`: Rasa's lock store). Every Rasa replica calls the
actions and the NLG through the service balancer; people and Twilio reach Rasa through the
Rasa balancer, whose URL is the public one. Used by `make run-scaled`, the scale tests and
`bench/load.py`, so all run the same processes.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

from service.stack import (
    VAR,
    Stack,
    api_token,
    free_port,
    run_in_foreground,
    sms_status,
    wait_for,
)

DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/anydoor"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
# Thread pools a Rasa replica's numeric libraries may start (TensorFlow as Rasa reads it,
# OpenMP, OpenBLAS, MKL). Replicas sharing one machine each get their share of its cores:
# one pool per core per replica makes them fight over the cores instead.
THREAD_VARIABLES = (
    "TF_INTRA_OP_PARALLELISM_THREADS",
    "TF_INTER_OP_PARALLELISM_THREADS",
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
)


def rasa_threads(replicas: int, cores: int | None = None) -> int:
    """Threads per numeric pool for each of `replicas` Rasa replicas on this machine."""
    return max(1, (cores or os.cpu_count() or 1) // max(1, replicas))


def reachable(url: str, default_port: int, timeout: float = 2.0) -> bool:
    """Whether a TCP connection to the URL's host and port opens."""
    parts = urlsplit(url)
    try:
        with socket.create_connection(
            (parts.hostname or "127.0.0.1", parts.port or default_port), timeout=timeout
        ):
            return True
    except OSError:
        return False


def _server_engine(url: str) -> Engine:
    """An engine on the server's maintenance database, outside transactions."""
    maintenance = make_url(url).set(database="postgres")
    return create_engine(maintenance, future=True, isolation_level="AUTOCOMMIT")


def create_database(url: str) -> bool:
    """Create the PostgreSQL database named in `url` unless it exists; True if created."""
    name = make_url(url).database
    server = _server_engine(url)
    try:
        with server.connect() as connection:
            exists = connection.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
            ).first()
            if exists:
                return False
            quoted = server.dialect.identifier_preparer.quote(str(name))
            connection.execute(text(f"CREATE DATABASE {quoted}"))
            return True
    finally:
        server.dispose()


def drop_database(url: str) -> None:
    """Drop the PostgreSQL database named in `url`, closing its other connections first."""
    name = make_url(url).database
    server = _server_engine(url)
    try:
        with server.connect() as connection:
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            )
            quoted = server.dialect.identifier_preparer.quote(str(name))
            connection.execute(text(f"DROP DATABASE IF EXISTS {quoted}"))
    finally:
        server.dispose()


@dataclass
class ScaledStack(Stack):
    """N Rasa replicas and N service replicas behind two balancers.

    `rasa_port` is the Rasa balancer (the public URL) and `service_port` the service
    balancer; the replicas listen on ports of their own.
    """

    rasa_replicas: int = 2
    service_replicas: int = 2
    # Threads per numeric pool in each Rasa replica (default: its share of the cores);
    # a variable already set in the environment wins.
    threads_per_rasa: int | None = None
    replica_ports: dict[str, int] = field(default_factory=dict)
    replica_processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for index in range(1, self.rasa_replicas + 1):
            self.replica_ports.setdefault(f"rasa-{index}", free_port())
        for index in range(1, self.service_replicas + 1):
            self.replica_ports.setdefault(f"service-{index}", free_port())
        self.action_base_url = self.service_url  # every Rasa replica calls the service balancer

    @property
    def rasa_names(self) -> list[str]:
        """The Rasa replicas' names: rasa-1, rasa-2, ..."""
        return [name for name in self.replica_ports if name.startswith("rasa-")]

    @property
    def service_names(self) -> list[str]:
        """The service replicas' names: service-1, service-2, ..."""
        return [name for name in self.replica_ports if name.startswith("service-")]

    def replica_url(self, name: str) -> str:
        """Base URL of one replica, bypassing its balancer."""
        return f"http://127.0.0.1:{self.replica_ports[name]}"

    def _health_url(self, name: str) -> str:
        if name.startswith("rasa-"):
            return f"{self.replica_url(name)}/status?token={api_token()}"
        return f"{self.replica_url(name)}/health"

    def spawn_replica(self, name: str) -> None:
        """Start one replica (not waiting for it)."""
        port = self.replica_ports[name]
        if name.startswith("rasa-"):
            env = self.environment()
            threads = str(self.threads_per_rasa or rasa_threads(self.rasa_replicas))
            for variable in THREAD_VARIABLES:
                env.setdefault(variable, threads)
            process = self._spawn(name, self.rasa_command(port), env=env)
        else:
            env = {**self.environment(), "ANYDOOR_SERVICE_PORT": str(port)}
            process = self._spawn(
                name, [sys.executable, "-m", "service", "--port", str(port)], env=env
            )
        self.replica_processes[name] = process

    def wait_replica(self, name: str, timeout: float = 240) -> None:
        """Wait until one replica answers its health check."""
        wait_for(self._health_url(name), timeout, self.replica_processes[name])

    def start_replica(self, name: str, timeout: float = 240) -> None:
        """Start one replica and wait until it answers (after a kill, say)."""
        self.spawn_replica(name)
        self.wait_replica(name, timeout)

    def kill_replica(self, name: str, sig: int = signal.SIGKILL) -> None:
        """Stop one replica abruptly (SIGKILL by default) and wait until it is gone."""
        process = self.replica_processes[name]
        if process.poll() is None:
            os.killpg(process.pid, sig)
            process.wait(timeout=30)

    def start_balancer(self, name: str, port: int, replicas: list[str]) -> None:
        """Start a balancer on `port` over the named replicas (not waiting for it)."""
        command = [sys.executable, "-m", "service.balancer", "--port", str(port)]
        for replica in replicas:
            command += ["--backend", self.replica_url(replica)]
        self.replica_processes[name] = self._spawn(name, command)

    def start(self, timeout: float = 300) -> None:
        """Migrate, then start the service replicas, the Rasa replicas and both balancers."""
        if not self.model.exists():
            raise FileNotFoundError(f"No trained model at {self.model}: run `make train`.")
        self.upgrade_database()
        try:
            for name in self.service_names:
                self.spawn_replica(name)
            self.start_balancer("balancer-service", self.service_port, self.service_names)
            for name in self.rasa_names:
                self.spawn_replica(name)
            self.start_balancer("balancer-rasa", self.rasa_port, self.rasa_names)
            for name in [*self.service_names, *self.rasa_names]:
                self.wait_replica(name, timeout)
            wait_for(f"{self.service_url}/health", 30, self.replica_processes["balancer-service"])
            wait_for(
                f"{self.rasa_url}/status?token={api_token()}",
                30,
                self.replica_processes["balancer-rasa"],
            )
        except BaseException:
            self.stop()
            raise


def replicas_of(stack: ScaledStack) -> str:
    """The replicas and their ports, for the start-up banner."""
    return ", ".join(f"{name} :{port}" for name, port in stack.replica_ports.items())


def main() -> None:
    """Run the scaled stack in the foreground until Ctrl-C."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rasa-replicas", type=int, default=2)
    parser.add_argument("--service-replicas", type=int, default=2)
    args = parser.parse_args()
    os.environ.setdefault("ANYDOOR_DATABASE_URL", DEFAULT_DATABASE_URL)
    os.environ.setdefault("ANYDOOR_REDIS_URL", DEFAULT_REDIS_URL)
    database, redis = os.environ["ANYDOOR_DATABASE_URL"], os.environ["ANYDOOR_REDIS_URL"]
    if make_url(database).get_backend_name() != "postgresql":
        sys.exit("make run-scaled needs PostgreSQL: set ANYDOOR_DATABASE_URL=postgresql://...")
    for url, port, what in ((database, 5432, "PostgreSQL"), (redis, 6379, "Redis")):
        if not reachable(url, port):
            sys.exit(
                f"{what} is not reachable at {urlsplit(url).hostname}:"
                f"{urlsplit(url).port or port}; start it or set the URL."
            )
    if create_database(database):
        print(f"Created the database {make_url(database).database}.", flush=True)
    rasa_port = int(os.environ.get("ANYDOOR_RASA_PORT", "5005"))
    service_port = int(os.environ.get("ANYDOOR_SERVICE_PORT", "5055"))
    ports = {f"rasa-{i}": rasa_port + 100 + i for i in range(1, args.rasa_replicas + 1)}
    ports |= {f"service-{i}": service_port + 100 + i for i in range(1, args.service_replicas + 1)}
    stack = ScaledStack(
        rasa_port=rasa_port,
        service_port=service_port,
        replica_ports=ports,
        rasa_replicas=args.rasa_replicas,
        service_replicas=args.service_replicas,
        tracker_db=VAR / "rasa.db",
        log_dir=VAR / "log" / "scaled",
    )
    print(
        f"Starting {args.rasa_replicas} Rasa and {args.service_replicas} service replicas "
        "(about a minute)...",
        flush=True,
    )
    run_in_foreground(
        stack,
        lambda _: (
            f"\nAnyDoor is running, scaled out.\n"
            f"  Public (Rasa balancer): {stack.rasa_url}  REST /webhooks/rest/webhook\n"
            f"  Service balancer:       {stack.service_url} (actions /webhook, NLG /nlg)\n"
            f"  Replicas:               {replicas_of(stack)}\n"
            f"  Storage:                PostgreSQL {make_url(database).database}, Redis locks\n"
            f"  SMS (Twilio):           {sms_status(stack)}\n"
            f"  Logs:                   {stack.log_dir}\n"
            f"Press Ctrl-C to stop."
        ),
    )


if __name__ == "__main__":
    main()
