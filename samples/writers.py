"""Writers for the sample documents: blocks (paragraphs and tables with spans) to each format.

Used by make_samples.py and by the test fixtures; every writer takes (blocks, path, title).
"""
from __future__ import annotations

import html as htmlmod
import re
from pathlib import Path

from pipeline.model import Paragraph, Table

INT = re.compile(r"\d{1,6}")


def docx(blocks: list, path: Path, title: str) -> None:
    import docx as pydocx

    document = pydocx.Document()
    for b in blocks:
        if isinstance(b, Paragraph):
            document.add_paragraph(b.text)
            continue
        t = document.add_table(rows=b.n_rows, cols=b.n_cols)
        t.style = "Table Grid"
        for c in b.cells:
            cell = t.cell(c.row, c.col)
            if c.rowspan > 1 or c.colspan > 1:
                cell = cell.merge(t.cell(c.row + c.rowspan - 1, c.col + c.colspan - 1))
            lines = c.text.split("\n")
            cell.text = lines[0]
            for extra in lines[1:]:
                cell.add_paragraph(extra)
    document.core_properties.title = title
    document.save(str(path))


def _sheet_rows(blocks: list):
    """(row, col, text, rowspan, colspan) for a sheet: paragraphs in column A, a blank row
    around each table."""
    r = 0
    for b in blocks:
        if isinstance(b, Paragraph):
            yield r, 0, b.text, 1, 1
            r += 1
            continue
        r += 1
        for c in b.cells:
            yield r + c.row, c.col, c.text, c.rowspan, c.colspan
        r += b.n_rows + 1


def _value(text: str) -> str | int:
    return int(text) if INT.fullmatch(text) else text


def xlsx(blocks: list, path: Path, title: str) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "附件"
    for r, c, text, rs, cs in _sheet_rows(blocks):
        ws.cell(row=r + 1, column=c + 1, value=_value(text))
        if rs > 1 or cs > 1:
            ws.merge_cells(start_row=r + 1, start_column=c + 1, end_row=r + rs, end_column=c + cs)
    book.properties.title = title
    book.save(str(path))


def xls(blocks: list, path: Path, title: str) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("附件")
    for r, c, text, rs, cs in _sheet_rows(blocks):
        if rs > 1 or cs > 1:
            ws.write_merge(r, r + rs - 1, c, c + cs - 1, _value(text))
        else:
            ws.write(r, c, _value(text))
    book.save(str(path))


CHROME_HEAD = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title} - 人民政府门户网站</title>
<style>.nav li{{display:inline}} td{{border:1px solid #000}}</style>
<script>var _hmt = _hmt || []; document.write("阅读次数");</script></head>
<body><div id="header"><div class="logo">人民政府门户网站</div>
<ul class="nav"><li>首页</li><li>政务公开</li><li>政策文件</li><li>办事服务</li></ul></div>
<div class="position">当前位置：首页 &gt; 政务公开 &gt; 通知公告</div>
<div class="article">
<div class="info">{info}来源：本站 阅读次数：1024 【字体：大 中 小】 打印本页</div>
<div class="content">
"""
CHROME_TAIL = """</div>
<div class="tools"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a>
<span>扫一扫在手机打开当前页</span></div></div>
<footer>主办单位：人民政府办公室 版权所有 ICP备案号：00000000号</footer></body></html>
"""
DATE_LINE = re.compile(r"发布时间[:：]\s*(\S+(?: \d\d:\d\d(?::\d\d)?)?)")


def html(blocks: list, path: Path, title: str, charset: str = "utf-8") -> None:
    parts: list[str] = []
    info = ""
    for b in blocks:
        if isinstance(b, Paragraph):
            m = DATE_LINE.search(b.text)
            if m and not info:      # the site's own date line goes where sites put it
                info = f"发布时间：{m.group(1)} "
                continue
            parts.append(f"<p>{htmlmod.escape(b.text)}</p>")
            continue
        parts.append('<table border="1" cellspacing="0">')
        by_row: dict[int, list] = {}
        for c in b.cells:
            by_row.setdefault(c.row, []).append(c)
        for r in range(b.n_rows):
            tds = []
            for c in sorted(by_row.get(r, []), key=lambda c: c.col):
                span = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + \
                       (f' colspan="{c.colspan}"' if c.colspan > 1 else "")
                body = "<br>".join(htmlmod.escape(x) for x in c.text.split("\n"))
                tds.append(f"<td{span}>{body}</td>")
            parts.append("<tr>" + "".join(tds) + "</tr>")
        parts.append("</table>")
    page = CHROME_HEAD.format(charset=charset, title=htmlmod.escape(title), info=info) + \
        "\n".join(parts) + CHROME_TAIL
    path.write_bytes(page.encode("gb18030" if charset.lower() in ("gbk", "gb2312", "gb18030") else charset))


def pdf(blocks: list, path: Path, title: str) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph as P
    from reportlab.platypus import SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as T

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=10.5, leading=15, wordWrap="CJK")
    small = ParagraphStyle("cell", fontName="STSong-Light", fontSize=8, leading=10, wordWrap="CJK")
    width = A4[0] - 40 * mm
    story: list = []
    for b in blocks:
        if isinstance(b, Paragraph):
            story.append(P(htmlmod.escape(b.text), body))
            continue
        data = [[""] * b.n_cols for _ in range(b.n_rows)]
        spans = []
        for c in b.cells:
            data[c.row][c.col] = P("<br/>".join(htmlmod.escape(x) for x in c.text.split("\n")), small)
            if c.rowspan > 1 or c.colspan > 1:
                spans.append(("SPAN", (c.col, c.row), (c.col + c.colspan - 1, c.row + c.rowspan - 1)))
        weights = _column_weights(b)
        table = T(data, colWidths=[width * w for w in weights], repeatRows=b.header_rows)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 2),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 2)] + spans))
        story += [Spacer(1, 4), table, Spacer(1, 4)]
    SimpleDocTemplate(str(path), pagesize=A4, title=title, leftMargin=20 * mm, rightMargin=20 * mm,
                      topMargin=20 * mm, bottomMargin=20 * mm).build(story)


def _column_weights(table: Table) -> list[float]:
    longest = [4.0] * table.n_cols
    for c in table.cells:
        if c.colspan == 1:
            longest[c.col] = max(longest[c.col], min(len(c.text), 30))
    total = sum(longest)
    return [x / total for x in longest]


def gbk(raw: bytes) -> bytes:
    return raw.decode("utf-8").encode("gb18030")


def big5(raw: bytes) -> bytes:
    """Traditional characters in cp950; characters Big5 lacks are left out."""
    return big5_text(raw.decode("utf-8")).encode("cp950")


def big5_text(text: str) -> str:
    try:
        from opencc import OpenCC
        text = OpenCC("s2t").convert(text)
    except ImportError:
        pass
    out = []
    for ch in text:
        try:
            ch.encode("cp950")
            out.append(ch)
        except UnicodeEncodeError:
            pass
    return "".join(out)


def xlsx_sheets(sheets: list, path: Path, title: str) -> None:
    """A workbook of several sheets: sheets is a list of (sheet name, blocks), each sheet laid
    out as xlsx() lays out its one sheet."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, blocks in sheets:
        ws = book.create_sheet(title=name[:31])
        for r, c, text, rs, cs in _sheet_rows(blocks):
            ws.cell(row=r + 1, column=c + 1, value=_value(text))
            if rs > 1 or cs > 1:
                ws.merge_cells(start_row=r + 1, start_column=c + 1, end_row=r + rs, end_column=c + cs)
    book.properties.title = title
    book.save(str(path))
