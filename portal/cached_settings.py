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
        return CachedSetting.current_many(cls)[0]

    @staticmethod
    def current_many(*models: type["CachedSetting"]) -> tuple:
        """`current()` of each of `models`, read from the cache in one round trip."""
        stored = cache.get_many([model.CACHE_KEY for model in models])
        found = []
        for model in models:
            setting = stored.get(model.CACHE_KEY)
            if setting is None:
                setting = model.load()
                cache.set(model.CACHE_KEY, setting, model.CACHE_SECONDS)
            found.append(setting)
        return tuple(found)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        transaction.on_commit(lambda: cache.delete(self.CACHE_KEY))
        cache.delete(self.CACHE_KEY)
