"""Every ``DIGEST_*`` setting of the site, with its default, type and meaning, in one table.

The Pelican plugins read their settings only through :func:`setting`; the table
below is the one place a default is written (Pelican keeps its own defaults the
same way, in ``DEFAULT_CONFIG``). :func:`validate` checks a whole settings dict
once, when the build starts, and names the setting that is wrong. The core's
own defaults (summary length, topic threshold, size limit) stay in
:class:`digest.pipeline.ConvertOptions` and are read from there, not retyped.

Environment flags (``DIGEST_STRICT=1 make html``) are read by :func:`env_flag`,
the one reader of ``1/true/yes/on`` and ``0/false/no/off``.

No Pelican import: the plugins, ``pelicanconf.py`` and the command line share it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from digest.analyze.topics import DEFAULT_TOPICS, Topic, topics_from_settings
from digest.pipeline import ConvertOptions

_CORE = ConvertOptions()

#: Pages (paths in an edition) no search engine should list: the host's "not
#: found" page and the search page, whose results are not content.
NOT_LISTED = ("404.html", "search.html")

#: BCP 47 tags for ``<html lang>``, ``hreflang`` and feeds; settings use lowercase codes.
BCP47 = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "zh-cn": "zh-Hans", "zh-tw": "zh-Hant", "en": "en"}


class SettingError(ValueError):
    """A ``DIGEST_*`` setting or environment flag has a value the site cannot use."""


@dataclass(frozen=True)
class Setting:
    default: Any
    types: tuple[type, ...]
    meaning: str
    env: bool = False  # an environment variable of the same name overrides it


_PATH = (str, os.PathLike)
_OPT_PATH = (str, os.PathLike, type(None))

#: name -> Setting. Keep sorted by the stage that uses it.
DEFAULTS: dict[str, Setting] = {
    # seeds -> articles (plugins/digest_seeds)
    "DIGEST_SEEDS_PATH": Setting("seeds", _PATH, "folder of seeds, relative to the folder that holds PATH"),
    "DIGEST_ARTICLES_DIR": Setting("articles", _PATH, "folder under PATH for the generated article pages"),
    "DIGEST_CACHE_PATH": Setting(".digest-cache", _OPT_PATH, "conversion cache; None turns it off"),
    "DIGEST_CONVERT": Setting(True, (bool,), "False skips seed conversion (a further edition's run)"),
    "DIGEST_STRICT": Setting(False, (bool,), "a bad seed or a failed index fails the build", env=True),
    "DIGEST_FORCE": Setting(False, (bool,), "regenerate pages even where an editor changed them", env=True),
    "DIGEST_JOBS": Setting(None, (int, type(None)),
                           "worker processes for large conversions; None: all cores; the further "
                           "editions build in a second process beside the first if 2 or more, or if "
                           "None and a core is idle"),
    "DIGEST_TOPICS": Setting(None, (list, tuple, type(None)),
                             "topics: dicts with slug, name_zh, name_en, keywords; None: the built-in list"),
    "DIGEST_TOPIC_THRESHOLD": Setting(_CORE.topic_threshold, (int, float), "minimum topic score; below it 'other'"),
    "DIGEST_SUMMARY_CHARS": Setting(_CORE.summary_chars, (int,), "length budget of the summary box, in characters"),
    # editions and languages (plugins/digest_editions, plugins/digest_i18n)
    "DIGEST_TRADITIONAL": Setting(False, (bool,), "add a Traditional-Chinese edition at /zh-hant/", env=True),
    "DIGEST_EDITIONS": Setting(None, (list, tuple, type(None)),
                               "editions: dicts with lang, path, name (+ SITENAME...); None: DEFAULT_LANG only"),
    "DIGEST_CATALOG": Setting("content/translations/en.po", _PATH,
                              "English titles and summaries (PO catalog), relative to the project folder"),
    "DIGEST_BABEL_LOCALES": Setting(None, (dict, type(None)), "edition lang -> Babel locale for dates and lists"),
    "DIGEST_ROOT_SITEURL": Setting(None, (str, type(None)), "internal: the first edition's SITEURL"),
    "DIGEST_EDITION_CHILD": Setting(False, (bool,), "internal: this run builds a further edition"),
    "DIGEST_ATOMIC_OUTPUT": Setting(True, (bool,), "build into a fresh folder, swapped in when complete"),
    # whole-site steps (plugins/digest_search, plugins/digest_sitemap)
    "DIGEST_SEARCH": Setting(True, (bool,), "build a Pagefind index and show the search box"),
    "DIGEST_SEARCH_INDEX": Setting(True, (bool,), "index this build's pages; False keeps the index already "
                                   "in the output folder (the preview's quick builds)"),
    "DIGEST_SITEMAP": Setting(True, (bool,), "write sitemap.xml and robots.txt (needs an absolute SITEURL)"),
    "DIGEST_SITEMAP_EXCLUDE": Setting(NOT_LISTED, (list, tuple), "paths in an edition never listed in the sitemap"),
    # permalinks (plugins/digest_i18n/feeds.py): feed entry ids are
    # tag:<authority>,<date>:<lang>/articles/<permanent id>; never change either once feeds are out
    "DIGEST_FEED_ID_AUTHORITY": Setting(None, (str, type(None)),
                                        "domain in feed entry ids; None: the host of SITEURL"),
    "DIGEST_FEED_ID_DATE": Setting("2026-12-01", (str,), "date in feed entry ids (RFC 4151)"),
    # digest periods (plugins/digest_periods)
    "DIGEST_PERIODS": Setting(True, (bool,), "a digest page per day and per ISO week, their feeds and email copies"),
    "DIGEST_PERIODS_KINDS": Setting(("day", "week"), (list, tuple), "kinds of period that get pages: day, week"),
    "DIGEST_PERIODS_URL": Setting("digest/{period}.html", (str,),
                                  "URL (and file) of a period page; {period} is 2025-09-25 or 2025-W39"),
    "DIGEST_PERIODS_FEED_KINDS": Setting(("week", "day"), (list, tuple),
                                         "kinds of period with a feed of one entry per period"),
    "DIGEST_PERIODS_FEED_ATOM": Setting("feeds/digest-{kind}.atom.xml", (str, type(None)),
                                        "Atom feed of the periods of {kind}; None: none"),
    "DIGEST_PERIODS_FEED_RSS": Setting("feeds/digest-{kind}.rss.xml", (str, type(None)),
                                       "RSS feed of the periods of {kind}; None: none"),
    "DIGEST_PERIODS_NEWSLETTER": Setting("newsletter/{lang}/{period}", (str, type(None)),
                                         "email copies (.html, .txt) in the site's output folder; None: none"),
    "DIGEST_PERIODS_FIGURES_PER_ARTICLE": Setting(3, (int, type(None)),
                                                  "key figures of an article in a week's figures; None: all"),
}

_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off", "")


def env_flag(name: str, default: bool | None = None) -> bool | None:
    """The environment variable ``name`` as a boolean, ``default`` when unset.

    One reader for every flag, so ``DIGEST_STRICT=true`` means the same in
    every plugin; anything but the usual spellings is an error naming the variable.
    """
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise SettingError(f"environment variable {name}={raw!r}: use 1/true/yes/on or 0/false/no/off")


def setting(settings, name: str) -> Any:
    """The value of ``name`` in ``settings``: the environment for a flag, else the
    setting, else its default from :data:`DEFAULTS`."""
    spec = DEFAULTS[name]
    if spec.env:
        flag = env_flag(name)
        if flag is not None:
            return flag
    return settings.get(name, spec.default) if settings is not None else spec.default


def validate(settings) -> list[str]:
    """Check every ``DIGEST_*`` setting once; raise :class:`SettingError` naming the first bad one.

    Returns warnings for ``DIGEST_*`` names the table does not know (a typo such
    as ``DIGEST_STRCT`` would otherwise be ignored without a word), and for
    ``DIGEST_*`` environment variables that are not one of the flags."""
    for name, spec in DEFAULTS.items():
        value = setting(settings, name)
        if not isinstance(value, spec.types) or (isinstance(value, bool) and bool not in spec.types):
            wanted = " or ".join("None" if t is type(None) else t.__name__ for t in spec.types)
            raise SettingError(f"{name} = {value!r}: must be {wanted} ({spec.meaning})")
    try:
        topics(settings)
    except ValueError as exc:
        raise SettingError(f"DIGEST_TOPICS: {exc}") from None
    editions(settings)
    warnings = [f"unknown setting {name}: ignored (the known ones are in digest.site.settings.DEFAULTS)"
                for name in sorted(settings) if name.startswith("DIGEST_") and name not in DEFAULTS]
    # `DIGEST_TRADITONAL=1 make html` would otherwise build without the edition, silently.
    flags = [name for name, spec in DEFAULTS.items() if spec.env]
    warnings += [f"environment variable {name}: ignored (the build reads only {', '.join(flags)})"
                 for name in sorted(os.environ) if name.startswith("DIGEST_") and name not in flags]
    return warnings


def apply_defaults(settings) -> list[str]:
    """Validate ``settings`` and fill in every ``DIGEST_*`` value (environment flags
    resolved), so each reader sees the same value; returns :func:`validate`'s warnings."""
    warnings = validate(settings)
    for name in DEFAULTS:
        settings[name] = setting(settings, name)
    return warnings


