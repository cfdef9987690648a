"""Chinese first: the page's one-line message for a document it cannot read.

The readers raise MinshengError in the CLI's English (`FILE: problem — remedy`); the page shows a
clerk the Chinese reason and remedy first, the English after it in brackets for a report.
"""
from __future__ import annotations

from ..errors import MinshengError

SUPPORTED = "支持 txt、html、pdf、docx、doc、xls、xlsx"
# a phrase of the English problem → what it means, in Chinese; the first that appears wins
BY_PROBLEM = [
    ("image", f"这是一张图片，不是文档：请上传原文件（扫描件请先做文字识别）；{SUPPORTED}"),
    ("OFD", f"暂不支持 OFD 文件：请另存为 PDF 或 Word 后上传；{SUPPORTED}"),
    ("password", "文件有密码保护：请先解除密码再上传"),
    ("no text layer", "这份 PDF 没有文字层（可能是扫描件）：请先做文字识别"),
    ("truncated or corrupt", "文件已损坏或不完整：请重新下载原文件"),
    ("no readable pages", "文件已损坏或不完整：请重新下载原文件"),
    ("LibreOffice", "旧版 Office 文件需要 LibreOffice 才能读取：请另存为 docx/xlsx 后上传"),
    ("encoding", "无法识别文本的编码：请另存为 UTF-8 文本后上传"),
    ("holds no text", "文件中没有文字：请确认是否选对了文件"),
    ("MB", "文件过大：请拆分后再上传"),
    ("too large", "文件过大或结构过深，无法读取：请拆分后再上传"),
]
BY_CLASS = {
    "UnsupportedFormat": f"不是可读取的文档格式：{SUPPORTED}",
    "EncryptedDocument": "文件有密码保护：请先解除密码再上传",
    "ConverterMissing": "旧版 Office 文件需要 LibreOffice 才能读取：请另存为 docx/xlsx 后上传",
    "DocumentLoadError": "文件无法读取：请确认文件完整后重新上传",
}


def chinese(exc: MinshengError, kind: str | None = None) -> str:
    """`FILE：中文原因 (English problem — remedy)`, on one line."""
    english = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    problem = getattr(exc, "problem", "") or english
    said = next((zh for phrase, zh in BY_PROBLEM if phrase in problem), None)
    said = said or BY_CLASS.get(kind or type(exc).__name__, "无法读取这份文件")
    source = getattr(exc, "source", "") or ""
    english = english[len(source) + 2:] if source and english.startswith(source + ": ") else english
    return f"{source}：{said} ({english})" if source else f"{said} ({english})"
