"""The chat loop: read an entry, run a /command or answer a question, print, repeat.

Ctrl-C cancels the answer in progress (or the line being typed), never the session; Ctrl-D,
``exit``, ``quit`` or ``/quit`` leave. Errors print one line and the loop goes on. On a terminal,
answers from an engine that streams are printed as they arrive (see live.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import get_args

from rich.console import Console
from rich.text import Text

from assistant.chat.session import Session
from assistant.claims import Status
from assistant.cli import terminal
from assistant.cli.lines import LineReader, read_entry
from assistant.cli.live import LiveAnswer, Waiting
from assistant.cli.output import write_text
from assistant.cli.wrapping import wrap_text
from assistant.documents import read_titled_document
from assistant.errors import ClaimdeskError, InputError
from assistant.rendering import chat as chatview
from assistant.rendering.text import shown
from assistant.sanitising import had_invalid_bytes, scrub

INVALID_BYTES = "warning: that line had bytes that are not UTF-8; they are read as \ufffd"
PROMPT = "claimdesk> "
MORE = "       ... "
LEAVE = frozenset({"exit", "quit", "/quit", "/exit"})
HELP = """\
Ask a question in plain words: "who denied the sale?", "what did the spokesperson say?", "is
it true that ...?", "what rests on anonymous sources?", "summarize", "when did ...?", then
follow-ups such as "who said that?" or "did anyone confirm it?". Answers cite claim ids and
verbatim quotes from the documents. Commands:
  /claims [denied|unverified|confirmed]   list claims, optionally of one status
  /claim ID                               one claim: status, reason, sources and quotes
  /sources                                every source and the claims it speaks to
  /check CLAIM                            how the documents stand on a claim you type
  /add FILE                               add a document (only it is analysed)
  /export md|json PATH                    write the analysis and this conversation to PATH
  /model                                  the engine and model in use
  /usage                                  model calls, tokens and estimated cost so far
  /new                                    start a new conversation on the same documents
  /help                                   this text
  /quit                                   leave (also exit, quit, Ctrl-D)
A line ending in \\ continues on the next line; a line with just \"\"\" starts a block that
ends at the next \"\"\" line. Ctrl-C cancels an answer in progress."""


