"""Run PolicyEngine-US on one batched situation (run by the oracle venv's Python, 3.11+).

Reads `{"situation": {...}, "requests": [{"variable": "snap", "period": "2026-11"}, ...]}` as
JSON on stdin and writes `{"version", "timings", "entities", "results"}` as JSON on stdout:
`entities` lists the ids of each entity in PolicyEngine's array order, `results` maps
"variable@period" to `{"entity": key, "values": [...]}`. It imports nothing from AnyDoor, so
it runs in a venv that has only PolicyEngine-US. Households in, results out; no network.
"""

from __future__ import annotations

import json
import sys
import time
from importlib import metadata
from typing import Any

ENTITY_PLURALS = {
    "person": "people",
    "family": "families",
    "marital_unit": "marital_units",
    "tax_unit": "tax_units",
    "spm_unit": "spm_units",
    "household": "households",
}


def _plain(values: Any) -> list[Any]:
    """numpy/enum arrays as JSON-ready lists."""
    if hasattr(values, "decode_to_str"):
        return [str(v) for v in values.decode_to_str()]
    return [v.item() if hasattr(v, "item") else v for v in values]


def main() -> int:
    """Read the batch, calculate every request once, print the results."""
    started = time.perf_counter()
    batch = json.load(sys.stdin)
    from policyengine_us import Simulation  # the ~27 s parameter-tree load

    imported = time.perf_counter()
    situation = batch["situation"]
    simulation = Simulation(situation=situation)
    built = time.perf_counter()
    results: dict[str, Any] = {}
    for request in batch["requests"]:
        name, period = request["variable"], request["period"]
        variable = simulation.tax_benefit_system.variables[name]
        values = simulation.calculate(name, period)
        results[f"{name}@{period}"] = {"entity": variable.entity.key, "values": _plain(values)}
    done = time.perf_counter()
    json.dump(
        {
            "version": metadata.version("policyengine-us"),
            "timings": {
                "import_s": imported - started,
                "build_s": built - imported,
                "calculate_s": done - built,
            },
            "entities": {
                key: list(situation.get(plural, {})) for key, plural in ENTITY_PLURALS.items()
            },
            "results": results,
        },
        sys.stdout,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
