"""``claimdesk keys``: store, list and remove API keys; a key is never printed."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from assistant.cli.helptext import add_command

EXAMPLES = [
    ("claimdesk keys set openai", "asks for the key without echoing it"),
    ("claimdesk keys list", "the names of the stored keys, never the keys"),
    ("claimdesk keys remove openai", "forget it"),
]


def add_parser(subparsers: Any) -> None:
    parser = add_command(
        subparsers,
        "keys",
        EXAMPLES,
        help="store, list or remove API keys (kept in a file only you can read)",
        description="Store API keys in keys.json in the configuration folder, readable by you "
        "alone (mode 0600). The 'openai' key is used when OPENAI_API_KEY is not set.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    setter = add_command(
        actions,
        "set",
        [
            ("claimdesk keys set openai", "asks for the key without echoing it"),
            ("claimdesk keys set openai < key.txt", "reads it from standard input"),
        ],
        help="store a key (read from the terminal or stdin)",
    )
    setter.add_argument("name", metavar="NAME", help="the key's name, e.g. openai")
    setter.add_argument(
        "--value", help="the key itself (visible in your shell history; prefer the prompt)"
    )
    add_command(
        actions,
        "list",
        [("claimdesk keys list", "names only"), ("claimdesk keys list | wc -l", "how many")],
        help="the names of the stored keys",
    )
    remover = add_command(
        actions,
        "remove",
        [("claimdesk keys remove openai", "forget it"), ("claimdesk keys list", "check")],
        help="forget a stored key",
    )
    remover.add_argument("name", metavar="NAME")
    add_command(
        actions,
        "path",
        [
            ("claimdesk keys path", "where keys are stored"),
            ('ls -l "$(claimdesk keys path)"', "readable by you alone: -rw-------"),
        ],
        help="print where keys are stored",
    )
    parser.set_defaults(handler=run)


def _read_key(name: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(f"Enter key for {name}: ")
    return sys.stdin.readline()


def run(args: argparse.Namespace) -> int:
    from assistant import keystore

    if args.action == "set":
        value = args.value if args.value is not None else _read_key(args.name)
        keystore.set_key(args.name, value)
        print(f"key {args.name!r} stored in {keystore.keys_path()}")
    elif args.action == "remove":
        keystore.remove_key(args.name)
        print(f"key {args.name!r} removed")
    elif args.action == "path":
        print(keystore.keys_path())
    else:
        names = sorted(keystore.load())
        print("\n".join(names) if names else f"no keys stored in {keystore.keys_path()}")
    return 0
