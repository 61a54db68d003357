"""One Redis serves other installations and other test runs: clearing ours leaves theirs."""

from django.core.cache import cache

from tests.conftest import cache_clear


def test_clearing_the_cache_keeps_other_prefixes(redis_layer):
    client = cache._cache.get_client(None, write=True)
    theirs = f"not-{cache.key_prefix}:1:kept"
    client.set(theirs, b"1", ex=60)
    cache.set("ours", 1, 60)
    try:
        cache_clear()
        assert cache.get("ours") is None
        assert client.get(theirs) == b"1"
    finally:
        client.delete(theirs)
