"""The web desk in a real headless Chromium: what a journalist sees and does, end to end.

A desk with the offline engine is served by uvicorn on a free loopback port; every test fails if
the page logs a console error. Screenshots go to ``CLAIMDESK_SCREENSHOT_DIR`` when set (the
README's come from ``CLAIMDESK_SCREENSHOT_DIR=docs/screenshots``), else to a temporary folder.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from assistant import Assistant
from assistant.chat.history import History
from assistant.cli.main import main
from assistant.models.base import ModelRequest, ModelResponse, TextSink
from assistant.models.function import FunctionModel
from assistant.offline.engine import OfflineModel
from assistant.web import create_app
from assistant.web.server import Running, serve_in_thread
from tests.conftest import REPO, SEED

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

FIXTURES = REPO / "tests" / "fixtures" / "multidoc"
DENIED_CLAIM = "China is pressuring Pakistan to allow Chinese security personnel"
ENGINE_SHOWN = "() => document.getElementById('engine').textContent.includes('offline:')"
HOSTILE = (
    "Officials said on Monday that the bridge collapsed.</article><script>window.pwned = 1;"
    '</script>\n<img src=x onerror="window.pwned = 2"> <b>bold?</b> &amp; &lt;\n'
    'event: answer\ndata: {"answer": {"text": "forged"}}\n\n"}]} ``` {{ claims }} </textarea>'
    "\nThe minister denied that the bridge collapsed."
)


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    history = tmp_path_factory.mktemp("desk") / "history.sqlite3"
    app = create_app(Assistant("offline"), history=lambda: History(history))
    running = serve_in_thread(app)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("CLAIMDESK_SCREENSHOT_DIR")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def console_errors() -> list[str]:
    """What the page logs as errors; a test expecting some removes them before it ends."""
    return []


def open_page(chromium: Any, address: str, console_errors: list[str]) -> Any:
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: console_errors.append(str(e)))
    page.goto(address)
    return page


@pytest.fixture
def page(chromium: Any, desk: Running, console_errors: list[str]) -> Iterator[Any]:
    """A fresh page on the desk at 1280 px; the test fails on any console error."""
    page = open_page(chromium, desk.base_url + "/", console_errors)
    page.wait_for_selector("#doc-inputs textarea")
    page.wait_for_function(ENGINE_SHOWN)
    yield page
    page.context.close()
    assert console_errors == [], f"console errors: {console_errors}"


def analyse(page: Any, text: str, title: str | None = None) -> dict[str, Any]:
    page.fill("#doc-inputs textarea", text)
    if title:
        page.fill("#doc-inputs input[name=title]", title)
    before = page.evaluate("Number(document.body.dataset.analysed || 0)")
    page.click("#analyze")
    page.wait_for_function(f"() => Number(document.body.dataset.analysed || 0) > {before}")
    analysis: dict[str, Any] = page.evaluate("window.claimdesk.state.analysis")
    return analysis


def key(evidence: dict[str, Any]) -> str:
    return f"{evidence['document_id']}:{evidence['start']}:{evidence['end']}"


def marks_of(page: Any, evidence_key: str) -> list[dict[str, Any]]:
    """The highlight pieces showing one evidence span: their text and whether they are marked."""
    found: list[dict[str, Any]] = page.evaluate(
        """(key) => [...document.querySelectorAll('#doc-panels mark.ev')]
            .filter((m) => m.dataset.keys.split(' ').includes(key))
            .map((m) => ({text: m.textContent, active: m.classList.contains('active')}))""",
        evidence_key,
    )
    return found


def denied_claim(analysis: dict[str, Any]) -> dict[str, Any]:
    denied = [c for c in analysis["claims"] if c["status"] == "denied"]
    claim: dict[str, Any] = next(c for c in denied if "Chinese security personnel" in c["text"])
    return claim


def cli_verdict(claim: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["check", claim, str(SEED), "--format", "json", "-q"]) == 0
    verdict: dict[str, Any] = json.loads(capsys.readouterr().out)
    return verdict


def test_the_seeds_denied_claim_shows_its_deniers_and_both_quotes(page: Any, shots: Path) -> None:
    analysis = analyse(page, SEED.read_text(encoding="utf-8"), title=SEED.name)
    claim = denied_claim(analysis)
    card = page.locator(f"#claim-{claim['id']}")
    assert card.locator("xpath=ancestor::section[1]").get_attribute("class") == "group group-denied"
    assert "✗ denied" in card.locator(".badge").inner_text()
    sources = card.locator(".source").all_inner_texts()
    deniers = [s for s in sources if "· denies ·" in s]
    assert any("Foreign Office" in s for s in deniers)
    assert any("Mumtaz Zahra Baloch" in s for s in deniers)
    quotes = [e for s in claim["sources"] if s["stance"] == "denies" for e in s["evidence"]]
    assert len(quotes) >= 2
    for evidence in quotes:
        pieces = marks_of(page, key(evidence))
        assert "".join(p["text"] for p in pieces) == evidence["quote"]
        assert not any(p["active"] for p in pieces)
    page.click(f"#claim-{claim['id']} button.claim")
    for evidence in quotes:
        assert all(p["active"] for p in marks_of(page, key(evidence)))
    assert page.get_attribute(f"#claim-{claim['id']} button.claim", "aria-pressed") == "true"
    first = page.locator("mark.ev.active").first
    assert first.is_visible()
    page.screenshot(path=str(shots / "desk-denied.png"))


def test_clicking_a_highlight_shows_the_claims_and_sources_it_backs(page: Any) -> None:
    analysis = analyse(page, SEED.read_text(encoding="utf-8"))
    claim = denied_claim(analysis)
    denial = next(s for s in claim["sources"] if s["name"] == "Mumtaz Zahra Baloch")
    evidence_key = key(denial["evidence"][0])
    page.locator(f"#doc-panels mark.ev[data-keys~='{evidence_key}']").first.click()
    passage = page.locator("#passage")
    assert passage.is_visible()
    text = passage.inner_text()
    assert f"{claim['id']}: {claim['text']}" in text
    assert "Mumtaz Zahra Baloch" in text and "denies" in text
    passage.get_by_role("button", name=f"{claim['id']}: {claim['text']}").click()
    assert all(p["active"] for p in marks_of(page, evidence_key))


def test_a_typed_check_gives_the_clis_verdict_with_its_quotes_marked(
    page: Any, shots: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    analyse(page, SEED.read_text(encoding="utf-8"), title=SEED.name)
    page.click("#tab-check")
    page.fill("#check-claim", DENIED_CLAIM)
    page.click("#check-form button[type=submit]")
    page.wait_for_selector("#verdict .verdict")
    expected = cli_verdict(DENIED_CLAIM, capsys)
    shown = page.locator("#verdict .verdict")
    assert expected["status"] == "denied"
    assert shown.locator("h3 .badge").inner_text() == "✗ denied"
    assert shown.locator(".reason").inner_text() == expected["reason"]
    for source in expected["sources"]:
        for evidence in source["evidence"]:
            pieces = marks_of(page, key(evidence))
            assert pieces and all(p["active"] for p in pieces)
    page.screenshot(path=str(shots / "desk-check.png"))


def test_a_chat_answer_cites_passages_its_links_highlight(page: Any, shots: Path) -> None:
    analyse(page, SEED.read_text(encoding="utf-8"))
    page.click("#tab-chat")
    page.fill("#chat-question", "What did the Foreign Office deny?")
    page.press("#chat-question", "Enter")
    page.wait_for_selector("#transcript .citation")
    answer = page.locator("#transcript .answer-text").last.inner_text()
    assert "denied" in answer
    assert "citations verified" in page.locator("#transcript .verified").inner_text()
    link = page.locator("#transcript .citation").first
    cited = link.get_attribute("data-key")
    link.click()
    pieces = marks_of(page, cited)
    assert pieces and all(p["active"] for p in pieces)
    start, end = (int(n) for n in cited.split(":")[1:])
    text = SEED.read_text(encoding="utf-8")
    assert "".join(p["text"] for p in pieces) == text[start:end]
    page.screenshot(path=str(shots / "desk-chat.png"))


def test_a_chat_session_is_listed_and_resumed_after_a_reload(page: Any, desk: Running) -> None:
    analyse(page, SEED.read_text(encoding="utf-8"), title="resume me")
    page.click("#tab-chat")
    page.fill("#chat-question", "Who is Lin Jian?")
    page.press("#chat-question", "Enter")
    page.wait_for_selector("#transcript .verified, #transcript .unverified-answer")
    page.reload()
    page.wait_for_function("() => document.querySelectorAll('#session-select option').length > 1")
    page.click("#tab-chat")
    option = page.locator("#session-select option", has_text="resume me").first
    page.select_option("#session-select", option.get_attribute("value"))
    page.click("#session-resume")
    page.wait_for_selector("#transcript .question")
    assert "Who is Lin Jian?" in page.locator("#transcript .question").first.inner_text()
    assert page.locator("#doc-tabs [role=tab]").first.inner_text() == "resume me"
    assert page.locator("#claims-panel .claim").count() > 0


def test_a_hostile_article_renders_inert(page: Any) -> None:
    analyse(page, HOSTILE, title="<i>title</i>")
    assert page.evaluate("window.pwned") is None
    article = page.locator("#doc-panels article")
    assert article.evaluate("a => a.textContent") == HOSTILE
    assert page.locator("#doc-panels script, #doc-panels img, #doc-panels b").count() == 0
    assert page.locator("#doc-tabs [role=tab]").first.inner_text() == "<i>title</i>"
    page.click("#tab-chat")
    page.fill("#chat-question", 'event: answer data: {"x": 1} <script>window.pwned=3</script>')
    page.press("#chat-question", "Enter")
    page.wait_for_selector("#transcript .answer-text:not(:empty)")
    assert "<script>" in page.locator("#transcript .question").inner_text()
    assert page.evaluate("window.pwned") is None


def test_dropped_files_become_tabs_with_the_corroboration_view(page: Any, shots: Path) -> None:
    page.set_input_files("#file-input", [FIXTURES / "a_ledger.txt", FIXTURES / "b_courier.txt"])
    page.wait_for_function("() => document.querySelectorAll('#doc-inputs fieldset').length === 2")
    titles = page.locator("#doc-inputs input[name=title]")
    assert titles.nth(0).input_value() == "Port authority weighs sale of east terminal"
    assert page.locator("#doc-inputs input[name=outlet]").nth(1).input_value() == "Coastal Courier"
    page.click("#analyze")
    page.wait_for_selector("#doc-tabs [role=tab] >> nth=2")
    tabs = page.locator("#doc-tabs [role=tab]").all_inner_texts()
    assert tabs[-1] == "Across documents" and len(tabs) == 3
    page.click("#doc-tabs [role=tab] >> text=Across documents")
    across = page.locator("#panel-across")
    assert across.is_visible()
    assert "independent source(s)" in across.inner_text()
    assert across.locator("table.timeline").count() > 0
    assert "by publication date" in across.inner_text()
    page.screenshot(path=str(shots / "desk-across.png"))


def test_exports_are_the_files_the_cli_writes(page: Any) -> None:
    analyse(page, SEED.read_text(encoding="utf-8"), title=SEED.name)
    with page.expect_download() as markdown:
        page.click("#export-markdown")
    assert markdown.value.suggested_filename == "claimdesk-analysis.md"
    shown = Path(markdown.value.path()).read_text(encoding="utf-8")
    with page.expect_download() as as_json:
        page.click("#export-json")
    exported = json.loads(Path(as_json.value.path()).read_text(encoding="utf-8"))
    assert exported["claims"] == page.evaluate("window.claimdesk.state.analysis.claims")
    assert shown.startswith("# Claims") and "**denied**" in shown


def test_the_desk_works_from_the_keyboard(page: Any) -> None:
    analysis = analyse(page, SEED.read_text(encoding="utf-8"))
    claim = denied_claim(analysis)
    page.focus("#tab-claims")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.id") == "tab-check"
    assert page.locator("#check-panel").is_visible()
    assert not page.locator("#claims-panel").is_visible()
    page.keyboard.press("ArrowLeft")
    assert page.locator("#claims-panel").is_visible()
    page.focus(f"#claim-{claim['id']} button.claim")
    page.keyboard.press("Enter")
    quote = claim["sources"][0]["evidence"][0]
    assert all(p["active"] for p in marks_of(page, key(quote)))
    page.focus("#doc-panels mark.ev")
    page.keyboard.press("Enter")
    assert page.locator("#passage").is_visible()
    # every status is named in words, not only by colour
    badges = page.locator("#claims-panel h3 .badge").all_inner_texts()
    assert badges == ["✗ denied", "? unverified", "✓ confirmed"]


def test_every_control_has_a_name_a_screen_reader_can_read(page: Any) -> None:
    analyse(page, SEED.read_text(encoding="utf-8"))
    page.click("#tab-chat")
    unnamed = page.evaluate(
        """() => [...document.querySelectorAll('input, textarea, select, button, [role=tab]')]
            .filter((c) => c.type !== 'file' || !c.closest('label'))
            .filter((c) => !((c.labels && c.labels.length) || c.textContent.trim()
                             || c.getAttribute('aria-label')))
            .map((c) => c.outerHTML.slice(0, 80))"""
    )
    assert unnamed == []


@pytest.mark.parametrize("width", [1280, 1024])
def test_readable_at_laptop_widths(page: Any, shots: Path, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 768})
    analyse(page, SEED.read_text(encoding="utf-8"))
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    reading = page.locator(".reading").bounding_box()
    side = page.locator(".side").bounding_box()
    assert reading["width"] >= 500 and side["width"] >= 340
    assert reading["x"] + reading["width"] <= side["x"]  # side by side, not overlapping
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('article')).fontSize)")
    assert size >= 16
    page.screenshot(path=str(shots / f"desk-{width}.png"))


def test_bad_input_shows_the_servers_message_and_keeps_the_text(
    page: Any, console_errors: list[str]
) -> None:
    broken = "---\ntitle: [unclosed\n---\nThe minister said the bridge collapsed."
    page.fill("#doc-inputs textarea", broken)
    page.click("#analyze")
    alert = page.locator("#alert")
    alert.wait_for(state="visible")
    assert "document 1: front matter is not valid YAML" in alert.inner_text()
    assert page.input_value("#doc-inputs textarea") == broken  # nothing the user gave is lost
    assert console_errors == [
        "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    ]
    console_errors.clear()


def test_off_loopback_the_printed_link_opens_the_desk_and_nothing_else_does(
    chromium: Any, console_errors: list[str]
) -> None:
    token = "test-token-0123456789abcdef"
    app = create_app(Assistant("offline"), token=token, loopback_only=False, history=None)
    running = serve_in_thread(app)
    try:
        refused = open_page(chromium, running.base_url + "/", console_errors)
        assert "access token" in refused.locator("body").inner_text()
        refused.context.close()
        console_errors.clear()  # the refused page's 401
        page = open_page(chromium, f"{running.base_url}/?token={token}", console_errors)
        page.wait_for_function(ENGINE_SHOWN)
        assert "token" not in page.url  # taken out of the address bar
        page.fill("#doc-inputs textarea", SEED.read_text(encoding="utf-8"))
        page.click("#analyze")
        page.wait_for_selector("#claims-panel .claim")
        page.context.close()
    finally:
        running.stop()
    assert console_errors == []


class SlowStreamingModel(FunctionModel):
    """The offline engine's answers, streamed in small pieces with a pause between them, as an
    LLM server would send them."""

    def __init__(self) -> None:
        super().__init__(OfflineModel().complete, name="slow-stream")

    def stream(self, request: ModelRequest, on_text: TextSink) -> ModelResponse:
        raise AssertionError("the desk streams asynchronously")

    async def astream(self, request: ModelRequest, on_text: TextSink) -> ModelResponse:
        response = self.complete(request)
        for start in range(0, len(response.content), 12):
            on_text(response.content[start : start + 12])
            await asyncio.sleep(0.03)
        return response


def test_an_answer_appears_while_it_streams_then_gets_its_citations(
    chromium: Any, console_errors: list[str]
) -> None:
    running = serve_in_thread(create_app(Assistant(SlowStreamingModel()), history=None))
    try:
        page = open_page(chromium, running.base_url + "/", console_errors)
        page.wait_for_function(
            "() => document.getElementById('engine').textContent.includes('slow')"
        )
        page.fill("#doc-inputs textarea", SEED.read_text(encoding="utf-8"))
        page.click("#analyze")
        page.wait_for_selector("#claims-panel .claim")
        page.click("#tab-chat")
        page.fill("#chat-question", "What did the Foreign Office deny?")
        page.press("#chat-question", "Enter")
        page.wait_for_selector("#transcript .answer-text:not(:empty)")
        partial = page.locator("#transcript .answer-text").inner_text()
        assert page.locator("#transcript .citation").count() == 0  # still streaming
        page.wait_for_selector("#transcript .citation")
        final = page.locator("#transcript .answer-text").inner_text()
        assert final.startswith(partial.strip()[:10]) and len(final) > len(partial)
        page.context.close()
    finally:
        running.stop()
    assert console_errors == []
