"""Settings for `make publish`: pelicanconf.py plus the site's real address.

SITEURL comes from the environment (SITEURL=https://news.example.org make publish),
so feeds, canonical links and hreflang carry absolute URLs.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

from digest.site.settings import is_absolute_url  # noqa: E402

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
if not SITEURL:
    raise SystemExit("publishconf.py: set SITEURL, e.g. SITEURL=https://news.example.org make publish")
if not is_absolute_url(SITEURL):  # else the build succeeds without sitemap, newsletters or period feeds
    raise SystemExit(f"publishconf.py: SITEURL {SITEURL!r} is not an absolute address; write it with "
                     "https://, e.g. SITEURL=https://news.example.org make publish")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
DELETE_OUTPUT_DIRECTORY = True
