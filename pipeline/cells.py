"""Cells that a spreadsheet must not run: text written to Excel or CSV stays text.

A project name such as `=HYPERLINK("http://…","点此查看")` would otherwise become a live formula in
an .xlsx written by openpyxl (any string that starts with '=' is stored as a formula) and in a CSV
opened by Excel (which evaluates text that starts with = + - @, a tab or a carriage return).
Every writer of a spreadsheet goes through here: the paste page's downloads, `minsheng extract
--format xlsx|csv` and `minsheng export`.
"""

from __future__ import annotations

from typing import Any

# =1+1, +1, -1, @SUM(A1), "\t=1", "\r=1": what a spreadsheet reads as a formula
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """Text that a spreadsheet would evaluate gets a leading apostrophe (shown, never run);
    numbers and other text pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_LEADS):
        return "'" + value
    return value


def defuse(worksheet) -> int:
    """Store every formula cell of an openpyxl worksheet as the text it holds. Our data never
    carries a formula, so a cell openpyxl took for one came from a document. Returns how many."""
    n = 0
    for row in worksheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"
                n += 1
    return n


def defuse_book(workbook) -> int:
    """`defuse` on every sheet of a workbook."""
    return sum(defuse(ws) for ws in workbook.worksheets)
