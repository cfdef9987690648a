"""Render corpus documents into files that carry real office habits.

    .venv/bin/python samples/realistic/make_realistic.py

The clean renderings in samples/corpus/{docx,pdf,html,xlsx} draw our text the plainest way.
Files from government offices carry more: page numbers and running heads on every page, a
red-letter masthead in big type, justified paragraphs with a two-character indent, tables
that run over pages with their header repeated, a 版记 between rules; in Word, automatic
numbering whose '一、' is not in the text, headers and footers with fields, text boxes,
tracked changes, hidden text; in workbooks, numbers stored as numbers with a display format
(0.853 shown as 85.3%), dates as serials, formulas, hidden rows, a merged title row, several
sheets, formatted but empty trailing cells; web pages with layout tables, &nbsp; padding and
a GBK <meta>.  Each file here is built from one corpus text (samples/corpus/NNN_*.txt, whose
answer key is in samples/corpus/gold/), keeps that text's stem, and is read back by
tests/test_realistic.py, which expects the same records as from the text.

Output is deterministic: ZIP members carry a fixed date, PDFs are written invariant.
"""
from __future__ import annotations

import html as htmlmod
import io
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(ROOT), str(HERE.parent), str(HERE.parent / "corpus")]

from make_formats import corpus_blocks

from pipeline.model import Paragraph, Table

CORPUS = HERE.parent / "corpus"
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
FIXED_DATE = (2020, 1, 1, 0, 0, 0)


def stem(prefix: str) -> str:
    return next(CORPUS.glob(f"{prefix}_*.txt")).stem


def blocks_of(prefix: str) -> list:
    return corpus_blocks(CORPUS / f"{stem(prefix)}.txt")


