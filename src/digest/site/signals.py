"""The site's own signals, each named once (Pelican's ``signals.py`` does the same for its own).

Plugins import the signal object; nobody reconnects by its string name.
"""

from blinker import signal

#: Sent once every edition is built: ``editions_finalized.send(pelican, editions=[...])``,
#: each edition a dict with lang, path, html_lang, name and ``output`` (its folder).
#: Whole-site steps (sitemap, search index) connect here.
editions_finalized = signal("digest_editions_finalized")
