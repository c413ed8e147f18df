"""Logging in and out, and the start page of each role."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from lpo_review.web.app import Call, route, workspace
from lpo_review.web.security import (
    LOGIN_COOKIE,
    MAX_ADDRESS_FAILURES,
    MAX_USER_FAILURES,
    SESSION_COOKIE,
)
from lpo_review.web.users import ROLES, authenticate

HOME = {"attorney": "/queue", "reviewer": "/queue", "qa": "/qa", "vendor": "/vendor"}


def _cookie(response: Response, request: Request, name: str, value: str,
            max_age: int | None = None) -> None:
    response.set_cookie(name, value, max_age=max_age, path="/", httponly=True,
                        samesite="strict", secure=request.url.scheme == "https")


def _login_form(request: Request, error: str = "", status: int = 200,
                name: str = "") -> Response:
    web = workspace(request)
    token, cookie = web.sessions.login_token()
    response = web.templates.TemplateResponse(
        request, "login.html", {"error": error, "login_token": token, "name": name,
                                "user": None, "csrf_token": ""}, status_code=status)
    _cookie(response, request, LOGIN_COOKIE, cookie, max_age=3600)
    return response


async def login_page(request: Request) -> Response:
    return _login_form(request)


def _login(request: Request, name: str, password: str, token: str) -> Response:
    web = workspace(request)
    if not web.sessions.check_login_token(request.cookies.get(LOGIN_COOKIE), token):
        return _login_form(request, "The form expired or was not sent from this page; "
                           "try again.", 403)
    address = request.client.host if request.client else "unknown"
    keys = (f"user:{name.casefold()}", f"addr:{address}")
    wait = web.throttle.blocked((keys[0], MAX_USER_FAILURES), (keys[1], MAX_ADDRESS_FAILURES))
    if wait:
        response = _login_form(request, f"Too many failed attempts; try again in {wait // 60 + 1}"
                               " minute(s).", 429, name)
        response.headers["retry-after"] = str(wait)
        return response
    user = authenticate(web.db, name, password)
    if user is None:
        web.throttle.fail(*keys)
        web.audit.append("web", "web_login_refused", [], {"user": name[:64]})
        return _login_form(request, "Unknown user or wrong password.", 401, name)
    web.throttle.clear(keys[0])
    session, cookie = web.sessions.start(user.name)
    web.audit.append(user.name, "web_login", [], {"role": user.role})
    response = RedirectResponse(HOME.get(user.role, "/"), status_code=303)
    _cookie(response, request, SESSION_COOKIE, cookie)
    response.delete_cookie(LOGIN_COOKIE, path="/")
    return response


async def login_submit(request: Request) -> Response:
    form = await request.form(max_files=0, max_fields=10)
    values = {k: form.get(k) for k in ("name", "password", "login_token")}
    name, password, token = (v if isinstance(v, str) else "" for v in values.values())
    return await run_in_threadpool(_login, request, name.strip()[:64], password[:1024], token)


@route(*ROLES)
def home(call: Call) -> Response:
    return RedirectResponse(HOME.get(call.user.role, "/login"), status_code=303)


@route(*ROLES)
def logout(call: Call) -> Response:
    call.web.sessions.end(call.session)
    call.web.audit.append(call.user.name, "web_logout", [], {})
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


ROUTES = [
    Route("/", home),
    Route("/login", login_page, methods=["GET"]),
    Route("/login", login_submit, methods=["POST"]),
    Route("/logout", logout, methods=["POST"]),
]
