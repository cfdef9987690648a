"""One flag per fact, and no UNPARSED for a numbered heading (extractors/checks.py).  Documents written
here, in the genre, with made-up numbers."""
from __future__ import annotations

import pytest

from extractors.checks import is_heading
from tests.extract_helpers import run

HEAD = "关于2022年1-9月湘西州重点民生实事项目进展情况的通报\n"


def flags(text: str, code: str) -> list:
    return [f for f in run(HEAD + text).flags if f.code == code]


def test_a_rate_stated_twice_is_one_flag():
    text = ("1、由州公安局牵头组织实施的“建设公共安防设备3000个”项目：全州已安装1200个，完成年任务40%。"
            "泸溪县完成年任务180%，花垣县完成年任务35%。\n"
            "二、几点体会\n"
            "公共安防设备建设加快推进，泸溪县完成年任务180%，工作成效明显。\n")
    over = flags(text, "OVER_COMPLETION")
    assert len(over) == 1 and over[0].found == 180


@pytest.mark.parametrize("line, heading", [
    ("（一）新增办理12件民生实事", True),
    ("二、建成3所乡镇幼儿园", True),
    ("（三）完成改造老旧小区40个，完成年任务55%", False),
    ("（二）全市已完成改造126户，其余正在施工。", False),
    ("3、由市教育局牵头组织实施的“新建学校4所”项目：已建成2所。", False),
    ("（四）" + "全市新增就业岗位" * 6 + "1000个", False),
], ids=["paren-heading", "cn-heading", "heading-with-rate", "sentence", "item", "too-long"])
def test_is_heading(line, heading):
    assert is_heading(line) is heading


def test_heading_line_raises_no_unparsed():
    text = ("（一）新增办理12件民生实事\n"
            "1、由市民政局牵头组织实施的“建设养老服务床位200张”项目：已建成80张，完成年任务40%。\n")
    assert [f.evidence.line for f in flags(text, "UNPARSED")] == []
