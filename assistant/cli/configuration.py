"""``claimdesk config``: every setting with its value and where it comes from; set or unset one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from assistant.cli.helptext import add_command
from assistant.settings import KEYS

FILE_COLUMN = 20  # where the paths start
EXAMPLES = [
    ("claimdesk config", "each setting, its value and its origin (keys masked)"),
    ("claimdesk config set base_url http://localhost:8080/v1", "write a setting to the file"),
    ("claimdesk config unset timeout", "remove it from the file again"),
]


def add_parser(subparsers: Any) -> None:
    parser = add_command(
        subparsers,
        "config",
        EXAMPLES,
        help="show the settings and where each comes from; set or unset one",
        description="Show every setting with its value and origin: argument > environment "
        "variable > configuration file (TOML, in the user config directory or CLAIMDESK_HOME) "
        "> default. API keys are masked.",
    )
    parser.add_argument("--model", "-m", help="show the settings as with this --model")
    parser.add_argument("--base-url", help="show the settings as with this --base-url")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    setter = add_command(
        actions,
        "set",
        [
            ("claimdesk config set model openai:gpt-4o-mini", "the default model"),
            ("claimdesk config set timeout 300", "wait up to 5 minutes for an answer"),
        ],
        help="write KEY = VALUE to the configuration file",
    )
    setter.add_argument("key", metavar="KEY", choices=KEYS, help=", ".join(KEYS))
    setter.add_argument("value", metavar="VALUE")
    unsetter = add_command(
        actions,
        "unset",
        [
            ("claimdesk config unset base_url", "back to the environment or the default"),
            ("claimdesk config unset model", "no default model in the file"),
        ],
        help="remove KEY from the configuration file",
    )
    unsetter.add_argument("key", metavar="KEY", choices=KEYS, help=", ".join(KEYS))
    add_command(
        actions,
        "path",
        [
            ("claimdesk config path", "where the file is (or would be)"),
            ('"$EDITOR" "$(claimdesk config path)"', "edit it by hand"),
        ],
        help="print the configuration file's path",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from assistant import settings

    if args.action == "path":
        print(settings.config_path())
    elif args.action == "set":
        path = settings.write_value(args.key, args.value)
        print(f"{args.key} saved in {path}")
    elif args.action == "unset":
        path = settings.write_value(args.key, None)
        print(f"{args.key} removed from {path}")
    else:
        sys.stdout.write(_table(args))
    return 0


def _table(args: argparse.Namespace) -> str:
    from assistant.cli.terminal import wrap
    from assistant.effective_settings import rows

    shown = rows(model=args.model, base_url=args.base_url)
    key_width = max(len(r.key) for r in shown)
    value_width = max(len(r.value) for r in shown)
    lines = [f"{r.key:<{key_width}}  {r.value:<{value_width}}  {r.origin}" for r in shown]
    files = wrap("\n".join(_files()), hang=FILE_COLUMN)
    return f"{files}\n\n{wrap(chr(10).join(lines), hang=key_width + value_width + 4)}\n"


def _files() -> list[str]:
    from assistant import keystore, settings

    config, keys = settings.config_path(), keystore.keys_path()
    return [
        f"{'configuration file:':<{FILE_COLUMN}}{config}{_missing(config, 'not created yet')}",
        f"{'stored keys:':<{FILE_COLUMN}}{keys}{_missing(keys, 'none stored')}",
    ]


def _missing(path: Path, note: str) -> str:
    return "" if path.is_file() else f" ({note})"
