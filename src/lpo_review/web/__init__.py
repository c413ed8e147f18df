"""The web review workspace (``lpo-review serve``): a queue, the packet, its findings, a
decision, the privilege decision, for attorneys, firm reviewers, QA reviewers and vendors.

Server-rendered pages (Starlette + Jinja2, no JavaScript) over the same packets, vault,
signatures and audit log as the command line.  Needs the ``web`` extra
(``pip install 'lpo-review[web]'``); nothing here is imported by ``import lpo_review``.

Modules: :mod:`.db` (the SQLite file of users, sessions and the packet index),
:mod:`.users` (passwords, roles, the attorney's sealed signing key), :mod:`.index` (the
queue), :mod:`.security` (sessions, CSRF, throttling, headers), :mod:`.app` (the application
and its access rules), :mod:`.routes_firm`, :mod:`.routes_vendor`, :mod:`.routes_qa`.
"""
