"""The web application: settings, access rules, templates, and the routes of every role.

Every route but ``/login`` and the style sheet goes through :func:`route`, which finds the
session, refuses a user whose role may not use the route (403), and for a POST checks the
``Origin`` and the form's CSRF token before the handler runs (403).  Handlers run in a worker
thread (they read files, hash passwords and sign).
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from lpo_review.confidential.audit import AuditLog
from lpo_review.confidential.vendors import Matter, load_matter
from lpo_review.config import Config
from lpo_review.web.db import WebDB
from lpo_review.web.index import PacketIndex
from lpo_review.web.security import (
    SESSION_COOKIE,
    SecurityHeaders,
    Session,
    Sessions,
    Throttle,
    csrf_ok,
)
from lpo_review.web.users import User, get_user

HERE = Path(__file__).resolve().parent
#: Largest request body accepted for an upload (a sealed return package).
MAX_UPLOAD = 64 * 1024 * 1024


@dataclass
class WebSettings:
    """What ``lpo-review serve`` was started with."""

    out_dir: Path
    db: WebDB
    config_path: Path | None = None
    vault_key: bytes | None = None
    """Enables revealing originals (firm roles); None: reveal is unavailable."""
    firm_key: X25519PrivateKey | None = None
    """Enables importing a vendor's uploaded return at once; None: it waits in the inbox."""


@dataclass
class Workspace:
    """The application's shared state (``request.app.state.web``)."""

    settings: WebSettings
    config: Config
    matter: Matter
    index: PacketIndex
    sessions: Sessions
    throttle: Throttle
    templates: Jinja2Templates
    audit: AuditLog = field(init=False)

    def __post_init__(self) -> None:
        self.audit = AuditLog.for_matter(self.settings.out_dir)

    @property
    def out_dir(self) -> Path:
        return self.settings.out_dir

    @property
    def db(self) -> WebDB:
        return self.settings.db


@dataclass
class Call:
    """One authorised request as a handler sees it."""

    request: Request
    user: User
    session: Session
    web: Workspace
    form: FormData | None = None

    def render(self, template: str, status_code: int = 200, **context: Any) -> Response:
        context.setdefault("user", self.user)
        context.setdefault("csrf_token", self.session.csrf)
        return self.web.templates.TemplateResponse(self.request, template, context,
                                                   status_code=status_code)

    def field(self, name: str) -> str:
        value = self.form.get(name) if self.form is not None else None
        return value if isinstance(value, str) else ""


def workspace(request: Request) -> Workspace:
    web: Workspace = request.app.state.web
    return web


def error_page(request: Request, status: int, message: str,
               user: User | None = None, csrf: str = "") -> Response:
    return workspace(request).templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message, "user": user,
                                "csrf_token": csrf}, status_code=status)


def same_origin(request: Request) -> bool:
    """A POST's ``Origin`` (when the browser sends one) must be this server."""
    if request.headers.get("sec-fetch-site") == "cross-site":
        return False
    origin = request.headers.get("origin")
    if origin is None:
        return True
    host = request.headers.get("host", "")
    return origin in (f"http://{host}", f"https://{host}")


Handler = Callable[[Call], Response]


def route(*roles: str) -> Callable[[Handler], Callable[[Request], Awaitable[Response]]]:
    """Wrap a handler: session required, role in ``roles``, CSRF-checked forms on POST."""

    def wrap(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        @functools.wraps(handler)
        async def endpoint(request: Request) -> Response:
            web = workspace(request)
            session = await run_in_threadpool(web.sessions.lookup,
                                              request.cookies.get(SESSION_COOKIE))
            user = await run_in_threadpool(get_user, web.db, session.user) if session else None
            if session is None or user is None:
                if request.method == "GET":
                    return RedirectResponse("/login", status_code=303)
                return error_page(request, 403, "Your session has ended; log in again.")
            if user.role not in roles:
                return error_page(request, 403, "Your role may not open this page.", user,
                                  session.csrf)
            form = None
            if request.method == "POST":
                if not same_origin(request):
                    return error_page(request, 403, "Cross-site form refused.", user,
                                      session.csrf)
                length = request.headers.get("content-length")
                if length is not None and length.isdigit() and int(length) > MAX_UPLOAD:
                    return error_page(request, 413, "Upload too large.", user, session.csrf)
                form = await request.form(max_files=1, max_fields=50)
                if not csrf_ok(session, form.get("csrf_token")):
                    await form.close()
                    return error_page(request, 403, "Missing or invalid CSRF token; reload the "
                                      "page and try again.", user, session.csrf)
            call = Call(request, user, session, web, form)
            try:
                return await run_in_threadpool(handler, call)
            finally:
                if form is not None:
                    await form.close()

        endpoint.lpo_roles = roles  # type: ignore[attr-defined]
        return endpoint

    return wrap


def create_app(settings: WebSettings) -> Starlette:
    """The ASGI application serving one matter folder."""
    from lpo_review.web import routes_auth, routes_firm, routes_qa, routes_vendor

    config = Config.load(settings.config_path)
    env = jinja2.Environment(loader=jinja2.PackageLoader("lpo_review.web", "templates"),
                             autoescape=True, undefined=jinja2.StrictUndefined)
    templates = Jinja2Templates(env=env)
    matter = load_matter(settings.config_path)
    index = PacketIndex(settings.db, settings.out_dir, matter)
    index.refresh(force=True, recheck_decisions=True)
    web = Workspace(settings, config, matter, index,
                    Sessions(settings.db), Throttle(settings.db), templates)
    routes: list[BaseRoute] = [
        *routes_auth.ROUTES, *routes_firm.ROUTES, *routes_vendor.ROUTES, *routes_qa.ROUTES,
        Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(routes=routes, middleware=[])
    app.state.web = web
    app.add_middleware(SecurityHeaders)
    return app


def public_routes() -> frozenset[str]:
    """Paths served without a session (tests check every other route is wrapped)."""
    return frozenset({"/login", "/static"})


__all__ = ["Call", "Route", "WebSettings", "Workspace", "create_app", "route"]