def topics(settings) -> list[Topic]:
    """The configured topics (``DIGEST_TOPICS``), or the built-in ones."""
    raw = setting(settings, "DIGEST_TOPICS")
    return topics_from_settings(raw) if raw else list(DEFAULT_TOPICS)


def convert_options(settings) -> ConvertOptions:
    """The core's options as the site configures them."""
    return ConvertOptions(topics=topics(settings),
                          topic_threshold=float(setting(settings, "DIGEST_TOPIC_THRESHOLD")),
                          summary_chars=int(setting(settings, "DIGEST_SUMMARY_CHARS")))


def bcp47(lang: str) -> str:
    """``zh-hans`` -> ``zh-Hans``: the tag ``<html lang>``, ``hreflang`` and feeds expect."""
    return BCP47.get(lang.lower(), lang)


def is_english(lang: str) -> bool:
    return bcp47(lang).split("-")[0].lower() == "en"


def editions(settings) -> list[dict]:
    """Every edition, normalised: lang lowercase, path without slashes, a name and its BCP 47 tag."""
    raw = setting(settings, "DIGEST_EDITIONS") or [{"lang": settings["DEFAULT_LANG"], "path": ""}]
    result, seen = [], set()
    for i, entry in enumerate(raw):
        if not isinstance(entry, dict) or not isinstance(entry.get("lang"), str) or not entry["lang"].strip():
            raise SettingError(f"DIGEST_EDITIONS #{i + 1}: must be a dict with a 'lang'")
        ed = dict(entry)
        ed["lang"] = ed["lang"].strip().lower()
        ed["path"] = str(ed.get("path", "")).strip("/")
        if ed["lang"] in seen:
            raise SettingError(f"DIGEST_EDITIONS #{i + 1}: language {ed['lang']!r} appears twice")
        seen.add(ed["lang"])
        ed.setdefault("name", ed["lang"])
        ed["html_lang"] = bcp47(ed["lang"])
        result.append(ed)
    return result


