"""The PDF reader's column path (pipeline/readers/pdfium_page.py): a page's characters held in
numpy arrays give the same lines, to the bit, as the character dicts' code (pdf._line_items)
gives them: grouping, spacing, lead words, page numbers and bands."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.readers import pdf, pdfium_page

ROOT = Path(__file__).resolve().parent.parent
PLAIN = sorted((ROOT / "samples" / "pdf").glob("*.pdf")) + sorted((ROOT / "samples" / "corpus" / "pdf").glob("*.pdf"))


def columns_of(chars: list[dict]) -> pdfium_page.Chars:
    text = "".join(c["text"] for c in chars)
    return pdfium_page.Chars(text, np.array([ord(t) for t in text], dtype=np.uint32),
                             *(np.array([float(c[k]) for c in chars]) for k in ("x0", "x1", "top", "bottom", "size")))


def both_ways(chars: list[dict], height: float = 842.0, width: float = 595.0) -> tuple[list, list]:
    return (pdfium_page.line_items(columns_of(chars), 2, height, width),
            pdf._line_items([dict(c) for c in chars], 2, height, width))


def row(text: str, x0: float, top: float, width: float = 10.0, gap: float = 0.0, size: float = 10.0) -> list[dict]:
    """The characters of text on one line, each width wide with gap between them."""
    out = []
    for t in text:
        out.append({"text": t, "x0": x0, "x1": x0 + width, "top": top, "bottom": top + size, "size": size})
        x0 += width + gap
    return out


SHAPES = {
    "figures beside Chinese, the autospace narrower than half a size": row("完成", 72, 200) + row("2031", 93, 200, 5)
    + row("年", 115.5, 200),
    "figures beside Chinese, a wider gap": row("计划", 72, 200) + row("17", 98, 200, 5) + row("所", 115, 200),
    "a gap over 3 points between Latin words": row("OK", 72, 200, 6) + row("GO", 88, 200, 6),
    "a masthead spaced out evenly": row("工作通报", 150, 90, 16, 12.2, 16),
    "spaced out unevenly": row("工作通报", 150, 90, 16, 6, 16)[:2] + row("通报", 200, 90, 16, 14, 16),
    "a space drawn between figures": row("8", 72, 300, 5) + row(" ", 77, 300, 1) + row("30", 78, 300, 5),
    "padding drawn inside a two-character name": row("韦", 72, 300) + row(" ", 82, 300, 4) + row("敏", 86, 300),
    "a space drawn after a name of three": row("孙立青", 72, 300) + row(" ", 102, 300, 4) + row("牵头单位", 106, 300),
    "a space drawn between names set loosely": row("孙立青", 72, 300, 10, 1.5) + row(" ", 104, 300, 4)
    + row("县教育局", 108, 300, 10, 1.5),
    "a space drawn before a mark": row("孙立青", 72, 300) + row(" ", 102, 300, 4) + row("：县教育局", 106, 300),
    "a line led by a Latin word": row("98.6%", 72, 400, 5) + row("已完成", 97, 400),
    "a line led by Chinese": row("已完成", 72, 400) + row("98.6%", 102, 400, 5),
    "a bare page number dropped": row("测试一行文字", 72, 100) + row("－7－", 280, 800, 8),
    "lines in the head and foot bands": row("第一期", 72, 40) + row("正文一行", 72, 400) + row("印发", 72, 790),
    "two lines given bottom first": row("第二行", 72, 130) + row("第一行", 72, 100),
    "tops drifting down one line": [dict(c, top=100 + 1.5 * k, bottom=110 + 1.5 * k) for k, c in enumerate(row("一二三四", 72, 0))],
    "a superscript": row("面积", 72, 100) + row("2", 92, 97, 4, size=6) + row("以上", 97, 100),
    "a ligature": row("e\ufb01ne", 72, 100, 6),
    "one character": row("附", 72, 100),
    "type size zero": row("零号", 72, 100, size=0.0) + row("AB", 95, 100, 5, size=0.0),
}


@pytest.mark.parametrize("chars", list(SHAPES.values()), ids=list(SHAPES))
def test_drawn_lines_are_the_dict_codes(chars):
    fast, slow = both_ways(chars)
    assert fast == slow


@pytest.mark.parametrize("chars", list(SHAPES.values()), ids=list(SHAPES))
def test_drawn_lines_given_backwards_are_the_dict_codes(chars):
    """Characters given last line first, right to left, are sorted (the in-order shortcut not taken)."""
    fast, slow = both_ways(list(reversed(chars)))
    assert fast == slow


@pytest.mark.parametrize("cluster, x0, expected", [
    ([0, 0, 1, 1], [72.0, 84.0, 72.0, 84.0], True),
    ([0, 0, 1, 1], [72.0, 72.0, 72.0, 72.0], True),           # ties stay where they are
    ([0, 0, 1, 1], [84.0, 72.0, 72.0, 84.0], False),          # right to left within a line
    ([1, 1, 0, 0], [72.0, 84.0, 72.0, 84.0], False),          # the lower line first
    ([0, 1, 1], [300.0, 72.0, 84.0], True),                   # a new line starts left of the last one's end
    ([0, 0], [72.0, float("nan")], False),                    # no order to trust: sorted as before
    ([0], [72.0], True),
])
def test_characters_in_order(cluster, x0, expected):
    assert pdfium_page._in_order(np.array(cluster), np.array(x0)) is expected


@pytest.mark.parametrize("path", PLAIN, ids=[p.stem for p in PLAIN])
def test_real_pages_lines_are_the_dict_codes(path):
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    document = pdfium.PdfDocument(path.read_bytes())
    try:
        for page in document:
            if pdf._may_hold_table(page, pdfium_c):
                continue
            textpage = page.get_textpage()
            chars = pdfium_page.columns(textpage, page.get_height(), pdfium_c)
            assert pdfium_page.line_items(chars, 1, page.get_height(), page.get_width()) == \
                pdf._line_items(pdfium_page.dicts(chars), 1, page.get_height(), page.get_width())
    finally:
        document.close()


LETTERS = "民生实事项目完成率年月日、，。：；（）" + "0123456789.%" + "ABCxyz" + "  "


@st.composite
def pages(draw) -> list[dict]:
    """Characters on a few baselines, jittered up and down, some close, some far apart, some spaces."""
    out = []
    for baseline in draw(st.lists(st.sampled_from([100.0, 112.0, 118.5, 140.0, 141.0]), min_size=1, max_size=4)):
        x0 = draw(st.sampled_from([72.0, 90.0, 300.0]))
        for _ in range(draw(st.integers(1, 14))):
            size = draw(st.sampled_from([10.5, 12.0, 16.0, 0.0]))
            top = baseline + draw(st.sampled_from([0.0, 0.0, 0.5, -1.25, 2.75, 3.5]))
            width = draw(st.sampled_from([3.0, 5.25, 10.5, 12.0]))
            out.append({"text": draw(st.sampled_from(LETTERS)), "x0": x0, "x1": x0 + width, "top": top,
                        "bottom": top + (size or 10.0), "size": size})
            x0 += width + draw(st.sampled_from([0.0, 0.25, 0.75, 1.5, 2.75, 3.5, 6.0, 8.0, -2.0]))
    return out


@settings(max_examples=300, deadline=None)
@given(pages())
def test_drawn_pages_lines_are_the_dict_codes(chars):
    fast, slow = both_ways(chars)
    assert fast == slow


@pytest.mark.parametrize("values", [[], [5.0], [5.0, 5.0, 5.0], [1.0, 4.0, 7.0, 10.5, 10.5, 2.0], [9.0, 3.0, 6.1, 0.0]])
def test_clusters_number_as_pdfplumbers(values):
    expected = pdf._clusters(set(values))
    assert pdfium_page._clusters(np.array(values)).tolist() == [expected[v] for v in values]


def test_the_characters_asked_one_by_one_are_asks():
    asked = {chr(c) for c in np.flatnonzero(pdfium_page.ASKED).tolist()}
    assert asked == pdfium_page.ASK


def chars_of(text: str) -> pdfium_page.Chars:
    zeros = np.zeros(len(text))
    return pdfium_page.Chars(text, np.array([ord(t) for t in text], dtype=np.uint32), zeros, zeros, zeros, zeros, zeros)


GARBLING = [
    "民生实事项目推进情况" * 2,
    "(cid:101)(cid:102)(cid:103) 公示",
    "(cid:101)(cid:102) 两处不够三处的公示文本",
    "\ufffd\ufffd\ufffd 新增托育位置三百个",
    "\ue012\ue013 新建口袋公园一十二个，完成年度任务",
    "ÐÂ½¨¿Ú´ü¹«Ô°",                      # GBK bytes read as Latin-1
    "ÐÂ½¨¿Ú´ü¹«Ô° 新建口袋公园新建口袋公园",
    "Livelihood projects report 2031",
    " \u3000 九 个 字 \n",
    "\ud801\udc37\ud802 surrogates left alone",
    "",
]


@pytest.mark.parametrize("text", GARBLING)
def test_garbled_counted_on_classes_as_on_text(text):
    chars = chars_of(text)
    assert pdfium_page.garbled(chars, pdfium_page._classes(chars.codes)) is pdf.garbled(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("民生实事 \u3000\ufffd\ue000ÐÂ½abc12(cid:)\t"), max_size=40))
def test_garbled_counted_on_classes_as_on_text_drawn(text):
    chars = chars_of(text)
    assert pdfium_page.garbled(chars, pdfium_page._classes(chars.codes)) is pdf.garbled(text)
