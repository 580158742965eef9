import pytest
from django.core.exceptions import ImproperlyConfigured

from opencus.env import env_bool, env_int, env_list, env_str, local_secret_key


def test_env_str_reads_a_secret_from_a_file(tmp_path, monkeypatch):
    secret = tmp_path / "s"
    secret.write_text("from-file\n")
    monkeypatch.setenv("OPENCUS_TEST_SECRET_FILE", str(secret))
    assert env_str("OPENCUS_TEST_SECRET") == "from-file"


def test_env_str_without_default_fails_loudly(monkeypatch):
    monkeypatch.delenv("OPENCUS_TEST_MISSING", raising=False)
    with pytest.raises(ImproperlyConfigured):
        env_str("OPENCUS_TEST_MISSING")


@pytest.mark.parametrize(
    ("value", "expected"), [("true", True), ("1", True), ("off", False), ("", False)]
)
def test_env_bool(monkeypatch, value, expected):
    monkeypatch.setenv("OPENCUS_TEST_BOOL", value)
    assert env_bool("OPENCUS_TEST_BOOL") is expected


def test_env_bool_rejects_nonsense(monkeypatch):
    monkeypatch.setenv("OPENCUS_TEST_BOOL", "maybe")
    with pytest.raises(ImproperlyConfigured):
        env_bool("OPENCUS_TEST_BOOL")


def test_env_int_rejects_nonsense(monkeypatch):
    monkeypatch.setenv("OPENCUS_TEST_INT", "ten")
    with pytest.raises(ImproperlyConfigured):
        env_int("OPENCUS_TEST_INT", 1)


def test_env_list(monkeypatch):
    monkeypatch.setenv("OPENCUS_TEST_LIST", "a.pl, b.pl,,")
    assert env_list("OPENCUS_TEST_LIST", []) == ["a.pl", "b.pl"]


def test_local_secret_key_is_created_once_and_kept(tmp_path):
    path = tmp_path / "var" / "secret_key"
    first = local_secret_key(path)
    assert len(first) > 40
    assert local_secret_key(path) == first
    assert oct(path.stat().st_mode)[-3:] == "600"
