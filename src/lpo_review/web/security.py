"""Sessions, CSRF tokens, login throttling and the security headers of every response.

* **Sessions** live server-side in SQLite (the token's SHA-256, its user, its CSRF token,
  when it began and was last used); the cookie holds the random token signed with
  itsdangerous (HttpOnly, SameSite=Strict, Path=/, Secure over HTTPS).  Idle sessions end
  after 30 minutes, any session after 12 hours; logging out deletes it.
* **CSRF**: every form carries the session's token (synchronizer pattern); the login form,
  before any session, a token bound to a signed pre-login cookie (double submit).  A POST
  whose token is missing or wrong, or whose ``Origin`` is another site, is refused (403).
* **Throttling**: 5 failed logins for a user name, or 20 from one address, within 15 minutes
  refuse further attempts (429) until the window passes; the passphrase asked for signing is
  throttled the same way.
* **Headers**: a strict Content-Security-Policy (no scripts at all, styles and images from
  this origin only, forms only to this origin, no framing), ``no-store`` caching,
  ``nosniff``, referrers only to this origin (with none at all a browser sends
  ``Origin: null`` on its own forms).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from itsdangerous import BadSignature, TimestampSigner
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lpo_review.web.db import WebDB

SESSION_COOKIE = "lpo_session"
LOGIN_COOKIE = "lpo_login"
IDLE_SECONDS = 30 * 60
MAX_SECONDS = 12 * 3600
THROTTLE_WINDOW = 15 * 60
MAX_USER_FAILURES = 5
MAX_ADDRESS_FAILURES = 20

CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cache-control": "no-store",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Session:
    token: str
    user: str
    csrf: str


class Sessions:
    """Server-side sessions and the signer of their cookies."""

    def __init__(self, db: WebDB):
        self.db = db
        secret = db.setting("cookie_secret", secrets.token_bytes(32))
        self.signer = TimestampSigner(secret, salt="lpo-review-session")
        self.login_signer = TimestampSigner(secret, salt="lpo-review-login")

    def start(self, user: str) -> tuple[Session, str]:
        """A new session for ``user``, and the signed cookie value carrying it."""
        token, csrf, now = secrets.token_urlsafe(32), secrets.token_urlsafe(32), time.time()
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM sessions WHERE seen < ? OR created < ?",
                         (now - IDLE_SECONDS, now - MAX_SECONDS))
            conn.execute("INSERT INTO sessions VALUES (?, ?, ?, ?, ?)",
                         (_digest(token), user, csrf, now, now))
        return Session(token, user, csrf), self.signer.sign(token).decode()

    def lookup(self, cookie: str | None) -> Session | None:
        """The live session a cookie names (its last use is updated), else None."""
        if not cookie:
            return None
        try:
            token = self.signer.unsign(cookie, max_age=MAX_SECONDS).decode()
        except BadSignature:
            return None
        now = time.time()
        with self.db.connect() as conn:
            row = conn.execute("SELECT user, csrf, created, seen FROM sessions "
                               "WHERE token_hash = ?", (_digest(token),)).fetchone()
            if row is None:
                return None
            if row["seen"] < now - IDLE_SECONDS or row["created"] < now - MAX_SECONDS:
                conn.execute("DELETE FROM sessions WHERE token_hash = ?", (_digest(token),))
                return None
            conn.execute("UPDATE sessions SET seen = ? WHERE token_hash = ?",
                         (now, _digest(token)))
        return Session(token, row["user"], row["csrf"])

    def end(self, session: Session) -> None:
        with self.db.connect() as conn:
            conn.execute("DELETE FROM sessions WHERE token_hash = ?", (_digest(session.token),))

    def login_token(self) -> tuple[str, str]:
        """(form token, signed cookie value) for a login form."""
        token = secrets.token_urlsafe(32)
        return token, self.login_signer.sign(token).decode()

    def check_login_token(self, cookie: str | None, form_token: str) -> bool:
        if not cookie or not form_token:
            return False
        try:
            token = self.login_signer.unsign(cookie, max_age=3600).decode()
        except BadSignature:
            return False
        return hmac.compare_digest(token, form_token)


def csrf_ok(session: Session, form_token: object) -> bool:
    """True when a form's token is the session's."""
    return isinstance(form_token, str) and hmac.compare_digest(session.csrf, form_token)


class Throttle:
    """Failed attempts per key (``user:NAME``, ``addr:IP``, ``sign:NAME``) in a time window."""

    def __init__(self, db: WebDB):
        self.db = db

    def blocked(self, *keys_and_limits: tuple[str, int]) -> int:
        """Seconds to wait if any key reached its limit in the window, else 0."""
        now = time.time()
        wait = 0
        with self.db.connect() as conn:
            for key, limit in keys_and_limits:
                rows = conn.execute(
                    "SELECT at FROM login_failures WHERE key = ? AND at > ? ORDER BY at",
                    (key, now - THROTTLE_WINDOW)).fetchall()
                if len(rows) >= limit:
                    wait = max(wait, int(rows[-limit][0] + THROTTLE_WINDOW - now) + 1)
        return wait

    def fail(self, *keys: str) -> None:
        now = time.time()
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM login_failures WHERE at < ?", (now - THROTTLE_WINDOW,))
            conn.executemany("INSERT INTO login_failures VALUES (?, ?)", [(k, now) for k in keys])

    def clear(self, key: str) -> None:
        with self.db.connect() as conn:
            conn.execute("DELETE FROM login_failures WHERE key = ?", (key,))


class SecurityHeaders:
    """ASGI middleware adding :data:`HEADERS` to every HTTP response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)