def current_edition(settings, all_editions: list[dict] | None = None) -> dict:
    """The edition this Pelican run builds (the one of ``DEFAULT_LANG``)."""
    all_editions = all_editions or editions(settings)
    lang = settings["DEFAULT_LANG"].lower()
    return next((e for e in all_editions if e["lang"] == lang), all_editions[0])


def root_siteurl(settings) -> str:
    """The first edition's address, which every edition's URL starts from."""
    return str(setting(settings, "DIGEST_ROOT_SITEURL") or settings.get("SITEURL") or "").rstrip("/")


def is_absolute_url(url: str | None) -> bool:
    """An ``http(s)://`` address: what a sitemap, a feed or an email needs as ``SITEURL``."""
    return str(url or "").startswith(("http://", "https://"))


def edition_langs(settings) -> list[str]:
    return [e["lang"] for e in editions(settings)]


def feed_entry_id(settings, path: str) -> str:
    """``tag:news.example.org,2026-12-01:en/articles/<id>`` (RFC 4151): the permanent
    id of a feed entry of this edition (``DEFAULT_LANG``), ``path`` naming the entry.

    ``DIGEST_FEED_ID_AUTHORITY`` (default: the host of the site's address) and
    ``DIGEST_FEED_ID_DATE`` must never change once feeds are published.
    """
    authority = setting(settings, "DIGEST_FEED_ID_AUTHORITY") or urlsplit(root_siteurl(settings)).hostname
    return (f"tag:{authority or 'localhost'},{setting(settings, 'DIGEST_FEED_ID_DATE')}:"
            f"{settings['DEFAULT_LANG'].lower()}/{path}")