class Chat:
    def __init__(
        self, session: Session, console: Console, *, echo: bool, inputs: Sequence[str] = ()
    ) -> None:
        self.session = session
        self.console = console
        self.echo = echo
        self.inputs = list(inputs)  # the article files given, which /export must not overwrite
        self.commands: dict[str, Callable[[str], None]] = {
            "/claims": self._claims,
            "/claim": self._claim,
            "/sources": lambda _: self.show(chatview.sources(self.session.analysis)),
            "/check": self._check,
            "/add": self._add,
            "/export": self._export,
            "/model": self._model,
            "/usage": self._usage,
            "/new": self._new,
            "/help": lambda _: self.show(Text(HELP)),
        }

    def show(self, text: Text | str) -> None:
        """Print, wrapped to the terminal width (COLUMNS when piped) without breaking words;
        secrets masked and control characters made visible."""
        safe = shown(text)
        styled = Text(safe) if isinstance(safe, str) else safe
        wrapped = wrap_text(styled, terminal.width())
        self.console.print(wrapped, soft_wrap=True, highlight=False, markup=False)

    def waiting(self, message: str) -> Waiting:
        """A spinner on standard error while a model works (on a terminal only)."""
        return Waiting(message, enabled=self.console.is_terminal)

    def error(self, message: str) -> None:
        self.show(Text(f"error: {message}", style="bold red"))

    def loop(self, reader: LineReader) -> None:
        while True:
            try:
                entry = read_entry(reader, PROMPT, MORE)
            except EOFError:
                return
            except KeyboardInterrupt:
                self.show("")
                continue
            if entry.casefold() in LEAVE:
                return
            if entry:
                self.handle(entry)

    def handle(self, entry: str) -> None:
        if had_invalid_bytes(entry):
            self.show(Text(INVALID_BYTES, style="yellow"))
            entry = scrub(entry)
        if self.echo:
            self.show(Text(f"> {entry}", style="bold"))
        try:
            if entry.startswith("/"):
                self.command(entry)
            else:
                self.answer(entry)
        except KeyboardInterrupt:
            self.show(Text("(cancelled)", style="dim"))
        except ClaimdeskError as exc:
            self.error(str(exc))
        self.show("")

    def answer(self, question: str) -> None:
        if not self.console.is_terminal:
            self.show(chatview.answer(self.session.ask(question)))
            return
        with self.waiting("thinking") as spinner:
            live = LiveAnswer(self.console, terminal.width(), on_first=spinner.stop)
            try:
                reply = self.session.ask(question, on_text=live.text, on_restart=live.restart)
            finally:
                spinner.stop()
                live.end_line()
        rest = live.rest(reply)
        if rest is not None:
            self.show(rest)

    def command(self, entry: str) -> None:
        name, _, argument = entry.partition(" ")
        handler = self.commands.get(name.casefold())
        if handler is None:
            raise InputError(f"unknown command {name}; /help lists them")
        handler(argument.strip())

    # --- commands ------------------------------------------------------------------------------

    def _claims(self, argument: str) -> None:
        statuses: tuple[Status, ...] = get_args(Status)
        if argument and argument not in statuses:
            raise InputError(f"/claims takes one of {', '.join(statuses)}, not {argument!r}")
        status: Status | None = next((s for s in statuses if s == argument), None)
        self.show(chatview.claims(self.session.analysis, status))

    def _claim(self, argument: str) -> None:
        if not argument:
            raise InputError("/claim needs a claim id: /claim c1 (/claims lists them)")
        for claim in self.session.analysis.claims:
            if claim.id.casefold() == argument.casefold():
                self.show(chatview.claim_detail(claim))
                return
        raise InputError(f"no claim {argument!r}; /claims lists them")

    def _check(self, argument: str) -> None:
        if not argument:
            raise InputError("/check needs a claim: /check China made a written proposal")
        with self.waiting("checking"):
            reply = self.session.check(argument)
        self.show(chatview.answer(reply))

    def _add(self, argument: str) -> None:
        if not argument:
            raise InputError("/add needs a file: /add article.txt")
        document = read_titled_document(argument)
        if document.id in {d.id for d in self.session.documents}:
            raise InputError(f"{argument}: this text is already in the session")
        before = len(self.session.analysis.claims)
        with self.waiting(f"analysing {argument}"):
            analysis = self.session.add(document)
        self.inputs.append(argument)
        self.show(f"added {document.title}: {len(analysis.claims) - before} new claim(s)")
        reads = self.session.assistant.model.capabilities.reads_prompts
        self.show(chatview.summary(analysis, reused=False, reads_prompts=reads))

    def _export(self, argument: str) -> None:
        kind, _, path = argument.partition(" ")
        if kind not in {"md", "json"} or not path.strip():
            raise InputError("/export needs a format and a path: /export md notes.md")
        analysis, turns = self.session.analysis, self.session.turns
        if kind == "md":
            text = chatview.transcript_markdown(analysis, turns)
        else:
            text = chatview.transcript_json(analysis, turns, self.session.session_id)
        target = Path(path.strip()).expanduser()
        write_text(text, target, inputs=self.inputs)
        self.show(f"wrote {target}")

    def _model(self, _: str) -> None:
        choice = self.session.assistant.choice
        engine = self.session.assistant.engine
        self.show(
            f"{engine.name}:{engine.model} (chosen by {choice.origin}; prompts "
            f"{engine.prompt_version}). Another model: leave and run claimdesk chat --model M."
        )

    def _usage(self, _: str) -> None:
        self.show(chatview.usage(self.session.usage, self.session.analysis))

    def _new(self, _: str) -> None:
        self.session = self.session.new()
        self.show("new conversation on the same documents (earlier questions are not used)")
