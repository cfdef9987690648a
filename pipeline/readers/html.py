"""HTML pages of government sites: the article's paragraphs and tables, without the chrome.

Scripts, styles, navigation, headers and footers are dropped; so are the page tools that sit
around an article (来源, 阅读次数, 打印本页, 关闭窗口, 扫一扫, 【字体：大 中 小】).  The 发布时间 date
is kept as a paragraph of its own ("发布时间:2016-12-26 20:43:08") since metadata needs it.
The charset: UTF-8 when the bytes decode as UTF-8 (whatever <meta> claims), else the <meta>
charset, else the text reader's decoding ladder.  Tables keep
their rowspan/colspan; a table nested in a cell is flattened into that cell's text.

Older sites lay the page out with tables (banner, menu, sidebar and article each a cell); a
layout table is read as the blocks in its cells, in order, not as a table.  A table is for
layout when it has a single row or a single column, or a cell of more than LAYOUT_TEXT
characters (nested tables counted): a data table has none of these.  A layout cell that is only
links (a menu, a sidebar of topics) is navigation and is left out.
"""
from __future__ import annotations

import re

from ..model import Block, Cell, Document, Paragraph, Table, build, clean_cell
from .docx import header_rows
from .encodings import ODD_WARN, common_simplified_share, decode, mostly_utf8, oddness

DROP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "iframe", "select", "button",
             "head", "template", "svg", "object", "embed", "form", "input", "textarea", "map"}
BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
              "blockquote", "pre", "dd", "dt", "dl", "center", "main", "tr", "caption", "hr", "address",
              "figure", "figcaption", "aside", "body"}
