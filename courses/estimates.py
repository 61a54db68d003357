"""Time estimates from the content: a lesson's words at a reading speed, a figure per quiz
question, so the course page, the lesson page and the notifications say the same thing.
Settings TRAINING_WORDS_PER_MINUTE (default 200) and TRAINING_SECONDS_PER_QUESTION (45)
change the two figures.

Pure: no database (models call it when a lesson is saved; selectors add the figures up).
"""

import math
from collections.abc import Iterator

from django.conf import settings
from django.utils.html import strip_tags

WORDS_PER_MINUTE = 200
SECONDS_PER_QUESTION = 45
# Keys of StreamField raw data that hold no reading: block names and ids, choices, media.
NOT_READ = frozenset({"type", "id", "kind", "platform", "image", "video", "correct"})


def _texts(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_READ:
                yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def word_count(*values) -> int:
    """Words a reader reads in these values (text, HTML, or StreamField raw data)."""
    return sum(len(strip_tags(text).split()) for value in values for text in _texts(value))


def reading_minutes(words: int) -> int:
    """Whole minutes (at least one) to read `words` words."""
    return max(
        1, math.ceil(words / getattr(settings, "TRAINING_WORDS_PER_MINUTE", WORDS_PER_MINUTE))
    )


def quiz_minutes(questions: int) -> int:
    """Whole minutes for an attempt of `questions` questions (0 for none)."""
    if not questions:
        return 0
    seconds = getattr(settings, "TRAINING_SECONDS_PER_QUESTION", SECONDS_PER_QUESTION)
    return max(1, math.ceil(questions * seconds / 60))
