"""``claimdesk eval DATASET``: measure an engine on the gold set or public stance data."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

from assistant import Assistant, config, settings
from assistant.cli import eval_runs
from assistant.cli.helptext import add_command
from assistant.cli.options import positive_int as _positive
from assistant.cli.options import write_output
from assistant.cli.output import check_writable
from assistant.errors import ConfigurationError, InputError
from assistant.evals import fnc1, saved_runs
from assistant.evals.cache import CachedModel
from assistant.evals.compare import Comparison, check_comparable, compare, load_report
from assistant.evals.engines import engines_for
from assistant.evals.evaluate import EvalRequest, evaluate
from assistant.evals.junit import junit_xml
from assistant.evals.locations import data_path
from assistant.evals.metering import MeteredModel
from assistant.evals.progress import ProgressBar
from assistant.evals.records import EvalReport
from assistant.evals.report_html import html_report
from assistant.evals.report_md import markdown
from assistant.evals.suites import SUITES, RunOptions, Selection
from assistant.evals.thresholds import Threshold, failure_line, gate_results
from assistant.models.base import Model

LABELLED = ("gold", "fnc1", "emergent")
# Documents whose claims the eval remembers: pairs run grouped by document, so only the few
# in flight are asked about again (remembering all 1,683 FNC-1 bodies cost ~50 MB)
EVAL_MEMORY = 64
RUNS = "runs"


def _share(text: str) -> float:
    try:
        number = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return number


EXAMPLES = [
    ("claimdesk eval gold --model offline", "scores on the gold set"),
    ("claimdesk eval fnc1 --limit 200 --json run.json", "a stance sample, saved"),
    ("claimdesk eval gold --compare run.json", "what changed since a run"),
]


def add_parser(subparsers: Any) -> None:
    parser = add_command(
        subparsers,
        "eval",
        EXAMPLES,
        help="measure an engine on the gold set, the chat set or public stance data",
        description="Run an engine over an eval data set and report claim, status, sourcing and "
        "cost metrics (see evals/METRICS.md). Prints a Markdown summary; exits 1 when a "
        "threshold fails.",
    )
    parser.add_argument(
        "dataset",
        choices=[*SUITES, RUNS],
        metavar="DATASET",
        help=f"{', '.join(SUITES)}; or '{RUNS}' to list the saved runs",
    )
    parser.add_argument("--data", metavar="PATH", help="data file or folder (defaults per set)")
    parser.add_argument(
        "--split",
        choices=list(fnc1.SPLITS),
        help="fnc1: the published split to read from a folder (default train, else test)",
    )
    parser.add_argument("--model", "-m", help="'offline' or 'openai:NAME' (env CLAIMDESK_MODEL)")
    parser.add_argument("--base-url", help="OpenAI-compatible server URL (env OPENAI_BASE_URL)")
    parser.add_argument("--limit", type=_positive, metavar="N", help="run only the first N items")
    parser.add_argument("--sample", type=_positive, metavar="N", help="a random sample of N items")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="seed for --sample")
    parser.add_argument(
        "--concurrency",
        type=_positive,
        metavar="N",
        help="parallel requests (env CLAIMDESK_CONCURRENCY, config 'concurrency', default 4)",
    )
    parser.add_argument("--json", metavar="OUT", help="write every number and item as JSON")
    parser.add_argument("--report", metavar="OUT.html", help="write a self-contained HTML report")
    parser.add_argument("--junit", metavar="OUT.xml", help="write JUnit XML, one test per item")
    parser.add_argument(
        "--compare",
        metavar="RUN",
        help="show changes since a run: a saved run id, 'last', or a --json file",
    )
    parser.add_argument("--all", action="store_true", help="--compare: list unchanged metrics too")
    parser.add_argument(
        "--min-macro-f1", type=_share, metavar="X", help="exit 1 if status macro-F1 is below X"
    )
    parser.add_argument(
        "--min-denied-recall", type=_share, metavar="X", help="exit 1 if denied recall is below X"
    )
    parser.add_argument(
        "--min-claim-recall",
        type=_share,
        metavar="X",
        help="gold: exit 1 if the share of gold claims found is below X",
    )
    parser.add_argument(
        "--min-answer-accuracy",
        type=_share,
        metavar="X",
        help="chat: exit 1 if answer accuracy is below X",
    )
    parser.add_argument(
        "--min-citation-accuracy",
        type=_share,
        metavar="X",
        help="chat: exit 1 if citation accuracy is below X",
    )
    parser.add_argument("--no-cache", action="store_true", help="ask the model even if cached")
    parser.add_argument("--no-log", action="store_true", help="do not save this run for --compare")
    parser.add_argument(
        "--add",
        metavar="REPORT.json",
        help="with 'runs': file a --json report (a CI artifact, say) among the saved runs",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no notes on stderr")
    parser.set_defaults(handler=run)


def thresholds(args: argparse.Namespace) -> list[Threshold]:
    gates = []
    if args.min_macro_f1 is not None:
        gates.append(Threshold("status.macro_f1", "status macro-F1", args.min_macro_f1))
    if args.min_denied_recall is not None:
        gates.append(Threshold("status.recall.denied", "denied recall", args.min_denied_recall))
    if gates and args.dataset not in LABELLED:
        raise InputError(f"--min-macro-f1/--min-denied-recall do not apply to {args.dataset}")
    return gates + _gold_thresholds(args) + _chat_thresholds(args)


def _gold_thresholds(args: argparse.Namespace) -> list[Threshold]:
    if args.min_claim_recall is None:
        return []
    if args.dataset != "gold":
        raise InputError(f"--min-claim-recall applies to gold, not {args.dataset}")
    return [Threshold("claims.recall", "claim recall", args.min_claim_recall)]


def _chat_thresholds(args: argparse.Namespace) -> list[Threshold]:
    gates = []
    if args.min_answer_accuracy is not None:
        gates.append(Threshold("chat.answer_accuracy", "answer accuracy", args.min_answer_accuracy))
    if args.min_citation_accuracy is not None:
        minimum = args.min_citation_accuracy
        gates.append(Threshold("chat.citation_accuracy", "citation accuracy", minimum))
    if gates and args.dataset != "chat":
        raise InputError("--min-answer-accuracy/--min-citation-accuracy apply to chat only")
    return gates


def eval_model(args: argparse.Namespace) -> Model:
    """The configured engine, metered, behind the answer cache unless --no-cache."""
    choice = config.choose(args.model)
    if choice.origin == "default" and not args.quiet:
        print("claimdesk: no model configured; evaluating the offline engine", file=sys.stderr)
    model: Model = MeteredModel(config.build(choice.spec, base_url=args.base_url))
    return model if args.no_cache else CachedModel(model)


def _inputs(args: argparse.Namespace, data: Path) -> list[str]:
    compared = [args.compare] if args.compare and Path(args.compare).is_file() else []
    return [str(data), *compared]


def _previous(args: argparse.Namespace) -> tuple[EvalReport, str] | None:
    """The run named by --compare: a --json file, a saved run id, or the last saved run."""
    given = args.compare
    if given is None:
        return None
    if given == "last":
        saved = saved_runs.last_run(args.dataset)
        return saved_runs.load_run(saved.id), f"run {saved.id}"
    if given.isdigit() and not Path(given).exists():
        return saved_runs.load_run(int(given)), f"run {int(given)}"
    previous = load_report(Path(given))
    run_id = previous.meta.run_id
    return previous, f"{given}" + (f" (run {run_id})" if run_id else "")


def _outputs(args: argparse.Namespace) -> list[str]:
    """The output paths, each a different file."""
    named = {"--json": args.json, "--report": args.report, "--junit": args.junit}
    given = [(option, path) for option, path in named.items() if path]
    for n, (option, path) in enumerate(given):
        for other, earlier in given[:n]:
            if Path(path).resolve() == Path(earlier).resolve():
                raise InputError(f"{other} and {option} both write to {path}; give two paths")
    return [path for _, path in given]


def _write(
    report: EvalReport, comparison: Comparison | None, args: argparse.Namespace, data: Path
) -> None:
    inputs = _inputs(args, data)
    if args.json:
        write_output(report.model_dump_json(indent=2), args.json, inputs=inputs)
    if args.report:
        page = html_report(report, comparison, show_all=args.all)
        write_output(page, args.report, inputs=inputs)
    if args.junit:
        write_output(junit_xml(report), args.junit, inputs=inputs)


def _colour() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _evaluate(args: argparse.Namespace, path: Path) -> EvalReport:
    assistant = Assistant(eval_model(args))
    assistant.MEMORY = EVAL_MEMORY
    engines = engines_for(assistant)
    with ProgressBar(f"eval {args.dataset}") as bar:
        selection = Selection(args.limit, args.sample, args.seed)
        parallel = settings.concurrency(args.concurrency)
        options = RunOptions(selection, parallel, bar.start, bar.done)
        request = EvalRequest(args.dataset, path, options, cache=not args.no_cache)
        return _run_to_end(evaluate(request, engines))


def _run_to_end(evaluation: Coroutine[None, None, EvalReport]) -> EvalReport:
    """``asyncio.run`` of the evaluation, the report handed back outside the main task: on
    leaving, asyncio.run asks ``signal.getsignal`` whether its Ctrl-C handler (which holds the
    task) is still set, and on Python 3.11 that look-up formats the handler's repr, the task's
    result included: for 50,000 items, about 170 MB and a second spent on a string no one reads.
    """
    done: list[EvalReport] = []

    async def main() -> None:
        done.append(await evaluation)

    asyncio.run(main())
    return done[0]


def _save(report: EvalReport, args: argparse.Namespace) -> EvalReport:
    """Save the run for later comparisons; a failure to save warns and loses nothing else."""
    if args.no_log:
        return report
    try:
        report = saved_runs.save(report)
    except ConfigurationError as exc:
        print(f"claimdesk: warning: {exc}", file=sys.stderr)
        return report
    if not args.quiet:
        run_id = report.meta.run_id
        print(f"claimdesk: saved as run {run_id} (later: --compare {run_id})", file=sys.stderr)
    return report


def run(args: argparse.Namespace) -> int:
    if args.dataset == RUNS:
        return eval_runs.run(args)
    if args.add:
        raise InputError("--add goes with 'runs': claimdesk eval runs --add FILE")
    path, gates = data_path(args.dataset, args.data, args.split), thresholds(args)
    for output in _outputs(args):
        check_writable(output, _inputs(args, path))
    previous = _previous(args)
    if previous is not None:
        check_comparable(previous[0], args.dataset)
    report = _evaluate(args, path)
    report = _save(report.model_copy(update={"gates": gate_results(report, gates)}), args)
    comparison = compare(previous[0], report, previous[1]) if previous is not None else None
    _write(report, comparison, args, path)
    sys.stdout.write(markdown(report, comparison, show_all=args.all, colour=_colour()))
    failed = [g for g in report.gates if not g.passed]
    for gate in failed:
        print(f"claimdesk: threshold failed: {failure_line(gate)}", file=sys.stderr)
    return 1 if failed else 0