def fixed_zip(path: Path) -> None:
    """Rewrite a ZIP with every member dated FIXED_DATE, so the bytes do not depend on the clock."""
    with zipfile.ZipFile(path) as src:
        members = [(i, src.read(i.filename)) for i in src.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in members:
            if info.filename == "docProps/core.xml":      # openpyxl stamps the save time
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2020-01-01T00:00:00Z", data)
            fixed = zipfile.ZipInfo(info.filename, FIXED_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(fixed, data)
    path.write_bytes(buf.getvalue())


# ---------------------------------------------------------------- PDF, as printed from Word/WPS

DOC_NUMBER = re.compile(r"〔\d{4}〕|\[\d{4}\]")
HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
SIGNATURE = re.compile(r"^(?:\S{2,20}(?:人民政府|办公厅|办公室|委员会|领导小组)|\d{4}年\d{1,2}月\d{1,2}日)$")
FOOTERS = {
    "dash": lambda n, total: f"— {n} —",
    "fullwidth": lambda n, total: f"－{n}－",
    "of": lambda n, total: f"第{n}页 共{total}页",
}


def pdf(blocks: list, path: Path, title: str, masthead: str | None, footer: str, running_head: str | None,
        tracked: bool = False) -> None:
    """A red-letter document as Word prints it (GB/T 9704 layout): A4, 28/26 mm side margins,
    16 pt body justified with a two-character indent, page numbers at the foot on the outer
    side, a running head from page 2, the attachment's table repeating its header row on
    every page, and the 版记 (抄送, 印发) between rules at the end.  A tracked masthead is drawn
    with wide character spacing (the Tc operator: gaps, no space characters), as mastheads
    stretched to the type area are."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import HRFlowable, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Paragraph as P
    from reportlab.platypus import Table as T

    pdfmetrics.registerFont(TTFont("Zen", str(FONT), subfontIndex=0))
    style = {
        "body": ParagraphStyle("body", fontName="Zen", fontSize=16, leading=28, wordWrap="CJK",
                               alignment=TA_JUSTIFY, firstLineIndent=32),
        "heading": ParagraphStyle("heading", fontName="Zen", fontSize=16, leading=28, wordWrap="CJK",
                                  alignment=TA_LEFT, firstLineIndent=32),
        "plain": ParagraphStyle("plain", fontName="Zen", fontSize=16, leading=28, wordWrap="CJK", alignment=TA_LEFT),
        "masthead": ParagraphStyle("masthead", fontName="Zen", fontSize=30, leading=44, alignment=TA_CENTER,
                                   textColor=colors.red),
        "number": ParagraphStyle("number", fontName="Zen", fontSize=16, leading=28, alignment=TA_CENTER),
        "title": ParagraphStyle("title", fontName="Zen", fontSize=22, leading=34, alignment=TA_CENTER),
        "sign": ParagraphStyle("sign", fontName="Zen", fontSize=16, leading=28, alignment=TA_RIGHT, rightIndent=64),
        "record": ParagraphStyle("record", fontName="Zen", fontSize=14, leading=24, leftIndent=14, wordWrap="CJK"),
        "cell": ParagraphStyle("cell", fontName="Zen", fontSize=10.5, leading=14, wordWrap="CJK"),
    }
    width = A4[0] - 54 * mm
    def make_story() -> list:
        story: list = []
        if masthead and tracked:
            story += [Spacer(1, 64)]
        elif masthead:
            story += [P(masthead, style["masthead"]), Spacer(1, 20)]
        salutation = next((i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and b.text.endswith("：")), 0)
        record = False
        for i, b in enumerate(blocks):
            if isinstance(b, Table):
                story += [Spacer(1, 6), _pdf_table(b, width, style["cell"], T, TableStyle, colors), Spacer(1, 6)]
                continue
            text = htmlmod.escape(b.text)
            if DOC_NUMBER.search(b.text) and i < salutation:
                story.append(P(text, style["number"]))
                if masthead:
                    story += [HRFlowable(width="100%", thickness=2, color=colors.red, spaceBefore=4, spaceAfter=16)]
            elif i < salutation:
                story.append(P(text, style["title"]))
            elif b.text.startswith("抄送"):
                record = True
                story += [Spacer(1, 40), HRFlowable(width="100%", thickness=1, color=colors.black, spaceAfter=4),
                          P(text, style["record"]),
                          HRFlowable(width="100%", thickness=0.5, color=colors.black, spaceBefore=4, spaceAfter=4)]
            elif record:
                story += [P(text, style["record"]), HRFlowable(width="100%", thickness=1, color=colors.black, spaceBefore=4)]
            elif i == salutation:
                story.append(P(text, style["plain"]))
            elif SIGNATURE.match(b.text):
                story.append(P(text, style["sign"]))
            elif HEADING.match(b.text) and len(b.text) < 20 or len(b.text) < 12:
                story.append(P(text, style["heading"]))
            else:
                story.append(P(text, style["body"]))

        return story

    def furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Zen", 14)
        n = canvas.getPageNumber()
        label = FOOTERS[footer](n, doc.page_count)
        if footer == "of":
            canvas.drawCentredString(A4[0] / 2, 20 * mm, label)
        elif n % 2:
            canvas.drawRightString(A4[0] - 26 * mm - 14, 20 * mm, label)
        else:
            canvas.drawString(28 * mm + 14, 20 * mm, label)
        if masthead and tracked and n == 1:
            text = canvas.beginText()
            text.setFont("Zen", 28)
            text.setCharSpace(9)
            text.setFillColor(colors.red)
            width = pdfmetrics.stringWidth(masthead, "Zen", 28) + 9 * (len(masthead) - 1)
            text.setTextOrigin((A4[0] - width) / 2, A4[1] - 37 * mm - 40)
            text.textOut(masthead)
            canvas.drawText(text)
        if running_head and n > 1:
            canvas.setFont("Zen", 10.5)
            canvas.drawCentredString(A4[0] / 2, A4[1] - 22 * mm, running_head)
            canvas.setLineWidth(0.5)
            canvas.line(28 * mm, A4[1] - 23.5 * mm, A4[0] - 26 * mm, A4[1] - 23.5 * mm)
        canvas.restoreState()

    def build(page_count: int) -> bytes:
        buf = io.BytesIO()
        doc = SimpleDocTemplate(buf, pagesize=A4, title=title, leftMargin=28 * mm, rightMargin=26 * mm,
                                topMargin=37 * mm, bottomMargin=35 * mm, invariant=1)
        doc.page_count = page_count
        doc.build(make_story(), onFirstPage=furniture, onLaterPages=furniture)
        return buf.getvalue()

    first = build(0)                    # count the pages, then print 共N页 with the count
    pages = len(re.findall(rb"/Type /Page\b", first))
    path.write_bytes(build(pages))


def _pdf_table(b: Table, width: float, cell_style, T, TableStyle, colors):
    from reportlab.platypus import Paragraph as P

    data = [[""] * b.n_cols for _ in range(b.n_rows)]
    spans = []
    for c in b.cells:
        data[c.row][c.col] = P("<br/>".join(htmlmod.escape(x) for x in c.text.split("\n")), cell_style)
        if c.rowspan > 1 or c.colspan > 1:
            spans.append(("SPAN", (c.col, c.row), (c.col + c.colspan - 1, c.row + c.rowspan - 1)))
    longest = [3.0] * b.n_cols
    for c in b.cells:
        if c.colspan == 1:
            longest[c.col] = max(longest[c.col], min(len(c.text), 24))
    widths = [width * x / sum(longest) for x in longest]
    table = T(data, colWidths=widths, repeatRows=b.header_rows)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)] + spans))
    return table


# ---------------------------------------------------------------- workbooks, as kept in Excel/WPS

SHEET_MARK = re.compile(r"^(?:表|附件|附表)\s*\d+$")
INTEGER = re.compile(r"^\d{1,9}$")
DECIMAL = re.compile(r"^\d{1,9}\.(\d{1,4})$")
PERCENT = re.compile(r"^(\d{1,4})(?:\.(\d{1,4}))?%$")
FILLED_IN = re.compile(r"^(?P<label>.*(?:填报|统计|截止)日期[:：])\s*(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日$")
TOTAL = re.compile(r"^(?:全[省市州县区盟旗]|合计|总计)$")
CELL_GAP = r"\t+|\s{3,}"                            # where a flattened row had its cells
HIDDEN_COL = 3                                       # division codes, after 序号 and the name
CN_DATE = 'yyyy"年"m"月"d"日"'


def sheets_of(blocks: list) -> list[tuple[str, list]]:
    """Blocks cut into sheets at each 表N line, named 附件1, 附件2, … as attachments are."""
    sheets: list[tuple[str, list]] = []
    for b in blocks:
        if isinstance(b, Paragraph) and SHEET_MARK.match(b.text) or not sheets:
            sheets.append((f"附件{len(sheets) + 1}", []))
        sheets[-1][1].append(b)
    return sheets


def workbook(blocks: list, path: Path) -> None:
    """A summary workbook as offices keep it: one sheet per 表, the title merged across the
    table, numbers stored as numbers with display formats (rates as fractions shown '0.00%',
    computed by a formula =完成/任务 where that gives the stated figure,
    thousands '#,##0'), the total row as SUM formulas with their cached values, a hidden
    column of division codes and a hidden check row, the 填报日期 as a date serial, borders
    drawn well past the data, and the empty Sheet3 Excel leaves behind."""
    import datetime as dt

    import openpyxl
    from openpyxl.styles import Alignment, Border, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    book = openpyxl.Workbook()
    book.remove(book.active)
    cached: dict[tuple[int, str], object] = {}          # (sheet number, cell) -> value of its formula
    for number, (name, part) in enumerate(sheets_of(blocks), start=1):
        ws = book.create_sheet(name)
        table = next((b for b in part if isinstance(b, Table)), None)
        width = (table.n_cols + 1) if table else 1      # +1: the hidden code column
        r = 1

        before = True
        for b in part:
            if isinstance(b, Table):
                r = _sheet_table(ws, b, r, box, number, cached)
                before = False
                continue
            m = FILLED_IN.match(b.text.strip())
            if m:                                        # 填报单位：…  填报日期：<a date serial>
                head = re.split(CELL_GAP, m.group("label").strip())
                for k, t in enumerate(head):
                    ws.cell(row=r, column=1 + k * 3, value=t)
                cell = ws.cell(row=r, column=1 + (len(head) - 1) * 3 + 2,
                               value=dt.datetime(int(m.group("y")), int(m.group("m")), int(m.group("d"))))
                cell.number_format = CN_DATE
            elif before and not SHEET_MARK.match(b.text) and table and not re.search(CELL_GAP, b.text.strip()):
                ws.cell(row=r, column=1, value=b.text).alignment = Alignment(horizontal="center")
                ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
            else:
                texts = re.split(CELL_GAP, b.text.strip())
                for k, t in enumerate(texts):
                    ws.cell(row=r, column=1 + k * 3, value=t)
            r += 1
        ws.column_dimensions[get_column_letter(HIDDEN_COL)].hidden = True
        for row in ws.iter_rows(min_row=1, max_row=r + 12, max_col=width + 4):   # formatted, empty
            for cell in row:
                if cell.value is None and cell.coordinate not in ws.merged_cells:
                    cell.border = box
        for k in range(1, width + 5):
            ws.column_dimensions[get_column_letter(k)].width = 14
    book.create_sheet("Sheet3")
    book.properties.creator = "Administrator"
    book.properties.created = book.properties.modified = dt.datetime(2020, 1, 1)
    book.save(str(path))
    _cache_formulas(path, cached)
    fixed_zip(path)


def col_of(c: int) -> int:
    """The sheet column (1-based) of table column c, past the hidden code column."""
    return c + 1 if c + 1 < HIDDEN_COL else c + 2


def _sheet_table(ws, b: Table, r: int, box, number: int, cached: dict) -> int:
    from openpyxl.utils import get_column_letter

    top = r
    rows = b.rows()
    ws.cell(row=r, column=HIDDEN_COL, value="区划代码").border = box
    total_row = next((k for k in range(b.header_rows, b.n_rows)
                      if any(TOTAL.match(t) for t in rows[k][:2])), None)
    for c in b.cells:
        row = top + c.row + (1 if c.row >= b.header_rows else 0)
        col = col_of(c.col)
        cell = ws.cell(row=row, column=col)
        _typed(cell, c.text)
        cell.border = box
        if c.rowspan > 1 or c.colspan > 1:
            end_row = top + c.row + c.rowspan - 1 + (1 if c.row + c.rowspan - 1 >= b.header_rows else 0)
            end_col = col_of(c.col + c.colspan - 1)
            ws.merge_cells(start_row=row, start_column=col, end_row=end_row, end_column=end_col)
    check = top + b.header_rows                            # a hidden row of check sums
    ws.cell(row=check, column=1, value="校验")
    ws.cell(row=check, column=col_of(b.n_cols - 1), value=999999)
    ws.row_dimensions[check].hidden = True
    for k in range(b.header_rows, b.n_rows):
        ws.cell(row=top + k + 1, column=HIDDEN_COL, value=522601 + k)
    for k in range(b.header_rows, b.n_rows):             # a rate as a formula, where it gives the text's figure
        for c in range(2, b.n_cols):
            m = PERCENT.match(rows[k][c])
            if m and INTEGER.match(rows[k][c - 1]) and INTEGER.match(rows[k][c - 2]) and int(rows[k][c - 2]):
                value = int(rows[k][c - 1]) / int(rows[k][c - 2])
                if f"{value * 100:.{len(m.group(2) or '')}f}%" == rows[k][c]:
                    done, task = get_column_letter(col_of(c - 1)), get_column_letter(col_of(c - 2))
                    ref = f"{get_column_letter(col_of(c))}{top + k + 1}"
                    ws[ref] = f"={done}{top + k + 1}/{task}{top + k + 1}"
                    cached[(number, ref)] = repr(value)
    if total_row is not None:                             # the total row sums the rows under it
        first, last = top + total_row + 2, top + b.n_rows
        for c in range(b.n_cols):
            parts = [rows[k][c] for k in range(total_row + 1, b.n_rows)]
            if INTEGER.match(rows[total_row][c]) and all(INTEGER.match(t) for t in parts) \
                    and sum(map(int, parts)) == int(rows[total_row][c]):
                letter = get_column_letter(col_of(c))
                ref = f"{letter}{top + total_row + 1}"
                ws[ref] = f"=SUM({letter}{first}:{letter}{last})"
                ws[ref].number_format = "#,##0"
                cached[(number, ref)] = int(rows[total_row][c])
    return top + b.n_rows + 1                             # +1: the hidden check row


def _typed(cell, text: str) -> None:
    """A cell's text as Excel would hold it: a number with the format that shows the text."""
    if INTEGER.match(text) and not text.startswith("0"):
        cell.value = int(text)
        cell.number_format = "#,##0" if int(text) >= 1000 else "0"
    elif m := DECIMAL.match(text):
        cell.value = float(text)
        cell.number_format = "0." + "0" * len(m.group(1))
    elif m := PERCENT.match(text):
        decimals = len(m.group(2) or "")
        cell.value = round(float(text[:-1]) / 100, decimals + 2)
        cell.number_format = "0" + ("." + "0" * decimals if decimals else "") + "%"
    else:
        cell.value = text


def _cache_formulas(path: Path, cached: dict[tuple[int, str], object]) -> None:
    """Write each formula's value into the sheet, as Excel does on saving (openpyxl leaves <v> empty)."""
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i.filename) for i in src.infolist()}
    for (number, ref), value in cached.items():
        name = f"xl/worksheets/sheet{number}.xml"
        xml = parts[name].decode("utf-8")
        xml = re.sub(rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)<v\s*/?>(?:</v>)?', rf"\g<1>\g<2><v>{value}</v>", xml)
        parts[name] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)


