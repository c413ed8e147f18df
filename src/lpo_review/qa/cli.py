"""``lpo-review qa``: QA sampling audits of a vendor's approved work.

Exit codes: 0 ok; 1 refused (reason on stderr); 2 usage error.
"""

from __future__ import annotations

from pathlib import Path

import click

from lpo_review.cli.common import refusals
from lpo_review.qa.plan import CATEGORIES
from lpo_review.qa.record import record_result
from lpo_review.qa.report import build_report, write_report
from lpo_review.qa.sample import check_period, draw_sample, sample_path

_existing_dir = click.Path(exists=True, file_okay=False, path_type=Path)
_rate = click.FloatRange(0.0, 1.0, min_open=True, max_open=True)


def _period(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return check_period(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.group()
def qa() -> None:
    """QA sampling audits: draw a sample, record findings, report defect rates."""


@qa.command("sample")
@click.argument("out_dir", type=_existing_dir)
@click.option("--vendor", required=True, help="Vendor whose approved work is sampled.")
@click.option("--defect-rate", required=True, type=_rate,
              help="Defect rate the sample must detect (e.g. 0.05).")
@click.option("--confidence", default=0.95, show_default=True, type=_rate,
              help="Probability of seeing at least one defect at that rate.")
@click.option("--seed", type=click.IntRange(min=0), help="Seed of the draw (default: random).")
@click.option("--period", callback=_period, help="Only work received in this month (YYYY-MM).")
@click.option("--reviewer", help="The second reviewer the sample is for.")
@click.option("--actor", help="Who is acting (default: $LPO_REVIEW_ACTOR or login).")
def sample_command(out_dir: Path, vendor: str, defect_rate: float, confidence: float,
                   seed: int | None, period: str | None, reviewer: str | None,
                   actor: str | None) -> None:
    """Draw a reproducible random sample of VENDOR's approved work in OUT_DIR."""
    with refusals():
        sample = draw_sample(out_dir, vendor, defect_rate, confidence, seed=seed,
                             reviewer=reviewer, actor=actor, period=period)
    n = len(sample.items)
    short = " (the whole population)" if n < sample.plan_size else ""
    click.echo(
        f"{sample.sample_id}: {n} of {sample.population} approved item(s) of {sample.vendor}"
        f"{short}; plan {sample.plan_size} to see a defect at rate {defect_rate:g} with "
        f"{confidence:.0%} probability; seed {sample.seed}"
    )
    for item in sample.items:
        click.echo(f"  {item.work_id}")
    click.echo(f"written to {sample_path(out_dir, sample.sample_id)}")


@qa.command("record")
@click.argument("out_dir", type=_existing_dir)
@click.argument("sample_id")
@click.argument("work_id")
@click.option("--category", "categories", multiple=True,
              help=f"A defect found (repeatable): {', '.join(CATEGORIES)}. None: no defect.")
@click.option("--note", default="", help="The QA reviewer's note on the defect(s).")
@click.option("--reviewer", required=True, help="The QA reviewer's name.")
@click.option("--actor", help="Who is acting (default: $LPO_REVIEW_ACTOR or login).")
def record_command(out_dir: Path, sample_id: str, work_id: str, categories: tuple[str, ...],
                   note: str, reviewer: str, actor: str | None) -> None:
    """Record the QA result on WORK_ID of SAMPLE_ID."""
    with refusals():
        item = record_result(out_dir, sample_id, work_id, categories=list(categories),
                             note=note, reviewer=reviewer, actor=actor)
    found = ", ".join(dict.fromkeys(categories)) or "no defect"
    click.echo(f"{sample_id} {work_id}: checked by {reviewer}: {found} "
               f"({len(item.defects)} defect(s) recorded)")


@qa.command("report")
@click.argument("out_dir", type=_existing_dir)
@click.option("--to", "to_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for qa-report.json, .html and .docx.")
@click.option("--vendor", help="Only this vendor.")
@click.option("--acceptable-rate", type=_rate,
              help="Acceptable defect rate (default: the rate the samples were planned for).")
def report_command(out_dir: Path, to_dir: Path, vendor: str | None,
                   acceptable_rate: float | None) -> None:
    """Each vendor's defect rate with 95% intervals, trend and decision."""
    with refusals():
        report = build_report(out_dir, vendor=vendor, acceptable_rate=acceptable_rate)
        paths = write_report(report, to_dir)
    for v in report.vendors:
        if v.wilson is None:
            click.echo(f"{v.vendor}: nothing checked yet; {v.decision}")
            continue
        click.echo(
            f"{v.vendor}: {v.items_defective} of {v.items_checked} checked with a defect "
            f"({v.defect_rate:.1%}; 95% Wilson {v.wilson.low:.1%}-{v.wilson.high:.1%}); "
            f"acceptable {v.acceptable_rate:.1%}: {v.decision}"
        )
    for path in paths:
        click.echo(f"written {path}")
