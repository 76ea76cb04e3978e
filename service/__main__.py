"""Run the AnyDoor service: `python -m service --port 5055`."""

from __future__ import annotations

import argparse
import logging
import os

from service.app import create_app


def main() -> None:
    """Start the service on 127.0.0.1 (ANYDOOR_SERVICE_PORT, default 5055)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default=os.environ.get("ANYDOOR_SERVICE_HOST", "127.0.0.1"))
    parser.add_argument(
        "--port", type=int, default=int(os.environ.get("ANYDOOR_SERVICE_PORT", "5055"))
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    app = create_app()
    # Sanic writes one access line a request (method, path, status, size: no personal data).
    logging.getLogger("sanic.access").propagate = False
    app.run(host=args.host, port=args.port, access_log=True, workers=1)


if __name__ == "__main__":
    main()
