"""The page and its static files, sent from memory after the first time.

A class opening the lab together asks for the same page 30 times, and every browser fetches the same 116
scripts, stylesheets and fonts. Gradio rebuilds the page for each request (its whole configuration, every
file URL in it rewritten for the request's root: 130 ms of CPU), and reads and brotli-compresses each file
again. `cache_pages` wraps the app's outermost ASGI layer, compression included: a GET of the page, of the
theme, or of a file under /assets/ or /static/ (named by content hash, immutable) is answered from memory
once it has been answered with 200 for the same key. The key holds the path and query, the encodings the
browser accepts, and the headers from which Gradio derives the page's root URL; of the page's query only
`deep_link` reaches Gradio's page (slides' ?tab=, ?lang=, ?dataset= are read in the browser).

Gradio compresses only files with a text extension, so the page itself, 626 KB of HTML with its whole
configuration inside, went out raw to every visitor: a quarter of the bytes a page open costs the server
to send. It is stored compressed (brotli, or gzip) when the browser accepts that.
"""
from __future__ import annotations

import gzip
import threading
from urllib.parse import parse_qs

import brotli   # Gradio's own dependency, which compresses its scripts

STATIC_PREFIXES = ("/assets/", "/static/")
PAGES = ("/", "/theme.css")
ROOT_HEADERS = (b"host", b"x-forwarded-host", b"x-forwarded-proto", b"x-gradio-server")
MAX_ENTRIES = 1000   # a page and its ~120 files, in a few encodings and under a few host names


class PageCache:
    """An ASGI layer that keeps the whole response (status, headers, body) of cacheable GETs."""

    def __init__(self, app):
        self.app = app
        self.responses: dict[tuple, tuple[dict, bytes]] = {}
        self.hits = self.misses = 0
        self._lock = threading.Lock()

    async def __call__(self, scope, receive, send):
        key = cache_key(scope)
        if key is None:
            return await self.app(scope, receive, send)
        stored = self.responses.get(key)
        if stored is not None:
            self.hits += 1
            start, body = stored
            await send(start)
            await send({"type": "http.response.body", "body": body, "more_body": False})
            return
        self.misses += 1
        start, chunks = {}, []

        async def recording_send(message):
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)
        await self.app(scope, receive, recording_send)
        if start.get("status") == 200:
            stored = compressed(start, b"".join(chunks), key[2])
            with self._lock:
                if len(self.responses) >= MAX_ENTRIES:
                    self.responses.clear()
                self.responses[key] = stored


def compressed(start: dict, body: bytes, accepted: bytes) -> tuple[dict, bytes]:
    """A response, compressed as the browser accepts (brotli, else gzip) if it is HTML sent raw."""
    headers = dict(start.get("headers", []))
    if b"content-encoding" in headers or not headers.get(b"content-type", b"").startswith(b"text/html"):
        return start, body
    if b"br" in accepted:
        encoding, body = b"br", brotli.compress(body, quality=5)
    elif b"gzip" in accepted:
        encoding, body = b"gzip", gzip.compress(body, compresslevel=6)
    else:
        return start, body
    kept = [(name, value) for name, value in start["headers"] if name not in (b"content-length", b"vary")]
    return ({**start, "headers": kept + [(b"content-encoding", encoding), (b"vary", b"Accept-Encoding"),
                                         (b"content-length", str(len(body)).encode())]}, body)


def cache_key(scope) -> tuple | None:
    """What a cacheable GET's response depends on, or None for a request that must reach the app."""
    if scope["type"] != "http" or scope["method"] != "GET":
        return None
    path = scope["path"]
    headers = dict(scope["headers"])
    encodings = headers.get(b"accept-encoding", b"")
    if path.startswith(STATIC_PREFIXES):
        return path, scope["query_string"], encodings
    if path not in PAGES:
        return None
    if path == "/":
        query = parse_qs(scope["query_string"].decode("latin-1")).get("deep_link", [])
    else:
        query = scope["query_string"]
    return (path, str(query), encodings, scope.get("root_path", ""),
            *(headers.get(name, b"") for name in ROOT_HEADERS))


def cache_pages(app) -> PageCache:
    """Put a PageCache in front of a running Starlette/FastAPI app's middleware (Gradio's `demo.app`)."""
    return in_front(app, PageCache)


def in_front(app, middleware: type):
    """Put `middleware(inner)` in front of a running Starlette/FastAPI app's middleware stack, once (a second
    call returns the one in place)."""
    stack = app.middleware_stack or app.build_middleware_stack()
    if not isinstance(stack, middleware):
        app.middleware_stack = stack = middleware(stack)
    return stack
