"""JUnit XML: one testcase per scored item, a failure element for every wrong one, so CI
systems can show which items an engine gets wrong."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from assistant.evals.records import EvalReport, ItemResult


def _testcase(suite: ET.Element, dataset: str, item: ItemResult) -> None:
    case = ET.SubElement(suite, "testcase", classname=f"{dataset}.{item.group}", name=item.id)
    if item.correct:
        return
    message = f"expected {item.expected}, got {item.predicted}"
    failure = ET.SubElement(
        case, "failure", message=message, type="run_failed" if item.failure else "wrong"
    )
    failure.text = "\n".join(filter(None, [item.subject, item.failure, item.detail]))


def junit_xml(report: EvalReport) -> str:
    meta = report.meta
    wrong = sum(not i.correct for i in report.items)
    suite = ET.Element(
        "testsuite",
        name=f"claimdesk eval {meta.dataset}",
        tests=str(len(report.items)),
        failures=str(wrong),
        errors="0",
        timestamp=meta.date,
    )
    properties = ET.SubElement(suite, "properties")
    for name in ("engine", "model", "prompt_version", "date", "claimdesk_version"):
        ET.SubElement(properties, "property", name=name, value=str(getattr(meta, name)))
    for item in report.items:
        _testcase(suite, meta.dataset, item)
    ET.indent(suite)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"
    )
