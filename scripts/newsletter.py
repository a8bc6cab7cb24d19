"""Print where the email copy of a digest period is (`make newsletter PERIOD=2025-W39`).

The files are written by the site build (plugins/digest_periods), one HTML file
and its plain-text alternative per period and edition:

    newsletter 2025-W39 (简体中文):
      output/newsletter/zh-hans/2025-W39.html
      output/newsletter/zh-hans/2025-W39.txt

Without a period: the latest week that has a newsletter. Exit status 2 for a
period that is not written as a day (2025-09-25) or an ISO week (2025-W39),
1 when the build wrote no newsletter for it (no articles then, or no build yet).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
try:
    import digest  # noqa: F401
except ImportError:  # run from a checkout without the package installed
    sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "plugins"))

from digest.publish.periods import parse_period  # noqa: E402
from digest.site.settings import editions  # noqa: E402
from digest_periods import newsletter_stem  # noqa: E402


def written_weeks(output: Path, settings) -> list[str]:
    """Keys of the weeks that have a newsletter in the first edition, oldest first."""
    first = editions(settings)[0]["lang"]
    pattern = newsletter_stem(settings, first, "*") + ".html"
    return sorted(p.name[:-len(".html")] for p in output.glob(pattern) if "-W" in p.name)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("period", nargs="?", help="a day (2025-09-25) or an ISO week (2025-W39); default: the latest week")
    parser.add_argument("--output", default="output", help="the built site (default: output)")
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"), help="Pelican settings file")
    args = parser.parse_args(argv)
    from pelican.settings import read_settings

    settings = read_settings(args.settings)
    output = Path(args.output)
    weeks = written_weeks(output, settings)
    if args.period:
        try:
            key = parse_period(args.period).key
        except ValueError as err:
            print(f"make newsletter: {err}", file=sys.stderr)
            return 2
    elif weeks:
        key = weeks[-1]
    else:
        print(f"make newsletter: no newsletter in {output}/ yet: run make html first", file=sys.stderr)
        return 1
    found = 0
    for edition in editions(settings):
        stem = output / newsletter_stem(settings, edition["lang"], key)
        files = [f for f in (stem.with_suffix(".html"), stem.with_suffix(".txt")) if f.exists()]
        if files:
            found += 1
            print(f"newsletter {key} ({edition['name']}):")
            for f in files:
                print(f"  {f}")
    if not found:
        hint = f"; weeks with one: {', '.join(weeks[-5:])}" if weeks else "; run make html first"
        print(f"make newsletter: no newsletter for {key} in {output}/ (no articles then?){hint}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
