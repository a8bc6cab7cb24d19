"""The DIGEST_* settings table: defaults in one place, checked once, flags read one way."""

from __future__ import annotations

import os
import re
import runpy
import sys
from pathlib import Path

import pytest

from digest.pipeline import ConvertOptions
from digest.site.settings import (DEFAULTS, SettingError, apply_defaults, bcp47, convert_options, editions,
                                  env_flag, setting, validate)

ROOT = Path(__file__).resolve().parent.parent


def test_core_defaults_come_from_the_core():
    core = ConvertOptions()
    assert setting({}, "DIGEST_SUMMARY_CHARS") == core.summary_chars
    assert setting({}, "DIGEST_TOPIC_THRESHOLD") == core.topic_threshold
    assert convert_options({}).topics == core.topics
    assert convert_options({}).max_bytes == core.max_bytes


def test_the_seed_size_limit_is_a_setting():
    """The README's answer to "too large": raise it in pelicanconf.py, not in the code."""
    assert convert_options({"DIGEST_MAX_SEED_BYTES": 12 * 2**20}).max_bytes == 12 * 2**20


@pytest.mark.parametrize("raw,value", [("1", True), ("true", True), ("YES", True), (" on ", True),
                                       ("0", False), ("false", False), ("no", False), ("off", False), ("", False)])
def test_env_flags_are_read_one_way(monkeypatch, raw, value):
    monkeypatch.setenv("DIGEST_STRICT", raw)
    assert env_flag("DIGEST_STRICT") is value
    assert setting({"DIGEST_STRICT": not value}, "DIGEST_STRICT") is value  # the environment wins


def test_a_misspelt_flag_is_an_error_naming_the_variable(monkeypatch):
    monkeypatch.setenv("DIGEST_FORCE", "yep")
    with pytest.raises(SettingError, match="DIGEST_FORCE='yep'"):
        setting({}, "DIGEST_FORCE")


def test_unset_flag_takes_the_setting_then_the_default(monkeypatch):
    monkeypatch.delenv("DIGEST_STRICT", raising=False)
    assert setting({"DIGEST_STRICT": True}, "DIGEST_STRICT") is True
    assert setting({}, "DIGEST_STRICT") is DEFAULTS["DIGEST_STRICT"].default is False


@pytest.mark.parametrize("name,value,message", [
    ("DIGEST_SEARCH", "yes", "DIGEST_SEARCH = 'yes': must be bool"),
    ("DIGEST_SUMMARY_CHARS", True, "DIGEST_SUMMARY_CHARS = True: must be int"),
    ("DIGEST_JOBS", "2", "DIGEST_JOBS = '2': must be int or None"),
    ("DIGEST_TOPICS", [{"slug": "x"}], "DIGEST_TOPICS: topic #1"),
    ("DIGEST_EDITIONS", [{"path": "en"}], "DIGEST_EDITIONS #1"),
    ("DIGEST_EDITIONS", [{"lang": "en"}, {"lang": "EN", "path": "x"}], "'en' appears twice"),
])
def test_a_bad_setting_is_named(monkeypatch, name, value, message):
    monkeypatch.delenv("DIGEST_STRICT", raising=False)
    with pytest.raises(SettingError, match=re.escape(message)):
        validate({"DEFAULT_LANG": "zh-hans", name: value})


def test_unknown_digest_settings_are_warned_about_and_defaults_filled_in(monkeypatch):
    monkeypatch.delenv("DIGEST_STRICT", raising=False)
    monkeypatch.setenv("DIGEST_FORCE", "1")
    settings = {"DEFAULT_LANG": "zh-hans", "DIGEST_STRCT": True}
    assert apply_defaults(settings) == [
        "unknown setting DIGEST_STRCT: ignored (the known ones are in digest.site.settings.DEFAULTS)"]
    assert settings["DIGEST_FORCE"] is True and settings["DIGEST_STRICT"] is False
    assert set(DEFAULTS) <= set(settings)