# class or id words of page chrome (whole words only: "article-head" is not chrome)
CHROME_CLASS = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|header|footer|breadcrumb|crumbs?|position|share|"
                          r"bdsharebuttonbox|copyright|sidebar|banner|topbar|skip)(?:$|[\s_-])", re.IGNORECASE)
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:-]+)""", re.IGNORECASE)
PUBLISHED = re.compile(r"(?:发布时间|发布日期|发文日期|日期)\s*[:：]\s*(\d{4}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}日?"
                       r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)")
# 来源:某县人民政府办公室 作者:某县政务中心: who published a page, kept beside its date (it may name the region)
BYLINE = re.compile(r"(?P<label>来源|作者|发布机构|信息来源)\s*[:：]\s*(?P<who>[\u4e00-\u9fff（）()]{2,30})")
CHROME_TEXT = re.compile(
    r"[【\[]?\s*字体\s*[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小\s*[】\]]?\s*[】\]]?"
    r"|[【\[]?(?:打印本页|打印此页|打印文章|关闭窗口|关闭本页|收藏本页|返回顶部)[】\]]?"
    r"|[【\[](?:打印|关闭|收藏|纠错|返回)[】\]]"
    r"|扫一扫在手机(?:上)?打开(?:当前|本)页|扫一扫|分享到\s*[:：]?"
    r"|(?:阅读次数|浏览次数|访问次数|点击数|点击量|浏览量|访问量)\s*[:：]?\s*\d*"
    r"|(?:来源|信息来源|作者|责任编辑|编辑)\s*[:：]\s*\S*"
    r"|当前位置\s*[:：].*|您现在的位置\s*[:：].*"
    r"|(?:主办单位|主办|承办单位|承办|技术支持)\s*[:：]\s*\S*|版权所有|\S*ICP备\S*|网站标识码\s*[:：]?\s*\S*|\S*公网安备\S*")
# a paragraph is stripped only when it carries one of these (so "资金来源：" in a body is safe)
CHROME_MARK = re.compile(r"字体\s*[:：]?\s*[【\[]?\s*大|打印本页|打印此页|关闭窗口|关闭本页|【打印】|【关闭】|扫一扫|分享到|"
                         r"阅读次数|浏览次数|访问次数|点击数|点击量|浏览量|当前位置|您现在的位置|发布时间|发布日期|"
                         r"版权所有|ICP备|网站标识码|公网安备")
SPACES = re.compile(r"[ \t\r\n\f]+")
MAX_SPAN = 200       # a rowspan or colspan larger than this is taken as this
MAX_COLS = 256       # cells that would start past this column are dropped (a crafted or broken table)
LAYOUT_TEXT = 400    # a cell with more text than this is a page region, not a datum


def read(data: bytes, source: str) -> Document:
    import lxml.html

    text, codec, warnings = _decode(data, source)
    root = lxml.html.document_fromstring(text)
    collector = _Collector()
    collector.walk(root)
    blocks = [b for b in (_dechrome(b) for b in collector.finish()) if b is not None]
    for i, table in enumerate(b for b in blocks if isinstance(b, Table)):
        table.index = i
    return build(source, "html", blocks, data, encoding=codec, warnings=warnings)


def _decode(data: bytes, source: str) -> tuple[str, str, list[str]]:
    """UTF-8 when the bytes are UTF-8, whatever <meta> says (a page saved by a browser or passed
    through a CMS keeps its 'charset=gb2312' after being re-encoded: GB18030 would decode
    those bytes without error, into nonsense); else the declared charset when what it gives is
    plausible Chinese; else the ladder (pipeline/readers/encodings.py), with its warnings."""
    if not data.isascii():
        try:
            return data.decode("utf-8-sig"), "utf-8", []
        except UnicodeDecodeError:
            pass
    m = CHARSET.search(data[:4096])
    if m and (data.isascii() or not mostly_utf8(data)):
        codec = m.group(1).decode("ascii", "ignore").lower()
        if codec in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "gb18030"):
            codec = "gb18030"
        body = data[3:] if data.startswith(b"\xef\xbb\xbf") and codec != "utf-8" else data
        try:
            text = body.decode(codec)
            if oddness(text) <= ODD_WARN and (codec != "gb18030" or common_simplified_share(text) >= 0.6):
                return text, codec, []
        except (LookupError, UnicodeDecodeError):
            pass
    found = decode(data, source)
    return found.text, found.codec, found.warnings


def _dechrome(block: Block) -> Block | None:
    """Strip page tools from a short paragraph; keep the publication date."""
    if isinstance(block, Table) or len(block.text) > 200 or not CHROME_MARK.search(block.text):
        return block
    published = PUBLISHED.search(block.text)
    if published:
        byline = [f"{m.group('label')}:{m.group('who')}" for m in BYLINE.finditer(block.text)
                  if not re.fullmatch(r"本站|本网|本网站|网站|原创", m.group("who"))]
        return Paragraph(text=" ".join(byline + ["发布时间:" + SPACES.sub(" ", published.group(1)).strip()]))
    rest = CHROME_TEXT.sub(" ", block.text).strip(" |丨/·-—")
    if not re.search(r"[\u4e00-\u9fff]{2}", rest):
        return None
    return Paragraph(text=SPACES.sub(" ", rest).strip()) if rest != block.text else block


class _Collector:
    """Walks the tree in document order, cutting lines at block elements and <br>."""

    def __init__(self, unwrap: bool = True) -> None:
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.unwrap = unwrap          # layout tables read as their cells (not inside a data cell)

    def flush(self) -> None:
        text = SPACES.sub(" ", "".join(self.buffer)).strip()
        self.buffer = []
        if text:
            self.blocks.append(Paragraph(text=text))

    def finish(self) -> list[Block]:
        self.flush()
        return self.blocks

    def walk(self, el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag:          # a comment or processing instruction
            return
        tag = tag.lower()
        if tag in DROP_TAGS or _is_chrome(el):
            return
        if tag == "br":
            self.flush()
            return
        if tag == "table" and self.unwrap and _is_layout(el):
            for tr in _rows(el):
                for td in tr:
                    if isinstance(td.tag, str) and td.tag.lower() in ("td", "th") and not _is_links(td):
                        self.flush()
                        self.walk_inside(td)
                        self.flush()
            return
        if tag == "table":
            self.flush()
            table = _table(el)
            if table.cells:
                self.blocks.append(table)
            return
        block = tag in BLOCK_TAGS
        if block:
            self.flush()
        self.walk_inside(el)
        if block:
            self.flush()

    def walk_inside(self, el) -> None:
        if el.text:
            self.buffer.append(el.text)
        for child in el:
            self.walk(child)
            if child.tail:
                self.buffer.append(child.tail)


def _is_chrome(el) -> bool:
    words = f"{el.get('class', '')} {el.get('id', '')}"
    return bool(words.strip()) and bool(CHROME_CLASS.search(words))


def _is_layout(table) -> bool:
    rows = _rows(table)
    cells = [[td for td in tr if isinstance(td.tag, str) and td.tag.lower() in ("td", "th")] for tr in rows]
    if len(rows) <= 1 or all(len(r) <= 1 for r in cells):
        return True
    return any(len(td.text_content()) > LAYOUT_TEXT for r in cells for td in r)


def _is_links(el) -> bool:
    """A page region that is only links (a menu, a sidebar of topics): its text is link text."""
    text = SPACES.sub("", el.text_content())
    linked = sum(len(SPACES.sub("", a.text_content())) for a in el.iterdescendants("a", "A"))
    return bool(text) and linked >= 0.8 * len(text) and not any(True for _ in el.iterdescendants("table", "TABLE"))


def _rows(table) -> list:
    rows = []
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            rows.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows += [tr for tr in child if isinstance(tr.tag, str) and tr.tag.lower() == "tr"]
    return rows


def _span(el, name: str) -> int:
    digits = re.match(r"\s*(\d+)", el.get(name, "") or "")
    return max(1, min(MAX_SPAN, int(digits.group(1)))) if digits else 1


def _table(el) -> Table:
    """The HTML table algorithm: each cell takes the next free slot of its row.

    A column is busy until the row where the last cell covering it ends, so placing a cell
    costs its width, not its area (a table of huge rowspans and colspans stays cheap)."""
    cells: list[Cell] = []
    busy_until: list[int] = [0] * MAX_COLS     # column -> first row not covered by a span from above
    rows = _rows(el)
    for r, tr in enumerate(rows):
        col = 0
        for td in tr:
            tag = td.tag.lower() if isinstance(td.tag, str) else ""
            if tag not in ("td", "th"):
                continue
            while col < MAX_COLS and busy_until[col] > r:
                col += 1
            if col >= MAX_COLS:
                break
            rowspan = min(_span(td, "rowspan"), len(rows) - r)
            colspan = min(_span(td, "colspan"), MAX_COLS - col)
            for cc in range(col, col + colspan):
                busy_until[cc] = max(busy_until[cc], r + rowspan)
            cells.append(Cell(text=_cell_text(td), row=r, col=col, rowspan=rowspan, colspan=colspan))
            col += colspan
    n_cols = max((c.col + c.colspan for c in cells), default=0)
    return Table(cells=cells, n_rows=len(rows), n_cols=n_cols, header_rows=header_rows(cells))


def _cell_text(td) -> str:
    inner = _Collector(unwrap=False)
    if td.text:
        inner.buffer.append(td.text)
    for child in td:
        inner.walk(child)
        if child.tail:
            inner.buffer.append(child.tail)
    lines: list[str] = []
    for b in inner.finish():
        if isinstance(b, Paragraph):
            lines.append(b.text)
        else:
            lines += ["\t".join(t.replace("\n", " ") for t in row).rstrip("\t") for row in b.rows()]
    return clean_cell("\n".join(lines))
