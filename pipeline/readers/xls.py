"""XLS (BIFF): every sheet through xlrd, merged cells as spans.

xlrd reports merged cells only when opened with formatting_info=True, which also gives each
cell's number format: numbers and dates read as the sheet shows them (xlsx.display: 0.853
under '0.0%' is 85.3%, a date under 'yyyy"年"m"月"d"日"' is 2023年6月30日).  Hidden sheets, rows
and columns are left out with a warning, as in the XLSX reader.  The sheet is laid out by xlsx.sheet_blocks: title
rows become paragraphs, the grid a Table named after its sheet.
"""
from __future__ import annotations

import hashlib
import io

from ..errors import EncryptedDocument
from ..model import Block, Document, Table, build, clean_cell
from .xlsx import MAX_COLS, MAX_ROWS, display, drop_hidden, render, sheet_blocks


def read(data: bytes, source: str) -> Document:
    import xlrd

    try:
        # xlrd writes its warnings ("file size not 512 + multiple of sector size") to stdout,
        # which would corrupt `minsheng extract`'s JSON and `ingest --json`: keep them to itself
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True, logfile=io.StringIO())
    except xlrd.biffh.XLRDError as exc:
        if "encrypted" in str(exc).lower() or "password" in str(exc).lower():
            raise EncryptedDocument(source, "the XLS workbook is password-protected",
                                    "open it with the password and save an unprotected copy") from exc
        return _through_libreoffice(data, source, exc)
    blocks: list[Block] = []
    warnings: list[str] = []
    for index in range(book.nsheets):
        sheet = book.sheet_by_index(index)
        if sheet.visibility:
            warnings.append(f"sheet {sheet.name}: hidden, not read")
            book.unload_sheet(index)
            continue
        if sheet.nrows > MAX_ROWS or sheet.ncols > MAX_COLS:
            warnings.append(f"sheet {sheet.name}: only the first {MAX_ROWS} rows and {MAX_COLS} columns were read")
        values: dict[tuple[int, int], str] = {}
        for r in range(min(sheet.nrows, MAX_ROWS)):
            for c, cell in enumerate(sheet.row_slice(r, 0, min(sheet.ncols, MAX_COLS))):
                text = _text(cell, book, xlrd)
                if text:
                    values[(r, c)] = text
        merges = [(r0, r1, c0, c1) for r0, r1, c0, c1 in sheet.merged_cells if r0 < MAX_ROWS and c0 < MAX_COLS]
        hidden_rows = {r for r, info in sheet.rowinfo_map.items() if info.hidden and r < MAX_ROWS}
        hidden_cols = {c for c, info in sheet.colinfo_map.items() if info.hidden and c < MAX_COLS}
        values, merges = drop_hidden(values, merges, hidden_rows, hidden_cols, sheet.name, warnings)
        blocks += sheet_blocks(values, merges, sheet.name, start_index=sum(isinstance(b, Table) for b in blocks))
        book.unload_sheet(index)
    return build(source, "xls", blocks, data, warnings=warnings)


def _through_libreoffice(data: bytes, source: str, error: Exception) -> Document:
    """A workbook xlrd cannot parse (e.g. some WPS .et files): LibreOffice to XLSX, if installed."""
    from . import doc, xlsx

    if doc.soffice() is None:
        raise error
    converted = xlsx.read(doc.convert(data, source, "xlsx"), source)
    converted.format = "xls"
    converted.sha256 = hashlib.sha256(data).hexdigest()
    converted.warnings.append(f"xlrd could not read the workbook ({error}); converted with LibreOffice")
    return converted


def _text(cell, book, xlrd) -> str:
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return display(xlrd.xldate_as_datetime(cell.value, book.datemode), _format(cell, book))
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return render(cell.value)
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return display(float(cell.value), _format(cell, book))
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return render(bool(cell.value))
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return ""
    return clean_cell(str(cell.value))



def _format(cell, book) -> str | None:
    """The number format string of a cell's XF record (None when the file lacks it)."""
    try:
        return book.format_map[book.xf_list[cell.xf_index].format_key].format_str
    except (IndexError, KeyError, AttributeError, TypeError):
        return None
