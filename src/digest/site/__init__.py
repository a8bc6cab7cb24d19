"""What the Pelican plugins share: the ``DIGEST_*`` settings table, editions and
language tags, and the site's signals. No Pelican import, like the rest of the core."""
