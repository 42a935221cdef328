"""GET /lesson/room?code=…: a room's step as JSON ({lesson, step, revealed, version}), which a following
student's page polls every second. It answers in front of Gradio, with no event, queue or session: 60 pages
polling cost the server a dictionary read each, and only a change of step costs an event (the page's sync).
"""
from __future__ import annotations

import json
from urllib.parse import parse_qs

from demo.page_cache import in_front
from demo.rooms import ROOMS, RoomError

ROUTE = "/lesson/room"


class RoomStatus:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].endswith(ROUTE):
            return await self.app(scope, receive, send)
        code = parse_qs(scope["query_string"].decode("latin-1")).get("code", [""])[0][:16]
        client = (scope.get("client") or ("", 0))[0] or "unknown"
        try:
            status, body = 200, ROOMS.status(code, client)
        except RoomError as error:
            status, body = 429 if error.key == "too_many_tries" else 404, {"error": error.key}
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"cache-control", b"no-store")]})
        await send({"type": "http.response.body", "body": json.dumps(body).encode()})


def serve_room_status(app) -> None:
    """Put the route in front of a running Starlette/FastAPI app's middleware (Gradio's `demo.app`)."""
    in_front(app, RoomStatus)


# The page's side: poll the joined room while "Follow the lecturer" is ticked, and ask the server for the
# room's step (the hidden sync button) whenever its version changes.
FOLLOW_JS = """
() => {
  if (new URLSearchParams(location.search).has("lecturer")) document.body.classList.add("lecturer-page");
  let seen = null;
  const value = (id) => (document.querySelector(`#${id} textarea, #${id} input`) || {}).value || "";
  setInterval(async () => {
    const code = value("room_joined").trim();
    const follow = document.querySelector("#room_follow input")?.checked;
    if (!code || !follow) { seen = null; return; }
    try {
      const base = location.pathname.endsWith("/") ? location.pathname : location.pathname + "/";
      const response = await fetch(`${base}lesson/room?code=${encodeURIComponent(code)}`, {cache: "no-store"});
      if (!response.ok) return;
      const room = await response.json();
      const version = `${code}:${room.version}`;
      if (version !== seen) { seen = version; document.querySelector("#room_sync")?.click(); }
    } catch (error) { /* the next tick tries again */ }
  }, 1000);
}
"""
