"""``make serve`` (scripts/serve.py) without a server or a build process: what it says and what it queues."""

from __future__ import annotations

import os
import shutil
import socket
import sys
from pathlib import Path

from digest.publish.sync import sync_seeds

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import serve  # noqa: E402


def test_a_port_in_use_is_one_line_naming_it_not_a_traceback(tmp_path, capsys):
    with socket.socket() as taken:  # a port the OS gave and this test holds: no fixed number
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = serve.main(["--port", str(port), "--root", str(tmp_path)])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"serve: cannot serve on 127.0.0.1:{port} (Address already in use); ")
    assert "make serve PORT=" in err


def test_a_page_saved_by_hand_while_a_build_runs_is_built_again(tmp_path):
    """The build's own writes are not edits, but an editor's save during the build is: the
    build may have read the page before it (it was shown only after the next change)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(ROOT / "seeds" / "003_2eec7245c6bb0a7a.txt", seeds)
    pages = tmp_path / "content" / "articles"
    sync_seeds(seeds, pages)
    edited, rewritten = sorted(pages.glob("*.md"))[:2]
    preview = serve.Preview(tmp_path, "output", "")
    preview._ours_seen = preview._build_owned(serve.snapshot(tmp_path, serve.WATCHED))

    def run_build(fresh, request):
        st = rewritten.stat()
        os.utime(rewritten, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # the build's own write
        (pages / "new.md").write_text(rewritten.read_text(encoding="utf-8"), encoding="utf-8")
        text = edited.read_text(encoding="utf-8")
        edited.write_text(text.replace("\ntitle: ", "\ntitle: 编辑改的", 1), encoding="utf-8")
        return "", "full"

    preview._run_build = run_build
    assert preview.build()
    assert preview._pending == [str(edited.relative_to(tmp_path))]
    assert preview._wake.is_set()


def test_a_build_stopped_by_a_user_error_logs_no_traceback(caplog):
    from digest.english.catalog import CatalogError

    serve.log_failure(CatalogError("content/translations/en.po: cannot read translation catalog: line 3"))
    assert caplog.records == []
    try:
        raise RuntimeError("a bug")
    except RuntimeError as exc:
        serve.log_failure(exc)
    [record] = caplog.records
    assert record.exc_info and record.exc_info[0] is RuntimeError
