"""``make serve`` on a port another program holds: one line saying so and what to do."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

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
