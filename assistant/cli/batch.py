"""``claimdesk batch``: corpus runs (run, export, submit, status, collect) over assistant.batch."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from assistant import config
from assistant.batch import requests, results, running
from assistant.batch.records import Record
from assistant.cli import options
from assistant.cli.helptext import add_command
from assistant.errors import InputError
from assistant.evals.progress import ProgressBar
from assistant.models.openai import BatchJob, OpenAIModel

GPT = "--model openai:gpt-4o-mini"
EXAMPLES: dict[str, list[tuple[str, str]]] = {
    "batch": [
        ("claimdesk batch run corpus.jsonl -o claims.jsonl", "analyse a corpus; rerun to resume"),
        ("claimdesk batch run articles/ -o claims.jsonl --ray", "a folder, on local Ray"),
        (f"claimdesk batch export corpus.jsonl -o requests.jsonl {GPT}", "Batch API requests"),
    ],
    "run": [
        ("claimdesk batch run corpus.jsonl -o claims.jsonl", "one line per article; resumable"),
        ("claimdesk batch run corpus.jsonl -o claims.jsonl --retry-errors", "redo failed ones"),
        ("claimdesk batch run corpus.jsonl -o claims.jsonl --ray ray://head:10001", "a cluster"),
    ],
    "export": [
        (f"claimdesk batch export corpus.jsonl -o requests.jsonl {GPT}", "OpenAI Batch API input"),
        (
            "claimdesk batch export corpus.jsonl -o requests.jsonl --model openai:llama3.1:8b",
            "vLLM run-batch input",
        ),
    ],
    "submit": [
        (f"claimdesk batch submit requests.jsonl {GPT}", "upload and start; prints the batch id"),
        ("claimdesk batch submit requests.jsonl -m openai:gpt-4.1-mini", "another model"),
    ],
    "status": [
        (f"claimdesk batch status batch_abc123 {GPT}", "how many requests are done"),
        ("claimdesk batch status batch_abc123 -m openai:gpt-4o-mini -q", "quietly"),
    ],
    "collect": [
        (
            f"claimdesk batch collect corpus.jsonl --batch batch_abc123 -o claims.jsonl {GPT}",
            "download the results and analyse",
        ),
        (
            f"claimdesk batch collect corpus.jsonl --results out.jsonl -o claims.jsonl {GPT}",
            "a results file (vLLM run-batch output)",
        ),
    ],
}


def add_parser(subparsers: Any) -> None:
    parser = add_command(
        subparsers,
        "batch",
        EXAMPLES["batch"],
        help="analyse a corpus: locally, on Ray, or through a provider's Batch API",
        description="Analyse every article of a corpus (a JSONL file with id, text, title, "
        "outlet, date per line, or a folder of text files) into OUT.jsonl, one line per "
        "article. Runs resume: articles already in OUT are skipped.",
    )
    commands = parser.add_subparsers(dest="batch_command", metavar="ACTION", required=True)
    _add_run(commands)
    _add_export(commands)
    _add_submit(commands)
    _add_status(commands)
    _add_collect(commands)


def _add_run(commands: Any) -> None:
    run = add_command(
        commands, "run", EXAMPLES["run"], help="analyse the corpus into OUT.jsonl (resumable)"
    )
    run.add_argument("corpus", metavar="CORPUS", help="corpus JSONL file or folder")
    run.add_argument("-o", "--output", required=True, metavar="OUT.jsonl")
    options.add_model_options(run)
    options.add_concurrency_option(run)
    run.add_argument("--retry-errors", action="store_true", help="run failed items again")
    run.add_argument(
        "--ray",
        nargs="?",
        const="",
        metavar="ADDRESS",
        help="run on a Ray cluster (no ADDRESS: start a local Ray instance)",
    )
    run.set_defaults(handler=run_corpus)


def _add_export(commands: Any) -> None:
    export = add_command(
        commands, "export", EXAMPLES["export"], help="write Batch API requests for the corpus"
    )
    export.add_argument("corpus", metavar="CORPUS")
    export.add_argument("-o", "--output", required=True, metavar="requests.jsonl")
    options.add_model_options(export)
    export.set_defaults(handler=export_requests)


def _add_submit(commands: Any) -> None:
    submit = add_command(
        commands, "submit", EXAMPLES["submit"], help="upload a requests file and start a batch"
    )
    submit.add_argument("requests", metavar="requests.jsonl")
    options.add_model_options(submit)
    submit.set_defaults(handler=submit_batch)


def _add_status(commands: Any) -> None:
    status = add_command(
        commands, "status", EXAMPLES["status"], help="how far a submitted batch has got"
    )
    status.add_argument("batch_id", metavar="BATCH_ID")
    options.add_model_options(status)
    status.set_defaults(handler=batch_status)


def _add_collect(commands: Any) -> None:
    collect = add_command(
        commands,
        "collect",
        EXAMPLES["collect"],
        help="turn a batch's results into OUT.jsonl (re-asks go live)",
    )
    collect.add_argument("corpus", metavar="CORPUS", help="the corpus the requests came from")
    source = collect.add_mutually_exclusive_group(required=True)
    source.add_argument("--batch", metavar="BATCH_ID", help="download this batch's results")
    source.add_argument("--results", metavar="FILE", help="a Batch API output file")
    collect.add_argument("-o", "--output", required=True, metavar="OUT.jsonl")
    options.add_model_options(collect)
    options.add_concurrency_option(collect)
    collect.set_defaults(handler=collect_results)


def _note(args: argparse.Namespace, text: str) -> None:
    if not args.quiet:
        print(f"claimdesk batch: {text}", file=sys.stderr)


def _refuse_corpus_as_output(args: argparse.Namespace) -> Path:
    output = Path(args.output)
    if output.resolve() == Path(args.corpus).resolve():
        raise InputError(f"-o {args.output} is the corpus itself; give another path")
    return output


def _counted(bar: ProgressBar, tally: dict[str, int]) -> running.OnRecord:
    def on_record(record: Record) -> None:
        failed = not record.get("ok")
        tally["failed" if failed else "ok"] += 1
        bar.advance(failed=failed)

    return on_record


def run_corpus(args: argparse.Namespace) -> int:
    from assistant.batch.corpus import read_corpus

    output = _refuse_corpus_as_output(args)
    plan = running.plan(read_corpus(args.corpus), output, retry_errors=args.retry_errors)
    _note(args, f"{len(plan.pending)} to run, {plan.done} already in {output}")
    tally = {"ok": 0, "failed": 0}
    with ProgressBar("batch run", enabled=None if not args.quiet else False) as bar:
        bar.start(len(plan.pending))
        if args.ray is not None:
            from assistant.batch.distributed import run_on_ray

            model = config.choose(args.model).spec
            address = args.ray or None
            run_on_ray(address, model, args.base_url, plan.pending, output, _counted(bar, tally))
        else:
            assistant = options.assistant_from(args)
            concurrency = assistant.concurrency
            running.run_local(assistant, plan.pending, output, concurrency, _counted(bar, tally))
    _note(args, f"{tally['ok']} analysed, {tally['failed']} failed (see their lines in {output})")
    return 1 if tally["failed"] else 0


def _openai_model(args: argparse.Namespace) -> OpenAIModel:
    model = config.build(config.choose(args.model).spec, base_url=args.base_url)
    if not isinstance(model, OpenAIModel):
        raise InputError("Batch API commands need an LLM engine: --model openai:NAME")
    return model


def export_requests(args: argparse.Namespace) -> int:
    from assistant.batch.corpus import read_corpus

    output = _refuse_corpus_as_output(args)
    documents = read_corpus(args.corpus)
    count = requests.export(_openai_model(args), documents, output)
    _note(args, f"{count} requests for {len(documents)} documents written to {output}")
    return 0


def _show(job: BatchJob) -> None:
    print(
        f"{job.id}\t{job.status}\t{job.completed}/{job.total} done, {job.failed} failed"
        + (f"\toutput {job.output_file_id}" if job.output_file_id else "")
    )


def submit_batch(args: argparse.Namespace) -> int:
    path = Path(args.requests)
    if not path.is_file():
        raise InputError(f"{path}: no such file", path=str(path))
    _show(_openai_model(args).submit_batch(path))
    return 0


def batch_status(args: argparse.Namespace) -> int:
    _show(_openai_model(args).batch_job(args.batch_id))
    return 0


def collect_results(args: argparse.Namespace) -> int:
    from assistant import Assistant
    from assistant.batch.corpus import read_corpus

    output = _refuse_corpus_as_output(args)
    live = _openai_model(args)
    if args.results:
        bodies = results.load_results(Path(args.results))
    else:
        bodies = results.download_results(live, args.batch)
    documents = read_corpus(args.corpus)
    model = results.BatchAnswers(live, documents, bodies)
    plan = running.plan(documents, output)
    tally = {"ok": 0, "failed": 0}
    assistant = Assistant(model, concurrency=getattr(args, "concurrency", None))
    with ProgressBar("batch collect", enabled=None if not args.quiet else False) as bar:
        bar.start(len(plan.pending))
        counted = _counted(bar, tally)
        running.run_local(assistant, plan.pending, output, assistant.concurrency, counted)
    _note(
        args,
        f"{tally['ok']} analysed, {tally['failed']} failed; {model.from_batch} answers from the "
        f"batch, {model.asked_live} asked live",
    )
    return 1 if tally["failed"] else 0
