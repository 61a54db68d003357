"""A stand-in for Slack and Teams: a threaded HTTP server on 127.0.0.1 that records every
request and answers as told (200 "ok" by default, any status, or not at all).

    with Receiver() as receiver:
        receiver.answer(500, "boom")       # the next requests get this...
        receiver.hang()                    # ...or no answer until the test ends
        receiver.url("/hook")              # http://127.0.0.1:<port>/hook
        receiver.requests                  # [Recorded(path, headers, body, json), ...]
"""

import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self):
        return json.loads(self.body)


class Receiver:
    def __init__(self):
        self.requests: list[Recorded] = []
        self._answers: list[tuple[int, str]] = []  # queued answers, then the default
        self._default = (200, "ok")
        self._hanging = False
        self._release = threading.Event()
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                with receiver._lock:
                    receiver.requests.append(
                        Recorded("POST", self.path, dict(self.headers.items()), body)
                    )
                    hanging = receiver._hanging
                    status, text = (
                        receiver._answers.pop(0) if receiver._answers else receiver._default
                    )
                if hanging:
                    receiver._release.wait(30)
                    return  # the client has given up by now
                data = text.encode()
                self.send_response(status)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format, *args):
                pass  # quiet test output

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> "Receiver":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def url(self, path: str = "/hook") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def answer(self, status: int, text: str = "", *, times: int = 1) -> None:
        """The next `times` requests get `status` with `text`; later ones the default."""
        with self._lock:
            self._answers += [(status, text)] * times

    def always(self, status: int, text: str = "") -> None:
        with self._lock:
            self._default = (status, text)

    def hang(self, on: bool = True) -> None:
        """Read requests but never answer them (until `hang(False)` or the end)."""
        with self._lock:
            self._hanging = on
            if not on:
                self._release.set()
