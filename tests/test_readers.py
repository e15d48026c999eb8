from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.readers import Rejection, read_sources
from pipeline.readers.encoding import decode
from pipeline.record import Document

SIMPLIFIED = [
    "逾期",
    "支付宝逾期一个月怎么办",
    "逾期后平台会先发短信提醒，随后电话联系。",
    "协商还款需要准备身份证件和收入证明，并说明逾期原因。",
]
TRADITIONAL = [
    "協商還款",
    "支付寶逾期可以協商流程",
    "逾期後平台會先發簡訊提醒，隨後電話聯繫。",
    "協商還款需要準備身分證件和收入證明，並說明逾期原因。",
]


@pytest.mark.parametrize("text", SIMPLIFIED + TRADITIONAL)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_utf8_with_and_without_bom(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)).text == text


@pytest.mark.parametrize("text", SIMPLIFIED[1:] + TRADITIONAL[1:])
@pytest.mark.parametrize("encoding", ["gb18030", "gbk"])
def test_gb_family(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)).text == text


@pytest.mark.parametrize("text", TRADITIONAL[1:])
def test_big5(text: str) -> None:
    decoded = decode(text.encode("big5"))
    assert decoded.text == text
    assert decoded.encoding == "cp950"


def test_declared_charset_is_only_a_hint() -> None:
    text = "支付宝逾期可以协商流程，用户需要准备相关材料。"
    gbk_declared_utf8 = f'<meta charset="utf-8"><p>{text}</p>'.encode("gbk")
    assert text in decode(gbk_declared_utf8, "utf-8").text
    utf8_declared_gbk = f'<meta charset="gb2312"><p>{text}</p>'.encode()
    assert text in decode(utf8_declared_gbk, "gb2312").text


def test_damaged_bytes_are_replaced_and_counted() -> None:
    data = "支付宝逾期可以协商流程，用户需要准备相关材料。".encode("gb18030")
    damaged = data[:6] + b"\xff" + data[6:]  # between two characters
    decoded = decode(damaged)
    assert decoded.replaced >= 1
    assert "用户需要准备相关材料" in decoded.text


def _read(*paths: Path) -> list[Document | Rejection]:
    return list(read_sources(paths))


def test_html_page_in_gbk_with_wrong_declaration(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    body = "逾期以后，平台通常会先通过短信提醒用户尽快还款，然后电话联系。" * 3
    page.write_bytes(
        (
            '<html><head><meta charset="big5"><title>逾期以后会怎样_某某网</title></head>'
            '<body><div class="nav"><a href="/">首页</a></div>'
            f'<div class="article"><h1>逾期以后会怎样</h1><p>{body}</p></div>'
            '<div class="footer">Copyright 某某网</div></body></html>'
        ).encode("gbk")
    )
    [doc] = _read(page)
    assert isinstance(doc, Document)
    assert doc.title == "逾期以后会怎样"
    assert body in doc.text
    assert "首页" not in doc.text and "Copyright" not in doc.text
    assert any(f.kind == "wrong_declared_charset" for f in doc.findings)


def test_jsonl_records(tmp_path: Path) -> None:
    page = tmp_path / "batch.jsonl"
    lines = [
        {"url": "https://example.org/a", "title": "协商流程", "text": "正文一。"},
        {"url": "https://example.org/b", "title": "催收", "html": "<p>正文二，在段落里。</p>"},
        "not json",
        {"url": "https://example.org/c", "title": "空的"},
    ]
    page.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines),
        encoding="utf-8",
    )
    a, b, bad, empty = _read(page)
    assert isinstance(a, Document) and a.url == "https://example.org/a" and a.text == "正文一。"
    assert isinstance(b, Document) and "正文二" in b.text
    assert isinstance(bad, Rejection) and bad.source.endswith("batch.jsonl#3") and "JSON" in bad.reason
    assert isinstance(empty, Rejection) and "neither" in empty.reason


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.html", b"  \n\n ", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("notes.docx", b"PK\x03\x04", "unknown file type .docx"),
        ("broken.html", b"<html><body><div><p></div></span></html", "no article text"),
    ],
)
def test_bad_input_is_rejected_with_a_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    [rejection] = _read(path)
    assert isinstance(rejection, Rejection)
    assert rejection.source == path.as_posix()
    assert reason in rejection.reason


def test_malformed_html_with_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "messy.htm"
    path.write_text("<div><p>逾期后第一步是联系客服<p>第二步是说明情况</div></span>", encoding="utf-8")
    [doc] = _read(path)
    assert isinstance(doc, Document)
    assert "逾期后第一步是联系客服" in doc.text and "第二步是说明情况" in doc.text


def test_id_does_not_depend_on_how_the_path_was_typed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("标题\n\n正文。", encoding="utf-8")
    [by_folder] = _read(tmp_path)
    [by_file] = _read(tmp_path / "a.txt")
    assert isinstance(by_folder, Document) and isinstance(by_file, Document)
    assert by_folder.id == by_file.id


def test_missing_path_is_rejected(tmp_path: Path) -> None:
    [rejection] = _read(tmp_path / "nope")
    assert isinstance(rejection, Rejection) and "no such file" in rejection.reason


def test_input_files_are_not_modified(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    data = "您好!歡迎訪問(wèn)逾期頻道!\n\n標題\n\n正文。".encode()
    path.write_bytes(data)
    from pipeline.run import Run

    Run(tmp_path / "out").execute([path], tmp_path / "m.jsonl")
    assert path.read_bytes() == data
