"""Startet das Angebots-Formular (Decap CMS) auf dieser Maschine.

Zwei Server, beide nur auf 127.0.0.1:
- decap-server (npm, MODE=fs): liest und schreibt offers_db/offers/*.yml im Verzeichnis --repo,
- ein statischer Server für editor/dist/ (index.html, Decap-Bundle, config.yml).

    cd editor && npm ci && npm run build        # einmal (und nach Änderungen an categories.yml)
    .venv/bin/python editor/serve.py            # dann http://127.0.0.1:8180/ öffnen

decap-server hat keine Anmeldung: Jeder Prozess auf dieser Maschine kann über ihn Dateien im
Verzeichnis --repo schreiben. Darum nur 127.0.0.1 und nur auf dem Rechner der Koordination;
für mehrere Personen den Git-Server-Weg nehmen (editor/README.md).
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

EDITOR = Path(__file__).resolve().parent
ROOT = EDITOR.parent
DIST = EDITOR / "dist"
DECAP_SERVER = EDITOR / "node_modules" / "decap-server" / "dist" / "index.js"
DEFAULT_PROXY_URL = "http://127.0.0.1:8081/api/v1"  # steht so in src/config.base.yml


class _Handler(SimpleHTTPRequestHandler):
    proxy_url = DEFAULT_PROXY_URL
    extensions_map = {  # noqa: RUF012 (same attribute as in http.server)
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".yml": "text/yaml; charset=utf-8",
    }

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        super().end_headers()

    def do_GET(self) -> None:
        if self.path.split("?")[0] == "/config.yml":
            text = (Path(self.directory) / "config.yml").read_text(encoding="utf-8")
            body = text.replace(DEFAULT_PROXY_URL, self.proxy_url).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/yaml; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:
        pass  # nur Fehler interessieren; decap-server protokolliert die Schreibvorgänge


def _wait_for_port(host: str, port: int, process: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"decap-server ist beendet (Code {process.returncode})")
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"decap-server antwortet nicht auf {host}:{port}")


def start(
    repo: Path, host: str, port: int, proxy_port: int, dist: Path = DIST
) -> tuple[subprocess.Popen[bytes], ThreadingHTTPServer]:
    """Start decap-server and the static server; return both (stop with `stop`)."""
    offers = repo / "offers_db" / "offers"
    if not offers.is_dir():
        raise SystemExit(f"{offers} fehlt: --repo muss das Projektverzeichnis sein (mit offers_db/offers/).")
    if not (dist / "index.html").exists() or not DECAP_SERVER.exists():
        raise SystemExit("Das Formular ist noch nicht gebaut: cd editor && npm ci && npm run build")
    node = shutil.which("node")
    if node is None:
        raise SystemExit("node fehlt (apt-get install nodejs)")
    env = {
        **os.environ,
        "MODE": "fs",
        "GIT_REPO_DIRECTORY": str(repo.resolve()),
        "PORT": str(proxy_port),
        "BIND_HOST": host,
        "ORIGIN": f"http://{host}:{port}",
        "LOG_LEVEL": os.environ.get("LOG_LEVEL", "info"),
    }
    # cwd=editor/: decap-server liest sonst eine .env aus dem aktuellen Verzeichnis
    proxy = subprocess.Popen([node, str(DECAP_SERVER)], env=env, cwd=EDITOR)
    try:
        _wait_for_port(host, proxy_port, proxy)
        handler = type("Handler", (_Handler,), {"proxy_url": f"http://{host}:{proxy_port}/api/v1"})
        server = ThreadingHTTPServer((host, port), functools.partial(handler, directory=str(dist)))
    except BaseException:
        proxy.terminate()
        proxy.wait(timeout=10)
        raise
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return proxy, server


def stop(proxy: subprocess.Popen[bytes], server: ThreadingHTTPServer) -> None:
    server.shutdown()
    server.server_close()
    if proxy.poll() is None:
        proxy.terminate()
        try:
            proxy.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proxy.kill()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Angebots-Formular (Decap CMS) starten")
    parser.add_argument(
        "--repo", type=Path, default=ROOT, help="Projektverzeichnis mit offers_db/offers/ (Standard: dieses)"
    )
    parser.add_argument("--host", default="127.0.0.1", help="nur lokale Adressen verwenden (Standard: 127.0.0.1)")
    parser.add_argument(
        "--port", type=int, default=int(os.environ.get("EDITOR_PORT", "8180")), help="Formular (Standard: 8180)"
    )
    parser.add_argument(
        "--proxy-port",
        type=int,
        default=int(os.environ.get("EDITOR_PROXY_PORT", "8181")),
        help="decap-server (Standard: 8181)",
    )
    args = parser.parse_args(argv)
    proxy, server = start(args.repo, args.host, args.port, args.proxy_port)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    target = args.repo.resolve() / "offers_db" / "offers"
    print(f"Angebots-Formular: http://{args.host}:{args.port}/  (schreibt in {target})")
    print("Nach dem Speichern: lotse offers validate && lotse offers sync. Beenden mit Strg+C.", flush=True)
    try:
        while not done.is_set() and proxy.poll() is None:
            done.wait(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        stop(proxy, server)
    return 0 if proxy.returncode in (None, 0, -signal.SIGTERM) else 1


if __name__ == "__main__":
    sys.exit(main())
