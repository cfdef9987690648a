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


def pdf(blocks: list, path: Path, title: str, masthead: str | None, footer: str, running_head: str | None) -> None:
    """A red-letter document as Word prints it (GB/T 9704 layout): A4, 28/26 mm side margins,
    16 pt body justified with a two-character indent, page numbers at the foot on the outer
    side, a running head from page 2, the attachment's table repeating its header row on
    every page, and the 版记 (抄送, 印发) between rules at the end."""
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
        if masthead:
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


def main() -> None:
    out = HERE / "pdf"
    out.mkdir(exist_ok=True)
    pdf(blocks_of("001"), out / f"{stem('001')}.pdf", "江西省人民政府办公厅文件",
        masthead="江西省人民政府办公厅文件", footer="dash", running_head="赣府厅字〔2019〕28号")
    pdf(blocks_of("017"), out / f"{stem('017')}.pdf", "通报", masthead="广西壮族自治区人民政府办公厅",
        footer="of", running_head=None)
    pdf(blocks_of("004"), out / f"{stem('004')}.pdf", "大方县", masthead=None, footer="fullwidth",
        running_head="大方县人民政府办公室文件")


if __name__ == "__main__":
    main()
