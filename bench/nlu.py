"""Intent accuracy and macro-F1 per language, on examples the model never trains on.

Splits every language's examples of every intent (a fixed 20% held out, seeded), trains the
NLU pipeline of config.yml on the rest, parses the held-out examples, and prints one row per
language. With `--folds 5` it cross-validates instead: five trainings, each holding out a
different fifth, so every example is tested once. `nlu_fallback` (the model unsure, or an
unsure interruption stopped by the gate) counts as wrong. About a minute per training.
Target: >= 95% per language.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
NLU_DIR = ROOT / "data" / "nlu"

Example = tuple[str, str]  # (text, intent)


def examples_by_language() -> dict[str, list[Example]]:
    """Every NLU example, by the language of its file."""
    found: dict[str, list[Example]] = {}
    for path in sorted(NLU_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found[path.stem] = [
            (line.strip()[2:].strip(), block["intent"])
            for block in data["nlu"]
            if "intent" in block
            for line in block["examples"].splitlines()
            if line.strip().startswith("- ")
        ]
    return found


def split(
    examples: list[Example], held_out: float, seed: int
) -> tuple[list[Example], list[Example]]:
    """Per intent, a seeded share of the examples is held out for testing."""
    by_intent: dict[str, list[Example]] = defaultdict(list)
    for example in examples:
        by_intent[example[1]].append(example)
    train, test = [], []
    for intent in sorted(by_intent):
        items = sorted(by_intent[intent])
        random.Random(f"{seed}-{intent}").shuffle(items)
        cut = max(1, round(len(items) * held_out))
        test += items[:cut]
        train += items[cut:]
    return train, test


def folds(
    examples: list[Example], count: int, seed: int
) -> list[tuple[list[Example], list[Example]]]:
    """Per intent, a seeded shuffle dealt into `count` parts: (train, test) for each part."""
    by_intent: dict[str, list[Example]] = defaultdict(list)
    for example in examples:
        by_intent[example[1]].append(example)
    parts: list[list[Example]] = [[] for _ in range(count)]
    for intent in sorted(by_intent):
        items = sorted(by_intent[intent])
        random.Random(f"{seed}-{intent}").shuffle(items)
        for n, item in enumerate(items):
            parts[n % count].append(item)
    return [
        ([item for other, part in enumerate(parts) if other != n for item in part], parts[n])
        for n in range(count)
    ]


def write_training_data(examples: list[Example], path: Path) -> None:
    """Rasa YAML training data for `examples`."""
    by_intent: dict[str, list[str]] = defaultdict(list)
    for text, intent in examples:
        by_intent[intent].append(text)
    nlu = [
        {"intent": intent, "examples": "".join(f"- {text}\n" for text in texts)}
        for intent, texts in sorted(by_intent.items())
    ]
    path.write_text(yaml.safe_dump({"version": "3.1", "nlu": nlu}, allow_unicode=True))


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    """Macro-averaged F1 over the intents present, from (expected, predicted) pairs."""
    intents = {expected for expected, _ in pairs}
    scores = []
    for intent in intents:
        tp = sum(1 for e, p in pairs if e == intent and p == intent)
        fp = sum(1 for e, p in pairs if e != intent and p == intent)
        fn = sum(1 for e, p in pairs if e == intent and p != intent)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0)
    return sum(scores) / len(scores) if scores else 0.0


async def predict(model: Path, texts: list[str]) -> list[str]:
    """The intent the trained model gives each text."""
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    return [
        str((await agent.parse_message(text))["intent"]["name"]) for text in texts
    ]


def evaluate(
    config: str, splits: dict[str, tuple[list[Example], list[Example]]]
) -> tuple[list[tuple[str, str, str, str]], float]:
    """Train on every language's train part, parse the test parts: (language, text, intent,
    predicted) rows and the training time."""
    with tempfile.TemporaryDirectory() as scratch:
        train_dir = Path(scratch) / "nlu"
        train_dir.mkdir()
        for lang, (train, _) in splits.items():
            write_training_data(train, train_dir / f"{lang}.yml")
        started = time.monotonic()
        subprocess.run(
            [str(Path(sys.executable).parent / "rasa"), "train", "nlu", "--config",
             config, "--nlu", str(train_dir), "--out", scratch,
             "--fixed-model-name", "held-out", "--quiet"],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        training = time.monotonic() - started
        tests = [
            (lang, text, intent) for lang, (_, test) in splits.items() for text, intent in test
        ]
        model = Path(scratch) / "held-out.tar.gz"
        predicted = asyncio.run(predict(model, [text for _, text, _ in tests]))
    rows = [(*test, guess) for test, guess in zip(tests, predicted, strict=True)]
    return rows, training


def main() -> None:
    """Train on the split (or each fold), evaluate, print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--held-out", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--folds", type=int, default=0, help="cross-validate with N folds")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--config", default=str(ROOT / "config.yml"), help="pipeline to measure")
    args = parser.parse_args()
    data = examples_by_language()
    if args.folds:
        per_language = {lang: folds(found, args.folds, args.seed) for lang, found in data.items()}
        rounds = [
            {lang: parts[n] for lang, parts in per_language.items()} for n in range(args.folds)
        ]
    else:
        rounds = [
            {lang: split(examples, args.held_out, args.seed) for lang, examples in data.items()}
        ]
    results: list[tuple[str, str, str, str]] = []
    trainings = []
    for splits in rounds:
        rows, training = evaluate(args.config, splits)
        results += rows
        trainings.append(training)
    trained_on = sum(len(train) for train, _ in rounds[0].values())
    how = f"{args.folds}-fold cross-validation" if args.folds else f"{args.held_out:.0%} held out"
    print(f"NLU training on {trained_on} examples ({how}): {max(trainings):.0f} s per training")
    print(f"{'language':10} {'train':>6} {'test':>5} {'accuracy':>9} {'macro-F1':>9}")
    for lang in data:
        pairs = [(intent, guess) for of, _, intent, guess in results if of == lang]
        accuracy = sum(e == p for e, p in pairs) / len(pairs)
        train_size = len(rounds[0][lang][0])
        print(f"{lang:10} {train_size:>6} {len(pairs):>5} {accuracy:>9.1%} {macro_f1(pairs):>9.3f}")
        if args.show_errors:
            for of, text, intent, guess in results:
                if of == lang and intent != guess:
                    print(f"    {intent:>16} -> {guess:16} {text}")


if __name__ == "__main__":
    main()