# ---------------------------------------------------------------- DOCX, as kept in Word

NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
      "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
      "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "v": "urn:schemas-microsoft-com:vml"}
DECLS = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items())
# 一、 at level 0, （一） at level 1, 1. at level 2: the outline Chinese documents use
NUMBERING = f"""<w:numbering {DECLS}>
<w:abstractNum w:abstractNumId="7"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>
<w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:firstLine="640"/></w:pPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>
<w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:firstLine="640"/></w:pPr></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
</w:numbering>"""
OUTLINE = re.compile(r"^(?:(?P<l0>[一二三四五六七八九十]+)、|（(?P<l1>[一二三四五六七八九十]+)）)(?P<rest>.+)$")


def _add(element, xml: str) -> None:
    """Append the elements in an XML fragment (several siblings allowed) to element."""
    from docx.oxml import parse_xml

    for child in list(parse_xml(f"<w:wrap {DECLS}>{xml}</w:wrap>")):
        element.append(child)


def _run(text: str, *, hidden: bool = False, deleted: bool = False) -> str:
    props = "<w:rPr><w:vanish/></w:rPr>" if hidden else ""
    body = f'<w:delText xml:space="preserve">{htmlmod.escape(text)}</w:delText>' if deleted \
        else f'<w:t xml:space="preserve">{htmlmod.escape(text)}</w:t>'
    return f"<w:r {DECLS}>{props}{body}</w:r>"


