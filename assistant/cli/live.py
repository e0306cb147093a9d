"""An answer printed while it streams: its text as it arrives, then its checked citations.

Used by the chat on a terminal only; piped output gets each answer whole, as before. When the
answer is re-asked (a citation failed its check, or the JSON was invalid), the user is told that
the text shown is being replaced, and the new answer streams below.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from rich.console import Console
from rich.text import Text

from assistant.chat.answers import Answer
from assistant.cli.spinner import Spinner
from assistant.cli.wrapping import StreamWrap
from assistant.rendering import chat as chatview
from assistant.rendering.text import shown

RESTART = "(answer could not be verified; asking again)"


class Waiting(Spinner):
    """A spinner that first draws after one tick, so an instant answer shows none."""

    def __enter__(self) -> Waiting:
        if self.active:
            self._thread = threading.Thread(target=self._spin, name="claimdesk-waiting")
            self._thread.daemon = True
            self._thread.start()
        return self


class LiveAnswer:
    """The callbacks for ``Session.ask(on_text=, on_restart=)`` and what to print afterwards.

    Streamed text is wrapped to ``columns``; ``on_first`` runs before the first text is printed
    (it stops the waiting spinner)."""

    def __init__(
        self, console: Console, columns: int, on_first: Callable[[], None] | None = None
    ) -> None:
        self.console = console
        self.columns = columns
        self.on_first = on_first
        self._wrap = StreamWrap(columns)
        self._shown: list[str] = []
        self._line_open = False

    @property
    def shown(self) -> str:
        """The text of the current attempt printed so far."""
        return "".join(self._shown)

    def text(self, run: str) -> None:
        if self.on_first is not None:
            self.on_first()
            self.on_first = None
        self._print(self._wrap.feed(str(shown(run))))
        self._shown.append(run)
        self._line_open = not run.endswith("\n")

    def _print(self, text: str) -> None:
        if text:
            self.console.print(text, end="", soft_wrap=True, highlight=False, markup=False)

    def restart(self) -> None:
        self.end_line()
        self.console.print(Text(RESTART, style="dim"), soft_wrap=True)
        self._shown.clear()
        self._wrap = StreamWrap(self.columns)

    def end_line(self) -> None:
        """Finish a partly printed line (before the citations, an error or a cancellation)."""
        self._print(self._wrap.end())
        if self._line_open:
            self.console.print()
            self._line_open = False

    def rest(self, reply: Answer) -> Text | None:
        """What is left to print once the checked answer is in (None: nothing)."""
        self.end_line()
        if not self._shown:
            return chatview.answer(reply)
        if self.shown.strip() != reply.text:
            note = Text("(the answer as checked:)\n", style="dim")
            return note.append_text(chatview.answer(reply))
        rest = chatview.citations(reply)
        return rest if rest.plain else None
