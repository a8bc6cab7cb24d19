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

from digest.model import StopBuild
from digest.site.settings import apply_defaults

log = logging.getLogger(__name__)


def check_settings(pelican) -> None:
    for warning in apply_defaults(pelican.settings):
        log.warning("digest: %s", warning)


class _WithoutTraceback(logging.Filter):
    """Pelican logs the exception that ends a build with its traceback: forty lines
    of Pelican's frames under ``SeedErrors: 2 seed(s) could not be converted`` or a
    wrong ``DIGEST_STRICT``. A :class:`StopBuild` message says it all."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], StopBuild):
            record.exc_info = record.exc_text = None
        return True


_FILTER = _WithoutTraceback()


def register():
    signals.initialized.connect(check_settings)
    pelican_log = logging.getLogger("pelican")  # the logger of Pelican's main(), which ends the build
    if _FILTER not in pelican_log.filters:
        pelican_log.addFilter(_FILTER)
