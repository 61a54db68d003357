"""Wagtail settings that hot paths read on every request (a click, a share), from the
cache instead of the database."""

from django.core.cache import cache
from django.db import transaction


class CachedSetting:
    """Mix into a BaseGenericSetting before it: `current()` reads the settings from the
    cache (CACHE_SECONDS), and saving them refreshes the cached copy at once and again
    once committed, in case another request cached the old row in between."""

    CACHE_KEY: str
    CACHE_SECONDS = 300

    @classmethod
    def current(cls):
        stored = cache.get(cls.CACHE_KEY)
        if stored is None:
            stored = cls.load()
            cache.set(cls.CACHE_KEY, stored, cls.CACHE_SECONDS)
        return stored

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        transaction.on_commit(lambda: cache.delete(self.CACHE_KEY))
        cache.delete(self.CACHE_KEY)