def test_a_misspelt_environment_flag_is_warned_about(monkeypatch):
    for name in [n for n in os.environ if n.startswith("DIGEST_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("DIGEST_TRADITONAL", "1")  # sic
    monkeypatch.setenv("DIGEST_SUMMARY_CHARS", "90")  # a setting, but not read from the environment
    monkeypatch.setenv("DIGEST_FORCE", "1")
    assert validate({"DEFAULT_LANG": "zh-hans"}) == [
        f"environment variable {name}: ignored (the build reads only DIGEST_STRICT, DIGEST_FORCE, "
        "DIGEST_TRADITIONAL)" for name in ("DIGEST_SUMMARY_CHARS", "DIGEST_TRADITONAL")]


def test_editions_are_normalised_once():
    eds = editions({"DEFAULT_LANG": "zh-hans",
                    "DIGEST_EDITIONS": [{"lang": "zh-Hans", "path": "/"}, {"lang": "en", "path": "/en/"}]})
    assert [(e["lang"], e["path"], e["html_lang"], e["name"]) for e in eds] == [
        ("zh-hans", "", "zh-Hans", "zh-hans"), ("en", "en", "en", "en")]
    assert bcp47("zh-hant") == "zh-Hant" and bcp47("fr") == "fr"


def test_pelicanconf_is_valid_and_names_the_topics(monkeypatch):
    monkeypatch.delenv("DIGEST_TRADITIONAL", raising=False)
    conf = {k: v for k, v in runpy.run_path(str(ROOT / "pelicanconf.py")).items() if k.isupper()}
    assert validate(conf) == []
    assert [t["slug"] for t in conf["DIGEST_TOPICS"]] == ["ai-policy", "sewing-machinery", "consumer-subsidies",
                                                           "other"]
    assert [e["lang"] for e in editions(conf)] == ["zh-hans", "en"]
    monkeypatch.setenv("DIGEST_TRADITIONAL", "yes")
    conf = runpy.run_path(str(ROOT / "pelicanconf.py"))
    assert [e["lang"] for e in editions(conf)] == ["zh-hans", "zh-hant", "en"]


def test_a_wrong_flag_ends_the_build_with_its_message_and_no_traceback(tmp_path):
    """What a user sees: Pelican's own command, a wrong flag, one message naming it."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "DIGEST_STRICT": "maybe", "COLUMNS": "300",
           "PYTHONPATH": os.pathsep.join([str(root / "src"), os.environ.get("PYTHONPATH", "")])}
    run = subprocess.run([sys.executable, "-m", "pelican", str(root / "content"), "-o", str(tmp_path / "out"),
                          "-s", str(root / "pelicanconf.py")],
                         cwd=root, env=env, capture_output=True, text=True, timeout=300)
    shown = run.stdout + run.stderr
    assert run.returncode == 1
    assert "SettingError: environment variable DIGEST_STRICT='maybe'" in shown
    assert "Traceback" not in shown


@pytest.mark.parametrize("siteurl, said", [
    ("", "set SITEURL"),
    ("news.example.org", "SITEURL 'news.example.org' is not an absolute address"),
])
def test_publishconf_refuses_a_missing_or_relative_siteurl(monkeypatch, siteurl, said):
    """A SITEURL without https:// would build a site without sitemap, newsletters or period feeds."""
    root = Path(__file__).resolve().parent.parent
    monkeypatch.setenv("SITEURL", siteurl)
    monkeypatch.chdir(root)
    monkeypatch.setattr(sys, "path", list(sys.path))  # publishconf appends "."
    with pytest.raises(SystemExit, match=said):
        runpy.run_path(str(root / "publishconf.py"))


def test_publishconf_takes_an_absolute_siteurl(monkeypatch):
    root = Path(__file__).resolve().parent.parent
    monkeypatch.setenv("SITEURL", "https://news.example.org/")
    monkeypatch.chdir(root)
    monkeypatch.setattr(sys, "path", list(sys.path))
    assert runpy.run_path(str(root / "publishconf.py"))["FEED_DOMAIN"] == "https://news.example.org"
