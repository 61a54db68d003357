"""The draw of an attempt's questions: a seeded, reproducible copy of part of the pool
(quiz_attempt_start keeps it on the attempt, so editing the quiz never changes it)."""

import random

from courses.quiz_rules import QuestionKind


def _choice_items(raw_choices) -> list[dict]:
    # ListBlock raw data is a list of {"type": "item", "value": ..., "id": ...} dicts.
    return [item.get("value", item) for item in raw_choices]


def _key(block: dict, index: int) -> str:
    return block.get("id") or str(index)


def _pick(pool: list[dict], count: int, seen: dict[str, int], rng: random.Random) -> list[int]:
    """Pool indices: never-seen questions first, then those seen longest ago, at random
    within each group. Without `seen` exactly rng.sample(range(len(pool)), count)."""
    groups: dict[int, list[int]] = {}
    for index, block in enumerate(pool):
        groups.setdefault(seen.get(_key(block, index), 0), []).append(index)
    picked: list[int] = []
    for last_seen in sorted(groups):
        group = groups[last_seen]
        picked += rng.sample(group, min(count - len(picked), len(group)))
        if len(picked) == count:
            break
    return picked


def quiz_draw(
    *,
    pool: list[dict],
    count: int,
    shuffle: bool,
    seed: int,
    seen: dict[str, int] | None = None,
) -> list[dict]:
    """Draw `count` questions from the raw question pool with a seeded random source and
    return the attempt's own copy: [{"key", "type", "text", "explanation", "lesson",
    "choices": [{"id", "text", "correct"}]}] ("lesson": the id of the lesson that teaches
    it, or None). `seen` maps question keys to the number of the last attempt that drew
    them: questions not seen are drawn first, then those seen longest ago, so a retry
    cannot be passed by memorising the last one while the pool allows. Same pool, seed and
    `seen`, same draw."""
    rng = random.Random(seed)  # noqa: S311 - fairness, not secrecy: the seed is server-side
    indices = _pick(pool, min(count, len(pool)), seen or {}, rng)
    if seen and shuffle:
        rng.shuffle(indices)  # the unseen ones would otherwise always come first
    if not shuffle:
        indices.sort()
    used_ids: set[str] = set()
    drawn = []
    for index in indices:
        block = pool[index]
        kind, value = block["type"], block["value"]
        if kind == QuestionKind.TRUE_FALSE:
            truth = value["correct"] == "true"
            choices = [("True", truth), ("False", not truth)]
        else:
            choices = [
                (item["text"], bool(item.get("correct")))
                for item in _choice_items(value["choices"])
            ]
            if shuffle:
                rng.shuffle(choices)
        snapshot_choices = []
        for text, correct in choices:
            choice_id = f"c{rng.getrandbits(32):08x}"
            while choice_id in used_ids:
                choice_id = f"c{rng.getrandbits(32):08x}"
            used_ids.add(choice_id)
            snapshot_choices.append({"id": choice_id, "text": text, "correct": correct})
        drawn.append(
            {
                "key": _key(block, index),
                "type": kind,
                "text": value["text"],
                "explanation": value.get("explanation", ""),
                "lesson": value.get("lesson") or None,
                "choices": snapshot_choices,
            }
        )
    return drawn
