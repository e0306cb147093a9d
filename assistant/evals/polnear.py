"""PolNeAR attribution corpus as published: ``text/<name>.txt`` and brat standoff files
``attributions/<name>_<annotator>.ann`` with Source / Cue / Content spans.

The Source, Cue and Content spans are read: the eval scores who said it, the words of saying and
what was said. Where several annotators annotated one article, the first annotation file in
name order is the gold one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import InputError

_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t(.*)$")
_ANNOTATOR_SUFFIX = re.compile(r"_[0-9a-f]{4}$")


LABELS = ("Source", "Cue", "Content")


@dataclass(frozen=True)
class SourceSpan:
    """One annotated span (a Source, Cue or Content), possibly in several fragments."""

    id: str
    fragments: tuple[tuple[int, int], ...]
    text: str
    label: str = "Source"


@dataclass(frozen=True)
class AttributionArticle:
    id: str
    text: str
    sources: tuple[SourceSpan, ...]
    cues: tuple[SourceSpan, ...] = ()
    contents: tuple[SourceSpan, ...] = ()


def _fragments(offsets: str, where: str) -> tuple[tuple[int, int], ...]:
    fragments = []
    for part in offsets.split(";"):
        numbers = part.split()
        if len(numbers) != 2:
            raise InputError(f"{where}: bad brat offsets {offsets!r}")
        fragments.append((int(numbers[0]), int(numbers[1])))
    return tuple(fragments)


def parse_spans(content: str, where: str) -> list[SourceSpan]:
    """The Source, Cue and Content text-bound annotations of one brat ``.ann`` file."""
    spans = []
    for number, line in enumerate(content.splitlines(), start=1):
        match = _TEXT_BOUND.match(line)
        if match and match.group(2) in LABELS:
            fragments = _fragments(match.group(3), f"{where}:{number}")
            spans.append(SourceSpan(match.group(1), fragments, match.group(4), match.group(2)))
    return spans


def parse_ann(content: str, where: str) -> list[SourceSpan]:
    """The Source text-bound annotations of one brat ``.ann`` file."""
    return [s for s in parse_spans(content, where) if s.label == "Source"]


def _annotation_files(folder: Path) -> dict[str, Path]:
    chosen: dict[str, Path] = {}
    for path in sorted(folder.glob("*.ann")):
        chosen.setdefault(_ANNOTATOR_SUFFIX.sub("", path.stem), path)
    return chosen


def _split_folder(folder: Path) -> Path:
    if (folder / "attributions").is_dir():
        return folder
    if (folder / "dev" / "attributions").is_dir():
        return folder / "dev"
    raise InputError(f"{folder}: no attributions/ folder (expected PolNeAR dev/)", path=str(folder))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})", path=str(path)) from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})", path=str(path)) from exc


def _annotations(path: Path) -> tuple[Path, dict[str, Path]]:
    """(split folder, article name -> annotation file) of a folder or of one ``.ann`` file."""
    if path.is_file():
        if path.suffix != ".ann":
            raise InputError(f"{path}: expected a PolNeAR .ann file or a folder", path=str(path))
        return path.parent.parent, {_ANNOTATOR_SUFFIX.sub("", path.stem): path}
    split = _split_folder(path)
    return split, _annotation_files(split / "attributions")


def load(path: Path) -> list[AttributionArticle]:
    """Every annotated article of a PolNeAR folder, or the one article of an ``.ann`` file."""
    split, annotations = _annotations(path)
    articles = []
    for name, ann in annotations.items():
        text_path = split / "text" / f"{name}.txt"
        if not text_path.is_file():
            raise InputError(f"{ann}: no article text at {text_path}", path=str(text_path))
        text = _read(text_path)
        spans = parse_spans(_read(ann), str(ann))
        by_label = {label: tuple(s for s in spans if s.label == label) for label in LABELS}
        articles.append(
            AttributionArticle(name, text, by_label["Source"], by_label["Cue"], by_label["Content"])
        )
    if not articles:
        raise InputError(f"{split}: no .ann files found", path=str(split))
    return articles
