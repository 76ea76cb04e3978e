"""Dated, cited parameters read from the YAML tree under `parameters/` (folder path = lookup path).

A value applies from its date until the next one. There is no extrapolation: a date before the
first value, or after a file's `valid_until`, raises `ParameterError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).parent / "parameters"
REFERENCE_STATUSES = ("verified", "computed", "carried_forward", "unverified")


class ParameterError(LookupError):
    """A parameter is missing, or has no value in force on the date asked."""


@dataclass(frozen=True)
class Reference:
    """The source of the values dated `applies_from` in one parameter file."""

    title: str
    href: str
    applies_from: date
    status: str
    note: str | None = None


@dataclass(frozen=True)
class Parameter:
    """One YAML file: metadata plus `values` (series of {date: value}, possibly under keys)."""

    path: str
    description: str
    unit: str
    values: Any
    references: tuple[Reference, ...]
    rounding: str | None = None
    valid_until: date | None = None


def _normalize(node: Any) -> Any:
    """Dict keys become strings, except dates (a series); YAML reads `1:` as an int."""
    if isinstance(node, dict):
        return {k if isinstance(k, date) else str(k): _normalize(v) for k, v in node.items()}
    return node


def _is_series(node: Any) -> bool:
    return isinstance(node, dict) and bool(node) and all(isinstance(k, date) for k in node)


def _read(file: Path) -> Parameter:
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    path = file.relative_to(ROOT).with_suffix("").as_posix()
    references = tuple(
        Reference(
            title=str(ref["title"]),
            href=str(ref["href"]),
            applies_from=ref["applies_from"],
            status=str(ref.get("status", "")),
            note=ref.get("note"),
        )
        for ref in data.get("references") or ()
    )
    return Parameter(
        path=path,
        description=str(data.get("description", "")),
        unit=str(data.get("unit", "")),
        values=_normalize(data.get("values")),
        references=references,
        rounding=data.get("rounding"),
        valid_until=data.get("valid_until"),
    )


@lru_cache(maxsize=1)
def load_all() -> dict[str, Parameter]:
    """Read every parameter file once; later calls return the cached tree."""
    return {p.path: p for p in map(_read, sorted(ROOT.rglob("*.yaml")))}


def parameter(path: str) -> Parameter:
    """The parameter file at `path` (e.g. `us/usda/snap/max_allotment`)."""
    try:
        return load_all()[path]
    except KeyError:
        raise ParameterError(f"no parameter file {path!r}") from None


def _series(param: Parameter, keys: tuple[Any, ...]) -> dict[date, Any]:
    node = param.values
    for key in keys:
        if not isinstance(node, dict) or str(key) not in node:
            raise ParameterError(f"{param.path}: no breakdown {keys!r}")
        node = node[str(key)]
    if not _is_series(node):
        raise ParameterError(f"{param.path}: {keys!r} does not lead to dated values")
    return node


def _effective_date(param: Parameter, series: dict[date, Any], on: date) -> date:
    if param.valid_until is not None and on > param.valid_until:
        raise ParameterError(
            f"{param.path}: no value after {param.valid_until.isoformat()} "
            f"(asked for {on.isoformat()}); the yearly update is missing"
        )
    started = [d for d in series if d <= on]
    if not started:
        raise ParameterError(
            f"{param.path}: no value before {min(series).isoformat()} (asked for {on.isoformat()})"
        )
    return max(started)


# The tree is read once and never changes, so a lookup's answer depends only on its arguments
# and can be cached. The program modules also cache the figures they read per date (and size),
# so a screening on an already-seen day makes almost no lookups. Errors are not cached; they
# raise again on every call.
@lru_cache(maxsize=65536)
def value(path: str, on: date, *keys: Any) -> Any:
    """The value of parameter `path` (under breakdown `keys`) in force on `on` (memoized: every
    household screened on a day reads the same figures)."""
    param = parameter(path)
    series = _series(param, keys)
    return series[_effective_date(param, series, on)]


@lru_cache(maxsize=16384)
def reference(path: str, on: date, *keys: Any) -> Reference:
    """The reference covering the value of `path` (under `keys`) in force on `on`."""
    param = parameter(path)
    series = _series(param, keys)
    since = _effective_date(param, series, on)
    return next(r for r in param.references if r.applies_from == since)


@lru_cache(maxsize=1024)
def breakdown_keys(path: str) -> tuple[str, ...]:
    """The first-level breakdown keys of `path` (e.g. household sizes and `additional`)."""
    values = parameter(path).values
    return () if _is_series(values) else tuple(values)


def _walk(node: Any, keys: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    if _is_series(node):
        return [(keys, node)]
    if not isinstance(node, dict) or not node:
        return [(keys, node)]
    return [leaf for k, v in node.items() for leaf in _walk(v, (*keys, k))]


def problems() -> list[str]:
    """Everything wrong with the tree: undated values, uncited dates, bad references."""
    found: list[str] = []
    for path, param in load_all().items():
        if not param.description or not param.unit:
            found.append(f"{path}: needs a description and a unit")
        if param.values is None:
            found.append(f"{path}: no values")
            continue
        cited = {r.applies_from for r in param.references}
        for ref in param.references:
            if not isinstance(ref.applies_from, date):
                found.append(f"{path}: reference {ref.title!r} has no applies_from date")
            if ref.status not in REFERENCE_STATUSES:
                found.append(f"{path}: reference {ref.title!r} has status {ref.status!r}")
            if not ref.href.startswith("https://"):
                found.append(f"{path}: reference {ref.title!r} needs an https link")
        for keys, series in _walk(param.values):
            if not _is_series(series):
                found.append(f"{path}: {'/'.join(keys) or 'values'} has no effective date")
                continue
            found.extend(
                f"{path}: {'/'.join(keys) or 'values'} {d.isoformat()} has no reference"
                for d in series
                if d not in cited
            )
    return found
