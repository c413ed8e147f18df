"""HTML rendering of a packet: one self-contained page, redactions visibly marked."""

from __future__ import annotations

from html import escape

from lpo_review.hookspecs import hookimpl
from lpo_review.model import Packet
from lpo_review.packets.render import Audience, Renderer
from lpo_review.packets.view import PacketView, Table, build_view

_STYLE = """
body{font-family:Georgia,serif;max-width:60em;margin:2em auto;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em;width:100%}
td,th{border:1px solid #999;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#eee}
pre{white-space:pre-wrap;font-size:.85em;background:#fafafa;border:1px solid #ddd;padding:1em}
mark{background:#ffe066;color:#800;font-weight:bold}
.notice{border-left:4px solid #c00;padding-left:1em}
"""


def _table(table: Table) -> str:
    head = "".join(f"<th>{escape(c)}</th>" for c in table.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>" for row in table.rows
    ) or f'<tr><td colspan="{len(table.columns)}">None.</td></tr>'
    notes = "".join(f"<li>{escape(n)}</li>" for n in table.notes)
    return (f"<h2>{escape(table.title)}</h2><table><tr>{head}</tr>{body}</table>"
            + (f"<ul>{notes}</ul>" if notes else ""))


def render_html(view: PacketView) -> str:
    info = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in view.info)
    text = "".join(
        f'<mark title="{escape(s.entity_type)}">{escape(s.text)}</mark>' if s.entity_type
        else escape(s.text)
        for s in view.segments
    )
    sign = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v) or '&nbsp;'}</td></tr>"
                   for k, v in view.signoff)
    sign_block = f"<h2>Attorney sign-off</h2><table>{sign}</table>" if sign else ""
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(view.title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(view.title)}</h1><table>{info}</table>"
        '<p class="notice">Draft work product pending attorney review. Nothing in this packet '
        "is legal advice or final until an attorney signs it off.</p>"
        + "".join(_table(t) for t in view.tables)
        + f"<h2>Redacted text</h2><pre>{text}</pre>{sign_block}</body></html>\n"
    )


class HtmlRenderer(Renderer):
    name = "html"
    suffix = ".html"

    def render(self, packet: Packet, audience: Audience = "attorney") -> bytes:
        return render_html(build_view(packet, audience)).encode("utf-8")


@hookimpl
def lpo_review_renderers(config):
    return [HtmlRenderer()]
