"""Pelican settings for the digest site: Simplified Chinese at /, English at /en/,
and, on request, Traditional Chinese at /zh-hant/.

`make html` builds with this file; `make publish` with publishconf.py. Every
``DIGEST_*`` setting, its default and its meaning is listed once in
``src/digest/site/settings.py`` (``DEFAULTS``); this file sets only what this
site changes, each setting once.
"""

import os

from digest.analyze.topics import AI_POLICY, CONSUMER_SUBSIDIES, SEWING_MACHINERY
from digest.site.settings import env_flag
from digest.site.order import newest_first

# --- site ---
AUTHOR = "Digest editors"
SITENAME = "中文新闻摘要"
SITESUBTITLE = "每日中文新闻要点"
# Local preview address: feeds need absolute links even on a laptop. `make publish`
# takes the real address from the SITEURL environment variable (publishconf.py).
SITEURL = os.environ.get("SITEURL", "http://127.0.0.1:8000").rstrip("/")
RELATIVE_URLS = True
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh-hans"
# No file mtime may reach the output: generated articles always carry a date
# (digest.publish.permalinks); a hand-written article without one is skipped.
DEFAULT_DATE = None
DEFAULT_PAGINATION = 20
ARTICLE_ORDER_BY = newest_first  # same-day articles in seed order: reproducible lists and feeds
SUMMARY_MAX_LENGTH = None  # our front matter supplies the summary (see digest.analyze.summary)

# --- content: Markdown only, read by plugins/markdown_it_reader ---
PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
IGNORE_FILES = [".*", "*.po", "*.pot", "__pycache__"]
READERS = {"rst": None}

# --- output ---
DELETE_OUTPUT_DIRECTORY = True
# Pelican's content cache (in CACHE_PATH, "cache/"): a page whose file did not
# change is not parsed again (front matter and Markdown); `make clean` empties it.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
GZIP_CACHE = False  # compressing it costs more time than reading it saves
CHECK_MODIFIED_METHOD = "md5"  # by content: two saves within one clock tick still count
ARTICLE_URL = ARTICLE_SAVE_AS = "articles/{slug}.html"
# Articles keep lang zh-hans in every edition: same path everywhere.
ARTICLE_LANG_URL = ARTICLE_LANG_SAVE_AS = "articles/{slug}.html"
PAGE_URL = PAGE_SAVE_AS = "pages/{slug}.html"
CATEGORY_URL = CATEGORY_SAVE_AS = "topics/{slug}.html"
CATEGORIES_URL = CATEGORIES_SAVE_AS = "topics/index.html"
ARCHIVES_URL = ARCHIVES_SAVE_AS = "archives.html"
# Pages for authors would get pinyin slugs of Chinese names; the digest links by
# topic instead. Keywords shared by two or more articles get a page (plugins/digest_keywords).
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
TAGS_SAVE_AS = ""
TAG_URL = TAG_SAVE_AS = "keywords/{slug}.html"
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None
# search.html runs Pagefind; 404.html is the host's "not found" page (404_SAVE_AS
# cannot be a Python name: Pelican's default, 404.html, is what we want).
DIRECT_TEMPLATES = ["index", "categories", "archives", "search", "404"]

# --- feeds ---
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/{slug}.rss.xml"
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = TRANSLATION_FEED_RSS = None
RSS_FEED_SUMMARY_ONLY = True
FEED_MAX_ITEMS = 50

# --- theme ---
THEME = "theme"
# Autoescape: titles and metadata come from seed text and are never markup.
# Templates mark only the markdown-it output (article.content, article.summary) as safe.
JINJA_ENVIRONMENT = {"extensions": ["jinja2.ext.i18n", "jinja2.ext.do"], "autoescape": True}

# --- plugins ---
# digest_settings first: it checks every DIGEST_* setting before the others start.
# digest_reading after digest_i18n: JSON-LD takes the English title where there is one.
PLUGIN_PATHS = ["plugins"]
# digest_redirects: old article URLs -> their article (content/redirects.txt);
# digest_keywords: a page per keyword shared by articles (tag.html);
# digest_periods after digest_i18n: its pages, feeds and email copies speak the edition's language.
PLUGINS = ["digest_settings", "markdown_it_reader", "digest_seeds", "digest_i18n", "digest_editions",
           "digest_reading", "digest_sitemap", "digest_search", "digest_redirects", "digest_keywords",
           "digest_periods"]

# --- digest: topics (edit here: slug, names, weighted keywords; see digest.analyze.topics) ---
DIGEST_TOPICS = [
    {"slug": "ai-policy", "name_zh": "人工智能政策", "name_en": "AI policy", "keywords": AI_POLICY},
    {"slug": "sewing-machinery", "name_zh": "缝制机械", "name_en": "Sewing machinery",
     "keywords": SEWING_MACHINERY},
    {"slug": "consumer-subsidies", "name_zh": "消费补贴", "name_en": "Consumer subsidies",
     "keywords": CONSUMER_SUBSIDIES},
    {"slug": "other", "name_zh": "其他", "name_en": "Other"},
]

# --- digest: editions (plugins/digest_editions, plugins/digest_i18n) ---
# The first edition is this site; each further one is built into OUTPUT_PATH/<path>.
EDITION_ZH_HANS = {"lang": "zh-hans", "path": "", "name": "简体中文", "SITENAME": SITENAME}
EDITION_EN = {"lang": "en", "path": "en", "name": "English", "SITENAME": "Chinese News Digest",
              "SITESUBTITLE": "The day's Chinese news, summarised"}
# The Simplified text in Traditional characters (OpenCC s2t), interface and site
# name included (plugins/digest_i18n/traditional.py). Opt-in: it converts
# characters only, not regional vocabulary, so it serves readers in Taiwan and
# Hong Kong who read Traditional script, and a site whose readers are there turns
# it on (DIGEST_TRADITIONAL=1 make html, or True here); for other sites it would
# add a third of the build time for an edition few read.
EDITION_ZH_HANT = {"lang": "zh-hant", "path": "zh-hant", "name": "繁體中文"}
DIGEST_TRADITIONAL = env_flag("DIGEST_TRADITIONAL", False)
DIGEST_EDITIONS = [EDITION_ZH_HANS, *([EDITION_ZH_HANT] if DIGEST_TRADITIONAL else []), EDITION_EN]
