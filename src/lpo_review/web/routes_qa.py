"""The QA reviewer's pages: the return leg's QA samples, recording each item's result, the
work product under check, and the QA report (defect rates, intervals, decision).

Samples are drawn with ``lpo-review qa sample``; results go through
:func:`lpo_review.qa.record.record_result` (audited ``qa_result``) and the report through
:func:`lpo_review.qa.report.build_report`, as on the command line.
"""

from __future__ import annotations

from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from lpo_review.errors import LpoReviewError
from lpo_review.qa.plan import CATEGORIES, category_label
from lpo_review.qa.record import record_result
from lpo_review.qa.report import build_report
from lpo_review.qa.sample import list_samples, read_sample
from lpo_review.returns.store import read_work
from lpo_review.web.app import Call, route


def _not_found(call: Call, message: str) -> Response:
    return call.render("error.html", 404, status=404, message=message)


@route("qa")
def samples_page(call: Call) -> Response:
    return call.render("qa_samples.html", samples=list_samples(call.web.out_dir))


@route("qa")
def sample_page(call: Call) -> Response:
    try:
        sample = read_sample(call.web.out_dir, call.request.path_params["sample_id"])
    except LpoReviewError:
        return _not_found(call, "No such QA sample.")
    return call.render("qa_sample.html", sample=sample,
                       categories=[(c, category_label(c)) for c in CATEGORIES], error="",
                       done=call.request.query_params.get("done", ""))


@route("qa")
def record_page(call: Call) -> Response:
    sample_id = call.request.path_params["sample_id"]
    form = call.form
    categories = [c for c in (form.getlist("category") if form is not None else [])
                  if isinstance(c, str)]
    try:
        record_result(call.web.out_dir, sample_id, call.field("work_id"),
                      categories=categories, note=call.field("note")[:2000],
                      reviewer=call.user.name, actor=call.user.name)
    except LpoReviewError as exc:
        try:
            sample = read_sample(call.web.out_dir, sample_id)
        except LpoReviewError:
            return _not_found(call, "No such QA sample.")
        return call.render("qa_sample.html", 409, sample=sample,
                           categories=[(c, category_label(c)) for c in CATEGORIES],
                           error=f"Refused: {exc}", done="")
    return RedirectResponse(f"/qa/samples/{sample_id}?done=recorded", status_code=303)


@route("qa")
def work_page(call: Call) -> Response:
    try:
        work = read_work(call.web.out_dir, call.request.path_params["work_id"])
    except LpoReviewError:
        return _not_found(call, "No such work product.")
    in_sample = any(item.work_id == work.work_id
                    for s in list_samples(call.web.out_dir) for item in s.items)
    if not in_sample:
        return _not_found(call, "This work product is in no QA sample.")
    call.web.audit.append(call.user.name, "web_view", [],
                          {"work": work.work_id, "role": call.user.role})
    return call.render("qa_work.html", work=work)


@route("qa")
def report_page(call: Call) -> Response:
    if not list_samples(call.web.out_dir):
        return call.render("qa_report.html", report=None)
    try:
        report = build_report(call.web.out_dir)
    except (LpoReviewError, ValueError) as exc:
        return call.render("error.html", 409, status=409, message=f"No report: {exc}")
    return call.render("qa_report.html", report=report)


ROUTES = [
    Route("/qa", samples_page, methods=["GET"]),
    Route("/qa/report", report_page, methods=["GET"]),
    Route("/qa/samples/{sample_id}", sample_page, methods=["GET"]),
    Route("/qa/samples/{sample_id}/record", record_page, methods=["POST"]),
    Route("/qa/work/{work_id}", work_page, methods=["GET"]),
]
