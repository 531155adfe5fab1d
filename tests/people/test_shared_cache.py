"""Signing in with the production cache: Redis, shared by every web process."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

# Database 13 of the Redis on loopback that every machine of ours runs (.ci/run starts it).
REDIS_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/13",
    }
}

pytestmark = pytest.mark.django_db


@override_settings(CACHES=REDIS_CACHE)
def test_a_person_signs_in_when_the_cache_is_redis(client):
    cache.clear()
    user = UserFactory(email="amani@example.org")
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@override_settings(CACHES=REDIS_CACHE)
def test_failed_sign_ins_are_counted_in_redis(client):
    cache.clear()
    UserFactory(email="amani@example.org")
    client.post(reverse("account_login"), {"login": "amani@example.org", "password": "wrong"})
    # allauth's limiter keeps its counters in the cache: with Redis they are shared.
    assert cache._cache.get_client().dbsize() > 0
