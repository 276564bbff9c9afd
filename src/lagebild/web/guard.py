"""The web app's guards, outside every route: they run before a request's body is read.

    _HostAllowList   answer only to our own host names (DNS rebinding: a page elsewhere whose name
                     points to 127.0.0.1 gets 400, so it cannot read the dossier)
    _Guard           a write to an app without a token: 403; a wrong bearer token: 401; a body over
                     the limit: 413 (by Content-Length, else counted while it streams)
"""

import json
import secrets

WRITE_PATHS = ("/api/articles", "/add")


def _host(scope: dict) -> str:
    """The Host header's name: lower case, without port and trailing dot; an IPv6 literal without brackets."""
    raw = ""
    for k, v in scope.get("headers", ()):
        if k == b"host":
            raw = v.decode("latin-1").strip().lower()
            break
    if raw.startswith("["):
        name = raw[1:raw.find("]")] if "]" in raw else raw
    else:
        name = raw.rsplit(":", 1)[0] if raw.count(":") == 1 else raw
    return name.rstrip(".")


class _HostAllowList:
    """Answer only requests for our own names: a rebound DNS name (evil.example -> 127.0.0.1) gets 400."""

    def __init__(self, app, hosts: list[str]):
        self.app = app
        self.exact = {h.lower().strip("[]").rstrip(".") for h in hosts if not h.startswith("*.")}
        self.suffixes = tuple(h[1:].lower() for h in hosts if h.startswith("*."))

    async def __call__(self, scope, receive, send):
        if scope["type"] in ("http", "websocket"):
            name = _host(scope)
            if not (name in self.exact or (self.suffixes and name.endswith(self.suffixes))):
                await _plain(send, 400, "host not allowed: start the app with --allow-host NAME to serve a name "
                                        "other than localhost")
                return
        await self.app(scope, receive, send)


class _BodyTooLarge(Exception):
    pass


class _Guard:
    """Before a body is read: a write to an app without a token is refused (403), a wrong bearer token (401),
    a body over the limit (413, by Content-Length, else counted while it streams)."""

    def __init__(self, app, dossier, max_body: int):
        self.app = app
        self.dossier = dossier
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", ())}
        if scope["path"] in WRITE_PATHS:
            if self.dossier.token is None:
                await _plain(send, 403, "adding articles is disabled: start the app with a token "
                                        "(LAGEBILD_TOKEN, --token-file)", json_=scope["path"].startswith("/api/"))
                return
            auth = headers.get("authorization", "")
            if auth.lower().startswith("bearer ") and not secrets.compare_digest(
                    auth[7:].strip().encode(), self.dossier.token.encode()):
                await _plain(send, 401, "a valid token is required", json_=scope["path"].startswith("/api/"))
                return
        try:
            length = int(headers.get("content-length", "0") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > self.max_body:
            await _plain(send, 413 if length > 0 else 400, f"request body over the limit of "
                                                           f"{self.max_body / 2**20:.0f} MB" if length > 0
                         else "bad Content-Length", json_=scope["path"].startswith("/api/"))
            return
        seen = 0
        started = too_large = False
        api = scope["path"].startswith("/api/")

        async def counted():
            nonlocal seen, too_large
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    too_large = True
                    raise _BodyTooLarge()
            return message

        async def tracked(message):
            nonlocal started
            if too_large:   # the app answered the aborted read its own way (400): the answer is 413
                if message["type"] == "http.response.start" and not started:
                    started = True
                    await _plain(send, 413, f"request body over the limit of {self.max_body / 2**20:.0f} MB", json_=api)
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except _BodyTooLarge:
            if not started:
                await _plain(send, 413, f"request body over the limit of {self.max_body / 2**20:.0f} MB",
                             json_=scope["path"].startswith("/api/"))


async def _plain(send, status: int, detail: str, json_: bool = True) -> None:
    body = json.dumps({"detail": detail}).encode() if json_ else detail.encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json" if json_ else b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})



__all__ = ["_HostAllowList", "_Guard", "WRITE_PATHS"]
