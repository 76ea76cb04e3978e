"""`make bench`: time training, start the stack on free ports, run the latency benchmark.

Prints our model's training time, then bench/latency.py's table (AnyDoor vs a bare
`rasa init` bot). Extra arguments go to latency.py, e.g. `make bench ARGS="-n 50 -c 10"`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.stack import Stack, api_token, free_port  # noqa: E402


def training_seconds() -> float:
    """Train the model from scratch into a scratch folder and return the seconds it took."""
    with tempfile.TemporaryDirectory() as out:
        started = time.monotonic()
        subprocess.run(
            [str(Path(sys.executable).parent / "rasa"), "train", "--force", "--out", out,
             "--quiet"],
            cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        return time.monotonic() - started


def main() -> int:
    """Run the benchmarks and print their figures."""
    args = sys.argv[1:]
    if "--no-train" in args:
        args.remove("--no-train")
    else:
        print(f"training time (rasa train --force): {training_seconds():.0f} s", flush=True)
    with tempfile.TemporaryDirectory() as scratch:
        stack = Stack(
            rasa_port=free_port(), service_port=free_port(),
            tracker_db=Path(scratch) / "rasa.db", log_dir=Path(scratch) / "log",
        )
        stack.start()
        try:
            return subprocess.run(
                [sys.executable, str(ROOT / "bench" / "latency.py"),
                 "--rasa-url", stack.rasa_url, "--token", api_token(),
                 "--rasa-pid", str(stack.processes[1].pid), *args],
                cwd=ROOT, env=os.environ,
            ).returncode
        finally:
            stack.stop()


if __name__ == "__main__":
    sys.exit(main())
