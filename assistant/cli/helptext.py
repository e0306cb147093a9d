"""``--help`` that ends with real examples: a formatter that keeps an examples epilog as written."""

from __future__ import annotations

import argparse
from typing import Any

SEED = "examples/pakistan-fo-china-security.txt"


class Formatter(argparse.HelpFormatter):
    """Wraps descriptions as usual but prints the examples epilog line for line."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith("examples:"):
            return text
        return super()._fill_text(text, width, indent)


def examples(*lines: tuple[str, str]) -> str:
    """``examples:`` then each command under a comment saying what it does."""
    body = [f"  # {comment}\n  {command}" for command, comment in lines]
    return "\n".join(["examples:", *body])


def add_command(
    subparsers: Any, name: str, example_lines: list[tuple[str, str]], **kwargs: Any
) -> argparse.ArgumentParser:
    """``subparsers.add_parser`` with the examples as epilog and the formatter that keeps them."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name, formatter_class=Formatter, epilog=examples(*example_lines), **kwargs
    )
    return parser
