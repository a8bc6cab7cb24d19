"""Local preview: build the site, serve it on 127.0.0.1 and rebuild + reload the
browser whenever a seed, a content page, the theme, a plugin or the settings change.

Uses the `livereload` package, as Pelican's own `invoke livereload` task does.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from livereload import Server

ROOT = Path(__file__).resolve().parent.parent
WATCHED = ["seeds/*", "content/pages/*", "content/translations/*", "theme/templates/*",
           "theme/static/**/*", "theme/translations/**/*", "plugins/**/*.py", "src/digest/**/*.py",
           "pelicanconf.py"]


def build(output: str, siteurl: str) -> None:
    cmd = [sys.executable, "-m", "pelican", "content", "-o", output, "-s", "pelicanconf.py"]
    # Feeds and canonical links point at the preview server itself.
    result = subprocess.run(cmd, cwd=ROOT, env={**os.environ, "SITEURL": siteurl})
    if result.returncode:
        print("serve: build failed; fix the error above, the preview keeps the last good site",
              file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--output", default="output")
    args = parser.parse_args()
    siteurl = f"http://{args.host}:{args.port}"
    build(args.output, siteurl)
    server = Server()
    for pattern in WATCHED:
        server.watch(str(ROOT / pattern), lambda: build(args.output, siteurl), delay=0.5)
    print(f"Serving {args.output}/ on http://{args.host}:{args.port}/ (Ctrl-C to stop)")
    server.serve(host=args.host, port=args.port, root=str(ROOT / args.output), open_url_delay=None)


if __name__ == "__main__":
    main()
