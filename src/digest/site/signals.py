"""The site's own signals, each named once (Pelican's ``signals.py`` does the same for its own).

Plugins import the signal object; nobody reconnects by its string name.
"""

from blinker import signal

#: Sent once every edition is built: ``editions_finalized.send(pelican, editions=[...])``,
#: each edition a dict with lang, path, html_lang, name and ``output`` (its folder).
#: Whole-site steps (sitemap, search index) connect here.
editions_finalized = signal("digest_editions_finalized")

#: Sent when one edition's Pelican run has written its pages, before the next edition is
#: built or the forked ones joined (in a forked edition build: in the fork):
#: ``edition_written.send(pelican, edition={...}, editions=[...])``, every edition with its
#: ``output`` folder as in :data:`editions_finalized`. A whole-site step that can start on
#: one edition while the others render (the search index) starts here and finishes on
#: :data:`editions_finalized`.
edition_written = signal("digest_edition_written")

#: Sent by the preview server when it reads an article page again and puts the
#: new article in place of the old one in a built edition (``plugins/digest_editions/incremental.py``):
#: ``article_refreshed.send(generator, article=new, old=old)``. A plugin that sets
#: fields on every article in ``article_generator_finalized`` (or ``pretaxonomy``)
#: sets them on ``article`` here, the same way. Receivers run in the order of ``PLUGINS``.
article_refreshed = signal("digest_article_refreshed")

#: The further editions may be built in a forked process (plugins/digest_editions), whose
#: memory the first edition's process never sees. A plugin that gathers data while pages
#: are written, for a whole-site step, connects here. In the fork, when its editions are
#: written, a receiver is called as ``receiver(None)`` and returns what it gathered
#: (picklable); in the building process as ``receiver(pelican, state=that value,
#: moved=(fork's folder, build folder))``, and takes it in, paths moved to the build folder.
edition_fork_state = signal("digest_edition_fork_state")
