"""The interface language of an edition: gettext catalogs, dates and topic names.

Template strings are English msgids; each edition's Jinja environment gets the
catalog of its language, compiled from the theme's ``.po`` file in memory (no
``.mo`` files to forget to rebuild). The English edition needs no catalog: an
untranslated msgid is already English. The Traditional-Chinese catalog is made
from the Simplified one at build time (:data:`DERIVED_CATALOGS`), so there is
one Chinese catalog to maintain.
"""

from __future__ import annotations

import gettext
import logging
import os
from datetime import datetime
from functools import lru_cache
from io import BytesIO

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from markupsafe import Markup, escape

from digest.analyze.topics import Topic
from digest.site.settings import is_english

from .traditional import traditional_catalog

log = logging.getLogger(__name__)

#: Dates in the English edition are written the British way: ``23 January 2026``.
DATE_LOCALES = {"en": "en_GB"}


def babel_locale(lang: str) -> str:
    """``zh-hans`` -> ``zh_Hans``, ``en`` -> ``en``: the catalog folder and Babel locale of a setting."""
    try:
        return str(Locale.parse(lang, sep="-"))
    except (ValueError, UnknownLocaleError):
        return lang.replace("-", "_")


#: Catalogs made from another one when the theme has none of their own:
#: ``{locale: (source locale, function converting a Babel catalog in place)}``.
DERIVED_CATALOGS = {"zh_Hant": ("zh_Hans", traditional_catalog)}


@lru_cache(maxsize=16)
def _compiled(po_path: str, mtime: float, locale: str, derive=None) -> gettext.GNUTranslations:
    """Compile a ``.po`` file to an in-memory ``.mo``; cached until the file changes.

    ``derive`` (see :data:`DERIVED_CATALOGS`) rewrites the translations first.
    """
    with open(po_path, "rb") as fh:
        catalog = read_po(fh, locale=locale)
    if derive is not None:
        derive(catalog)
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def interface_translations(translations_dir: str, lang: str) -> gettext.NullTranslations:
    """The gettext catalog for ``lang`` from ``<dir>/<locale>/LC_MESSAGES/messages.po``.

    A locale of :data:`DERIVED_CATALOGS` without a file of its own is made from
    its source catalog (``zh_Hant`` from ``zh_Hans``: ``关键数字`` -> ``關鍵數字``).
    A language without a catalog (English, whose msgids are the text) gets
    ``NullTranslations``, which returns every msgid unchanged.
    """
    locale = babel_locale(lang)
    po_path = _po_path(translations_dir, locale)
    derive = None
    if not os.path.exists(po_path) and locale in DERIVED_CATALOGS:
        source, derive = DERIVED_CATALOGS[locale]
        po_path = _po_path(translations_dir, source)
    if not os.path.exists(po_path):
        if not is_english(lang):
            log.warning("digest_i18n: no interface catalog for %s at %s", lang, po_path)
        return gettext.NullTranslations()
    return _compiled(po_path, os.path.getmtime(po_path), locale, derive)


def _po_path(translations_dir: str, locale: str) -> str:
    return os.path.join(translations_dir, locale, "LC_MESSAGES", "messages.po")


def text_locale(lang: str, overrides: dict | None = None) -> str:
    """The Babel locale for dates and lists of an edition (``en`` -> ``en_GB``)."""
    return (overrides or {}).get(lang) or DATE_LOCALES.get(lang) or babel_locale(lang)


def join_names(names, lang: str, overrides: dict | None = None) -> str:
    """``胡静、周露楠和范明朋`` / ``Hu Jing, Zhou Lunan and Fan Mingpeng``."""
    names = [str(n) for n in names]
    return format_list(names, locale=text_locale(lang, overrides)) if names else ""


def list_formatter(lang: str, overrides: dict | None = None):
    """A Jinja filter joining items as the language does (see :func:`join_names`).

    Items are escaped one by one, so markup of an item (a ``<span lang>``)
    stays markup and text stays text; the locale's joining words are plain text.
    """

    def local_list(items) -> Markup:
        return Markup(join_names([escape(i) for i in items], lang, overrides))

    return local_list


def date_formatter(lang: str, overrides: dict | None = None):
    """A Jinja filter writing a date in the edition's language.

    ``2026-01-23`` -> ``2026年1月23日`` (zh-hans) or ``23 January 2026`` (en).
    ``format`` is a Babel width (``long``, ``medium``); a ``skeleton`` names the
    fields and lets the locale order them: ``yMMMM`` -> ``2026年1月`` / ``January 2026``.
    """
    locale = text_locale(lang, overrides)
    # Babel formats a datetime by its date; a date is shown on every list that holds
    # its articles (96,000 calls at 2,000 articles), so each is formatted once.
    formatted: dict[tuple, str] = {}

    def local_date(value, format: str = "long", skeleton: str | None = None) -> str:
        if value is None:
            return ""
        if skeleton:
            return format_skeleton(skeleton, value, locale=locale)
        key = (value.date() if isinstance(value, datetime) else value, format)
        if key not in formatted:
            formatted[key] = format_date(value, format=format, locale=locale)
        return formatted[key]

    return local_date


def topic_namer(topics: list[Topic], lang: str):
    """``topic_name('ai-policy')`` -> ``人工智能政策`` or ``AI policy``, by edition.

    A slug missing from the topic list (a hand-written page's own category)
    is shown as written, since there is no better name for it.
    """
    english = is_english(lang)
    names = {t.slug: (t.name_en if english else t.name_zh) for t in topics}

    def topic_name(slug) -> str:
        slug = str(slug)
        return names.get(slug, slug)

    return topic_name
