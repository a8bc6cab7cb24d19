"""Pelican plugin: check every ``DIGEST_*`` setting once, when the build starts.

The table of settings, defaults and meanings is :data:`digest.site.settings.DEFAULTS`.
On ``initialized`` this plugin validates the settings (a wrong value stops the
build with a message naming the setting), warns about unknown ``DIGEST_*``
names, and fills in every default, so templates and the other plugins see one
value per setting, the environment flags (``DIGEST_STRICT=1``) included.
List it first in ``PLUGINS``.
"""

from __future__ import annotations

import logging

from pelican import signals

from digest.site.settings import apply_defaults

log = logging.getLogger(__name__)


def check_settings(pelican) -> None:
    for warning in apply_defaults(pelican.settings):
        log.warning("digest: %s", warning)


def register():
    signals.initialized.connect(check_settings)
