"""Text that is not English: a warning with the offline engine, the language told to an LLM.

Issue 10 case 9: Urdu, Chinese and Arabic articles silently gave 0 claims.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from assistant import Assistant, UnreadLanguageWarning
from assistant.cli.main import main
from assistant.language import detect
from assistant.models.base import ModelRequest
from assistant.models.function import FunctionModel
from tests.conftest import SEED

ARTICLES = {
    "Urdu": "وزیر اعظم نے پیر کو کہا کہ پل کھل گیا ہے۔ حکام نے بتایا کہ منصوبے پر لاگت بڑھ گئی۔",
    "Chinese": "外交部发言人周四否认了有关中国向巴基斯坦施压的报道。官员说，这些报道毫无根据。",
    "Arabic": "نفت وزارة الخارجية يوم الخميس التقارير التي تحدثت عن ضغوط صينية على إسلام آباد.",
    "Spanish": "El ministerio negó el jueves los informes sobre la presión de China, según dijo "
    "la portavoz en una rueda de prensa con los periodistas.",
    "Japanese": "外務省の報道官は木曜日、中国からの圧力があったとの報道を否定した。",
}


@pytest.mark.parametrize("language", list(ARTICLES))
def test_the_language_is_named(language: str) -> None:
    assert detect(ARTICLES[language]).name == language


def test_only_letters_count_not_numerals_written_as_symbols() -> None:
    assert detect("\u00bd \u00b2 \u2167 " * 20 + "\u4e2d\u6587" * 6).name == "Chinese"
    assert detect("\u00bd \u00b2 \u2167 " * 20 + "FO denies").english  # too few letters


def test_accented_latin_text_is_told_by_its_words() -> None:
    french = "Le minist\u00e8re a d\u00e9menti les informations sur la pression de la Chine, "
    french += "a d\u00e9clar\u00e9 la porte-parole dans une conf\u00e9rence."
    assert detect(french).name == "French"


def test_english_is_english() -> None:
    assert detect(SEED.read_text(encoding="utf-8")).english
    assert detect("Officials said the bridge opened on Monday after years of delay.").english
    assert detect("FO denies").english  # too short to tell: no warning


@pytest.mark.parametrize("language", ["Urdu", "Chinese", "Arabic"])
def test_offline_analysis_warns_instead_of_a_silent_empty_result(language: str) -> None:
    with pytest.warns(UnreadLanguageWarning, match=f"looks like {language}"):
        analysis = Assistant("offline").analyze(ARTICLES[language])
    assert analysis.warnings and "English only" in analysis.warnings[0]


def test_offline_check_warns_too() -> None:
    with pytest.warns(UnreadLanguageWarning):
        verdict = Assistant("offline").check("China pressured Pakistan", ARTICLES["Urdu"])
    assert verdict.warnings


def test_english_gives_no_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert Assistant("offline").analyze(SEED).warnings == []


def test_cli_prints_the_warning_once_even_when_quiet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "urdu.txt"
    article.write_text(ARTICLES["Urdu"], encoding="utf-8")
    assert main(["analyze", "-q", str(article), "-f", "json"]) == 0
    err = capsys.readouterr().err
    assert err.count("warning: urdu.txt: looks like Urdu") == 1
    assert "Traceback" not in err and "UnreadLanguageWarning" not in err


def _empty(request: ModelRequest) -> dict[str, object]:
    if request.task == "check":
        return {"status": "not_addressed", "reason": "Not addressed.", "sources": []}
    return {"claims": []}


def test_an_llm_is_told_the_language_and_gets_no_warning() -> None:
    model = FunctionModel(_empty)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assistant = Assistant(model)
        analysis = assistant.analyze(ARTICLES["Urdu"])
        assistant.check("the bridge opened", ARTICLES["Urdu"])  # builds on that analysis
    assert analysis.warnings == []
    extract, check = (r.messages[1].content for r in model.requests)
    assert "The document is written in Urdu" in extract
    assert 'language="Urdu"' in check


def test_an_english_prompt_does_not_mention_language() -> None:
    model = FunctionModel(lambda request: {"claims": []})
    Assistant(model).analyze(SEED)
    assert "written in" not in model.requests[0].messages[1].content


def test_the_chat_summary_warns_about_an_unread_language(tmp_path: Path) -> None:
    import subprocess
    import sys

    article = tmp_path / "urdu.txt"
    article.write_text(ARTICLES["Urdu"], encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "chat", str(article), "--model", "offline"],
        input="/quit\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "warning: urdu.txt: looks like Urdu" in done.stdout
