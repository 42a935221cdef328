"""The page and its static files are sent from memory after the first time, keyed on all they depend on."""
import asyncio
import gzip

import brotli

from demo.page_cache import PageCache, cache_key


def scope(path="/", query=b"", method="GET", **headers):
    return {"type": "http", "method": method, "path": path, "query_string": query, "root_path": "",
            "headers": [(name.replace("_", "-").encode(), value.encode()) for name, value in headers.items()]}


class CountingApp:
    """An ASGI app answering with its call count, and 404 for /missing."""

    def __init__(self):
        self.calls = 0

    async def __call__(self, scope, receive, send):
        self.calls += 1
        status = 404 if scope["path"] == "/missing" else 200
        kind = b"text/javascript" if scope["path"].endswith(".js") else b"text/html; charset=utf-8"
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", kind), (b"content-length", b"8")]})
        await send({"type": "http.response.body", "body": f"answer {self.calls}".encode(), "more_body": False})


def get(cache, request, headers: dict | None = None) -> bytes:
    sent = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request"}
    asyncio.run(cache(request, receive, send))
    assert sent[0]["status"] in (200, 404)
    if headers is not None:
        headers.update(sent[0]["headers"])
    return b"".join(message.get("body", b"") for message in sent[1:])


def test_a_page_or_file_asked_again_is_answered_from_memory():
    app = CountingApp()
    cache = PageCache(app)
    assert get(cache, scope("/", host="lab.example")) == b"answer 1"
    # Slides' parameters are read in the browser: the same page.
    assert get(cache, scope("/", b"tab=pca&lang=es", host="lab.example")) == b"answer 1"
    assert get(cache, scope("/assets/index-abc.js", accept_encoding="br")) == b"answer 2"
    assert get(cache, scope("/assets/index-abc.js", accept_encoding="br")) == b"answer 2"
    assert app.calls == 2 and cache.hits == 2


def test_what_the_response_depends_on_makes_a_new_entry():
    app = CountingApp()
    cache = PageCache(app)
    get(cache, scope("/", host="lab.example"))
    assert get(cache, scope("/", host="other.example")) == b"answer 2"                  # another root URL
    assert get(cache, scope("/", host="lab.example", x_forwarded_proto="https")) == b"answer 3"
    assert get(cache, scope("/", b"deep_link=x1", host="lab.example")) == b"answer 4"  # Gradio reads this one
    assert get(cache, scope("/assets/a.js", accept_encoding="br")) != get(cache, scope("/assets/a.js"))


def test_requests_that_must_reach_the_app_always_do():
    app = CountingApp()
    cache = PageCache(app)
    for _ in range(2):
        get(cache, scope("/gradio_api/queue/join", method="POST"))
        get(cache, scope("/gradio_api/file=/tmp/x.png"))
        get(cache, scope("/missing"))
    assert app.calls == 6 and cache.hits == 0
    assert cache_key(scope("/config")) is None


def test_the_page_is_kept_compressed_as_the_browser_accepts():
    cache = PageCache(CountingApp())
    for accepted, encoding, decompress in (("gzip, deflate, br, zstd", b"br", brotli.decompress),
                                           ("gzip", b"gzip", gzip.decompress), ("identity", None, bytes)):
        first = get(cache, scope("/", accept_encoding=accepted))   # the first is sent as the app sent it
        headers = {}
        body = get(cache, scope("/", accept_encoding=accepted), headers)
        assert decompress(body) == first and headers.get(b"content-encoding") == encoding
        assert headers[b"content-length"] == str(len(body)).encode()
    headers = {}
    assert get(cache, scope("/assets/a.js", accept_encoding="br"), headers) == b"answer 4"   # Gradio's to do
    assert b"content-encoding" not in headers