def _revision(old: str, new: str) -> str:
    stamp = 'w:author="审核人" w:date="2016-03-07T10:00:00Z"'
    return (f'<w:del {DECLS} w:id="901" {stamp}>{_run(old, deleted=True)}</w:del>'
            f'<w:ins {DECLS} w:id="902" {stamp}>{_run(new)}</w:ins>')


def _field(instruction: str, result: str) -> str:
    """A complex field: its code (instrText) and the result Word last showed."""
    return (f'<w:r {DECLS}><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r {DECLS}><w:instrText xml:space="preserve"> {htmlmod.escape(instruction)} </w:instrText></w:r>'
            f'<w:r {DECLS}><w:fldChar w:fldCharType="separate"/></w:r>{_run(result)}'
            f'<w:r {DECLS}><w:fldChar w:fldCharType="end"/></w:r>')


def _text_box(text: str) -> str:
    """A floating text box as Word 2010+ writes it: a DrawingML shape, with a VML copy for old readers."""
    inner = f'<w:txbxContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr>{_run(text)}</w:p></w:txbxContent>'
    return (f'<w:r {DECLS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" behindDoc="0" '
            'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="column"><wp:posOffset>3200400</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>-609600</wp:posOffset></wp:positionV>'
            '<wp:extent cx="2286000" cy="400000"/><wp:wrapNone/><wp:docPr id="5" name="文本框 5"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx>{inner}</wps:txbx><wps:bodyPr/></wps:wsp>'
            '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
            f'<mc:Fallback><w:pict><v:shape style="position:absolute;width:180pt;height:31.5pt">'
            f'<v:textbox>{inner}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def docx(blocks: list, path: Path, masthead: str, revisions: bool = True) -> None:
    """A plan as an office keeps it in Word: the outline numbers 一、 and （一） are automatic
    (numbering.xml; the text has no number), the masthead in the header and '— PAGE —' in the
    footer, the issuer's name in a text box beside the date, the date a field, a line broken by
    Shift+Enter, a reviewer's tracked change (old figure deleted, new inserted), a drafting note
    in hidden text, and the attachment's table laid inside a one-cell layout table.  Without
    revisions the change is accepted (as printed to PDF)."""
    import docx as pydocx
    from docx.oxml import parse_xml
    from docx.shared import Pt

    document = pydocx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = masthead
    foot = section.footer.paragraphs[0]
    _add(foot._p, _run("— ") + _field("PAGE", "1") + _run(" —"))
    numbering = document.part.numbering_part
    numbering._element = parse_xml(NUMBERING)
    document.styles["Normal"].font.size = Pt(16)
    numbered = False
    signature_done = False
    for i, b in enumerate(blocks):
        if isinstance(b, Table):
            layout = document.add_table(rows=1, cols=1)
            outer = layout.cell(0, 0)
            inner = outer.add_table(rows=b.n_rows, cols=b.n_cols)
            inner.style = "Table Grid"
            for c in b.cells:
                cell = inner.cell(c.row, c.col)
                if c.rowspan > 1 or c.colspan > 1:
                    cell = cell.merge(inner.cell(c.row + c.rowspan - 1, c.col + c.colspan - 1))
                _cell_habits(cell, c.text, revisions)
            continue
        text = b.text
        m = OUTLINE.match(text)
        if m:                                               # the number is Word's, not the text's
            p = document.add_paragraph()
            level = 0 if m.group("l0") else 1
            _add(p._p.get_or_add_pPr(), f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="3"/></w:numPr>')
            _body_text(p, m.group("rest"))
            numbered = True
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if not signature_done and numbered is False and isinstance(nxt, Paragraph) \
                and re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", nxt.text) and len(text) <= 20:
            continue                                        # the issuer goes in a text box by the date
        if re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", text) and not signature_done:
            document.add_paragraph()                        # room for the issuer's box above the date
            document.add_paragraph()
            p = document.add_paragraph()
            _add(p._p, _text_box(blocks[i - 1].text) + _field('CREATEDATE \\@ "yyyy年M月d日"', text))
            signature_done = True
            continue
        if i + 1 < len(blocks) and i < 4 and isinstance(nxt, Paragraph) and text.endswith("办公室") \
                and nxt.text.startswith("关于"):
            p = document.add_paragraph(text)                # a title broken by Shift+Enter
            p.add_run().add_break()
            blocks[i + 1] = Paragraph("")
            p.add_run(nxt.text)
            continue
        if text:
            _body_text(document.add_paragraph(), text)
    document.core_properties.author = "Administrator"
    document.core_properties.created = document.core_properties.modified = __import__("datetime").datetime(2016, 3, 8)
    document.save(str(path))
    fixed_zip(path)


HIDDEN_NOTE = "（核稿：此数据待县财政局确认，初稿为２.８亿元）"


def _body_text(p, text: str) -> None:
    """A body paragraph; a drafting note in hidden text follows a sentence giving an amount."""
    at = text.find("亿元")
    if at > 0:
        head, tail = text[: at + 2], text[at + 2:]
        _add(p._p, _run(head) + _run(HIDDEN_NOTE, hidden=True) + _run(tail))
    else:
        _add(p._p, _run(text))


def _cell_habits(cell, text: str, revisions: bool) -> None:
    """A cell's lines; a reviewer changed one figure with tracked changes (５００ was ４００)."""
    lines = text.split("\n")
    first = cell.paragraphs[0]
    for k, line in enumerate(lines):
        p = first if k == 0 else cell.add_paragraph()
        if "５００套" in line and revisions:
            head, tail = line.split("５００套", 1)
            _add(p._p, _run(head) + _revision("４００", "５００") + _run("套" + tail))
        else:
            _add(p._p, _run(line))


def typed_docx(blocks: list, path: Path, running_head: str) -> None:
    """A report as a typist keeps it in Word: paragraphs indented with two ideographic spaces
    typed in the text (no first-line indent), justified, 16 pt; a running head; '－PAGE－' in the
    footer; A4 pages, the attachment (from the 附件 line on) in a landscape section of its own,
    its table's header rows marked to repeat on every page."""
    import datetime as dt

    import docx as pydocx
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    document = pydocx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = running_head
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add(foot._p, _run("－") + _field("PAGE", "1") + _run("－"))
    document.styles["Normal"].font.size = Pt(16)
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin, section.top_margin, section.bottom_margin = Mm(28), Mm(26), Mm(37), Mm(35)
    salutation = next((i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and b.text.endswith("：")), 0)
    for i, b in enumerate(blocks):
        if isinstance(b, Paragraph) and b.text == "附件":       # the attachment on landscape pages
            landscape = document.add_section(WD_SECTION.NEW_PAGE)
            landscape.orientation = WD_ORIENT.LANDSCAPE
            landscape.page_width, landscape.page_height = Mm(297), Mm(210)
            landscape.left_margin, landscape.right_margin = Mm(37), Mm(35)
            landscape.top_margin, landscape.bottom_margin = Mm(28), Mm(26)
        if isinstance(b, Table):
            t = document.add_table(rows=b.n_rows, cols=b.n_cols)
            t.style = "Table Grid"
            for c in b.cells:
                cell = t.cell(c.row, c.col)
                if c.rowspan > 1 or c.colspan > 1:
                    cell = cell.merge(t.cell(c.row + c.rowspan - 1, c.col + c.colspan - 1))
                cell.text = c.text
                for para in cell.paragraphs:
                    for run in para.runs:
                        run.font.size = Pt(10.5)
            for k in range(b.header_rows):
                _add(t.rows[k]._tr.get_or_add_trPr(), "<w:tblHeader/>")
            continue
        if i < salutation:
            p = document.add_paragraph(b.text)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif i == salutation or SIGNATURE.match(b.text):
            p = document.add_paragraph(b.text)
            if i != salutation:
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            p = document.add_paragraph("\u3000\u3000" + b.text)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    document.core_properties.author = "Administrator"
    document.core_properties.created = document.core_properties.modified = dt.datetime(2019, 10, 24)
    document.save(str(path))
    fixed_zip(path)


# ---------------------------------------------------------------- HTML, as saved from an older government site

PAGE_HEAD = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{title}_政府信息公开_广西壮族自治区人民政府门户网站</title>
<style type="text/css">
body {{ margin:0; font-size:12px; }} .title {{ font-size:22px; color:#c00; }}
td.content p {{ text-indent:2em; line-height:200%; }}
</style>
<script type="text/javascript">
function doZoom(size) {{ document.getElementById('zoom').style.fontSize = size + 'px'; }}
var _bdhmProtocol = (("https:" == document.location.protocol) ? " https://" : " http://");
document.write("<table><tr><td>统计代码</td></tr></table>");
</script>
<!--[if IE 6]><script src="DD_belatedPNG.js"></script><![endif]-->
</head>
<body>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td><img src="images/banner.jpg" width="1002" height="120" alt="广西壮族自治区人民政府门户网站" /></td></tr>
</table>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0" class="menu">
  <tr><td><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bsfw/">办事服务</a> | <a href="/hdjl/">互动交流</a></td></tr>
</table>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td width="200" valign="top" class="left">
      <table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr><td class="lefttitle">热点专题</td></tr>
        <tr><td><a href="#">脱贫攻坚</a><br /><a href="#">为民办实事</a><br /><a href="#">营商环境</a></td></tr>
      </table>
    </td>
    <td width="802" valign="top">
      <table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr><td class="position">您现在的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 通知公告</td></tr>
        <tr><td align="center" class="title"><strong>{title}</strong></td></tr>
        <tr><td align="center">发布时间：{published}&nbsp;&nbsp;&nbsp;来源：自治区人民政府办公厅&nbsp;&nbsp;&nbsp;【字体：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】</td></tr>
        <tr><td class="content" id="zoom">
"""
PAGE_TAIL = """        </td></tr>
        <tr><td align="right"><a href="javascript:window.print()">【打印本页】</a>&nbsp;<a href="javascript:window.close()">【关闭窗口】</a></td></tr>
      </table>
    </td>
  </tr>
</table>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td align="center">主办：广西壮族自治区人民政府办公厅&nbsp;&nbsp;版权所有&nbsp;&nbsp;桂ICP备05001234号</td></tr>
</table>
</body>
</html>
"""


def html(blocks: list, path: Path, title: str, published: str) -> None:
    """A page of an older government site: layout tables for the banner, menu, sidebar and
    article; a GB2312 <meta> (the bytes GBK); a script that writes a table; paragraphs indented
    with &nbsp; or ideographic spaces, some run together with <br /><br />; the attachment's
    table as Word exports it (MsoNormal paragraphs in cells, &nbsp; in empty ones, <br /> in
    header cells, rowspan and colspan)."""
    parts: list[str] = []
    run: list[str] = []                                  # paragraphs joined by <br /><br />

    def flush() -> None:
        if run:
            parts.append("<div>" + "<br />\n<br />\n".join(run) + "</div>")
            run.clear()

    for i, b in enumerate(blocks):
        if isinstance(b, Table):
            flush()
            parts.append(_html_table(b))
            continue
        text = htmlmod.escape(b.text)
        if not (10 <= i < 16):
            flush()
        if i < 4:
            parts.append(f'<p align="center"><strong><span style="font-size:16pt">{text}</span></strong></p>')
        elif HEADING.match(b.text) and len(b.text) < 40:
            parts.append(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;<strong>{text}</strong></p>")
        elif 10 <= i < 16:                               # part of the article as one <div> with <br />s
            run.append("\u3000\u3000" + text)
            continue
        else:
            parts.append(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{text}</p>")
    flush()
    page = PAGE_HEAD.format(title=htmlmod.escape(title), published=published) + "\n".join(parts) + PAGE_TAIL
    path.write_bytes(page.encode("gbk"))


def _html_table(b: Table) -> str:
    rows: dict[int, list] = {}
    for c in b.cells:
        rows.setdefault(c.row, []).append(c)
    out = [('<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" width="100%" '
            'style="border-collapse:collapse">')]
    for r in range(b.n_rows):
        tds = []
        for c in sorted(rows.get(r, []), key=lambda c: c.col):
            span = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (f' colspan="{c.colspan}"' if c.colspan > 1 else "")
            text = "<br />".join(htmlmod.escape(x) for x in c.text.split("\n")) or "&nbsp;"
            text = re.sub(r"（", "<br />（", text, count=1) if r < b.header_rows and "（" in text else text
            tds.append(f'<td{span} valign="center" style="border:solid windowtext 1.0pt">'
                       f'<p class="MsoNormal" align="center"><span lang="EN-US">{text}</span><o:p></o:p></p></td>')
        out.append("<tr>" + "".join(tds) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def soffice_convert(src: Path, target: str, outdir: Path) -> Path:
    """LibreOffice's conversion of src (a private profile, as two soffice processes sharing one fail)."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory(prefix="realistic-soffice-") as tmp:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore",
                        "--convert-to", target, "--outdir", str(outdir), str(src)],
                       check=True, capture_output=True, timeout=180)
    return outdir / f"{src.stem}.{target.split(':')[0]}"


def fixed_pdf(path: Path) -> None:
    """Blank LibreOffice's clock-dependent bytes (creation date, file ID, checksum) in place,
    keeping their lengths so the cross-reference offsets stay right."""
    data = path.read_bytes()
    for pattern in (rb"/CreationDate\(D:([^)]*)\)", rb"/ID \[ <([0-9A-F]+)>\s*<([0-9A-F]+)> \]",
                    rb"/DocChecksum /([0-9A-F]+)"):
        data = re.sub(pattern, lambda m: _zeros(m), data)
    path.write_bytes(data)


def _zeros(m: re.Match) -> bytes:
    out = m.group(0)
    for k in range(1, (m.lastindex or 0) + 1):
        out = out.replace(m.group(k), b"0" * len(m.group(k)))
    return out


def main() -> None:
    out = HERE / "pdf"
    out.mkdir(exist_ok=True)
    pdf(blocks_of("001"), out / f"{stem('001')}.pdf", "江西省人民政府办公厅文件",
        masthead="江西省人民政府办公厅文件", footer="dash", running_head="赣府厅字〔2019〕28号")
    pdf(blocks_of("017"), out / f"{stem('017')}.pdf", "通报", masthead="广西壮族自治区人民政府办公厅",
        footer="of", running_head=None, tracked=True)
    pdf(blocks_of("004"), out / f"{stem('004')}.pdf", "大方县", masthead=None, footer="fullwidth",
        running_head="大方县人民政府办公室文件")
    out = HERE / "xlsx"
    out.mkdir(exist_ok=True)
    for prefix in ("012", "016", "046"):
        workbook(blocks_of(prefix), out / f"{stem(prefix)}.xlsx")
    # Excel 97-2003: the same workbook saved by LibreOffice (formats, hidden rows and columns,
    # merges and the formulas' values kept; the bytes carry LibreOffice's save time)
    xls = HERE / "xls"
    xls.mkdir(exist_ok=True)
    soffice_convert(out / f"{stem('016')}.xlsx", "xls:MS Excel 97", xls)
    out = HERE / "docx"
    out.mkdir(exist_ok=True)
    docx(blocks_of("004"), out / f"{stem('004')}.docx", "大方县人民政府办公室文件")
    # Word 97-2003: the same document saved by LibreOffice (through ODT: a direct DOCX → DOC
    # conversion drops python-docx tables)
    legacy = HERE / "doc"
    legacy.mkdir(exist_ok=True)
    odt = soffice_convert(out / f"{stem('004')}.docx", "odt", legacy)
    soffice_convert(odt, "doc:MS Word 97", legacy)
    odt.unlink()
    # Word documents printed to PDF by an office suite (LibreOffice here): embedded TrueType
    # subsets, justified lines, the automatic numbers and the footer's page field drawn
    typed = HERE / "pdf_word"
    typed.mkdir(exist_ok=True)
    typed_docx(blocks_of("001"), typed / f"{stem('001')}.docx", "2019年省级民生实事项目实施方案")
    docx(blocks_of("004"), typed / f"{stem('004')}.docx", "大方县人民政府办公室文件", revisions=False)
    for source in (typed / f"{stem('001')}.docx", typed / f"{stem('004')}.docx"):
        fixed_pdf(soffice_convert(source, "pdf", typed))
        source.unlink()
    out = HERE / "html"
    out.mkdir(exist_ok=True)
    html(blocks_of("017"), out / f"{stem('017')}.html",
         "广西壮族自治区人民政府办公厅关于2019年1—9月全区为民办实事工程进展情况的通报", "2019-10-24 16:30")


if __name__ == "__main__":
    main()
