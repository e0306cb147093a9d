"""QA: malformed stance data sets give one-line InputErrors, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.evals import emergent, fnc1

BODIES = 'Body ID,articleBody\n1,"The mayor said the bridge will open in May."\n'


def fnc_folder(tmp_path: Path, stances: bytes) -> Path:
    (tmp_path / fnc1.BODIES).write_text(BODIES, encoding="utf-8")
    (tmp_path / fnc1.STANCES).write_bytes(stances)
    return tmp_path


def test_a_csv_that_is_not_utf8_is_an_input_error(tmp_path: Path) -> None:
    folder = fnc_folder(tmp_path, b"Headline,Body ID,Stance\nLe minist\xe8re,1,agree\n")
    with pytest.raises(InputError, match="UTF-8"):
        fnc1.load(folder)


def test_a_row_with_missing_fields_names_its_line(tmp_path: Path) -> None:
    folder = fnc_folder(tmp_path, b"Headline,Body ID,Stance\nBridge opens,1,agree\nfoo,1\n")
    with pytest.raises(InputError, match=r":3: .*Stance"):
        fnc1.load(folder)


def test_an_emergent_row_with_missing_fields_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / emergent.FILE
    path.write_text("claimHeadline,articleHeadline,articleHeadlineStance\nx\n", encoding="utf-8")
    with pytest.raises(InputError, match=r":2: "):
        emergent.load(tmp_path)


def test_a_stance_file_with_no_pairs_is_an_input_error(tmp_path: Path) -> None:
    folder = fnc_folder(tmp_path, b"Headline,Body ID,Stance\n")
    with pytest.raises(InputError, match="no pairs"):
        fnc1.load(folder)
