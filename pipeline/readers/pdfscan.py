"""A PDF's pages read from its bytes without pdfminer: each page's size and where its content
streams lie, for the PDF reader's inflation guard and its PDFium path.

Only a plain file is read: one classic cross-reference table at the end (startxref … %%EOF),
earlier ones through /Prev, every object the page tree needs found at the offset the table
gives, no encryption, no object streams, no page labels, no rotated pages, no escaped names.
Anything else gives None and the reader asks pdfminer, as it always did; the answer given is
then what pdfminer and pdfplumber would give (pdfplumber's page width and height; a stream's
raw bytes as pdfminer cuts them: from the line after `stream`, /Length bytes long).
"""
from __future__ import annotations

import re
from typing import Any

WS = rb"\x00\t\n\x0c\r "
REGULAR = rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]"
SKIP = re.compile(rb"(?:[\x00\t\n\x0c\r ]+|%[^\r\n]*)*")
TOKEN = re.compile(rb"<<|>>|\[|\]|\(|/(" + REGULAR + rb"*)|([+-]?(?:\d+\.?\d*|\.\d+))(?!" + REGULAR + rb")"
                   rb"|<[0-9A-Fa-f\x00\t\n\x0c\r ]*>|(true|false|null)(?!" + REGULAR + rb")")
# blanks and comments (atomic: all of them, as SKIP.match takes them, never fewer), then a token
VALUE = re.compile(b"(?>" + SKIP.pattern + b")(" + TOKEN.pattern + b")")
REF = re.compile(rb"[\x00\t\n\x0c\r ]+(\d+)[\x00\t\n\x0c\r ]+R(?!" + REGULAR + rb")")
OBJ = re.compile(rb"(\d+)[\x00\t\n\x0c\r ]+(\d+)[\x00\t\n\x0c\r ]+obj(?!" + REGULAR + rb")")
KEYWORD = re.compile(rb"(endobj|stream)(?!" + REGULAR + rb")")
STARTXREF = re.compile(rb"[\r\n]startxref[\x00\t\x0c ]*[\r\n]+[\x00\t\x0c ]*(\d+)[\x00\t\x0c ]*[\r\n]+%%EOF[\x00\t\n\x0c\r ]*$")
SECTION = re.compile(rb"[\x00\t\n\x0c\r ]*(\d+) (\d+)[\x00\t\x0c ]*(?:\r\n|\r|\n)")
ENTRY = re.compile(rb"(\d+) (\d+) ([nf])[\x00\t\x0c ]*(?:\r\n|\r|\n)")
TRAILER = re.compile(rb"[\x00\t\n\x0c\r ]*trailer")
STRING = re.compile(rb"[()\\]")
EOL = re.compile(rb"\r\n|\r|\n")
ENDSTREAM = re.compile(rb"[\x00\t\n\x0c\r ]*endstream")
INHERITED = ("Resources", "MediaBox", "CropBox", "Rotate")
BOXES = ("CropBox", "TrimBox", "BleedBox", "ArtBox")
MAX_OBJECTS = 200_000


class Unsure(Exception):
    """The file is not plain enough to be read here."""


class Name(str):
    pass


class Ref(int):
    pass


class Stream:
    def __init__(self, attrs: dict, start: int, end: int) -> None:
        self.attrs, self.start, self.end = attrs, start, end


Page = tuple[float, float, list[tuple[int, int]]]     # width, height, the FlateDecode content streams' raw spans


def pages(data: bytes) -> list[Page] | None:
    """Each page's (width, height, [(start, end) of each FlateDecode content stream, as often as the
    page's Contents names it]), or None when the file is not plain enough to be sure."""
    try:
        return _Scan(data).pages()
    except (Unsure, ValueError, IndexError, KeyError, TypeError, RecursionError):
        return None


class _Scan:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.offsets: dict[int, int] = {}
        self.cache: dict[int, Any] = {}

    def pages(self) -> list[Page]:
        data = self.data
        end = STARTXREF.search(data, max(0, len(data) - 1024))
        if end is None:
            raise Unsure
        trailers = self._xrefs(int(end.group(1)))
        if any("Encrypt" in t or "XRefStm" in t for t in trailers):
            raise Unsure
        root = next((t["Root"] for t in trailers if "Root" in t), None)
        catalog = self._resolve(root)
        if not isinstance(catalog, dict) or "PageLabels" in catalog or not isinstance(catalog.get("Pages"), Ref):
            raise Unsure
        out: list[Page] = []
        self._tree(catalog["Pages"], catalog, set(), out, 0)
        return out

    def _xrefs(self, pos: int) -> list[dict]:
        """Read the cross-reference tables from pos back through /Prev: each object's offset (the
        newest table's entry wins, free entries give none), and the trailers, newest first."""
        data = self.data
        trailers: list[dict] = []
        seen: set[int] = set()
        while True:
            if pos in seen or len(seen) > 64 or data[pos:pos + 4] != b"xref":
                raise Unsure
            seen.add(pos)
            pos += 4
            found: dict[int, int] = {}
            while (section := SECTION.match(data, pos)) is not None:
                start, count = int(section.group(1)), int(section.group(2))
                if count > MAX_OBJECTS:
                    raise Unsure
                pos = section.end()
                for objid in range(start, start + count):
                    entry = ENTRY.match(data, pos)
                    if entry is None:
                        raise Unsure
                    pos = entry.end()
                    if entry.group(3) == b"n":
                        found[objid] = int(entry.group(1))
            trailer = TRAILER.match(data, pos)
            if trailer is None:
                raise Unsure
            value, _ = self._value(trailer.end())
            if not isinstance(value, dict):
                raise Unsure
            for objid, offset in found.items():
                self.offsets.setdefault(objid, offset)
            trailers.append(value)
            if "Prev" not in value:
                return trailers
            pos = value["Prev"]
            if type(pos) is not int:
                raise Unsure

    def _tree(self, ref: Any, parent: dict, visited: set[int], out: list[Page], depth: int) -> None:
        """The page tree depth first, as pdfminer walks it, the inheritable attributes passed down."""
        if not isinstance(ref, Ref) or depth > 64:
            raise Unsure
        if ref in visited:
            return
        visited.add(ref)
        node = self._resolve(ref)
        if not isinstance(node, dict):
            raise Unsure
        attrs = dict(node)
        for key in INHERITED:
            if key in parent and key not in attrs:
                attrs[key] = parent[key]
        kind = attrs.get("Type")
        if kind == "Pages" and isinstance(kind, Name) and "Kids" in attrs:
            kids = self._resolve(attrs["Kids"])
            if not isinstance(kids, list):
                raise Unsure
            for kid in kids:
                self._tree(kid, attrs, visited, out, depth + 1)
        elif kind == "Page" and isinstance(kind, Name):
            out.append(self._page(attrs))
        else:
            raise Unsure

    def _page(self, attrs: dict) -> Page:
        if self._resolve(attrs.get("Rotate", 0)) != 0:
            raise Unsure
        for key in BOXES:
            if key in attrs:
                self._box(attrs[key])
        x0, y0, x1, y1 = self._box(attrs.get("MediaBox"))
        # pdfplumber's arithmetic: the box sorted, turned top-down, its sides subtracted
        x0, x1 = sorted((x0, x1))
        y0, y1 = sorted((y0, y1))
        height = y1 - y0
        top, bottom = height - y1, height - y0
        contents = self._resolve(attrs.get("Contents"))
        spans: list[tuple[int, int]] = []
        for ref in contents if isinstance(contents, list) else [contents]:
            stream = self._resolve(ref)
            if stream is None:
                continue
            if not isinstance(stream, Stream):
                raise Unsure
            filters = self._resolve(stream.attrs.get("Filter"))
            first = filters[0] if isinstance(filters, list) and filters else filters
            if isinstance(first, Name) and first in ("FlateDecode", "Fl"):
                spans.append((stream.start, stream.end))
        return x1 - x0, bottom - top, spans

    def _box(self, box: Any) -> list:
        box = self._resolve(box)
        if not isinstance(box, list) or len(box) != 4:
            raise Unsure
        box = [self._resolve(v) for v in box]
        if any(type(v) not in (int, float) for v in box):
            raise Unsure
        return box

    def _resolve(self, value: Any) -> Any:
        if isinstance(value, Ref):
            return self._object(int(value))
        return value

    def _object(self, objid: int) -> Any:
        if objid in self.cache:
            return self.cache[objid]
        if objid not in self.offsets:
            raise Unsure
        data = self.data
        head = OBJ.match(data, self.offsets[objid])
        if head is None or int(head.group(1)) != objid:
            raise Unsure
        value, pos = self._value(head.end())
        pos = SKIP.match(data, pos).end()       # type: ignore[union-attr]
        keyword = KEYWORD.match(data, pos)
        if keyword is None:
            raise Unsure
        if keyword.group(1) == b"stream":
            if not isinstance(value, dict):
                raise Unsure
            length = self._resolve(value.get("Length"))
            if type(length) is not int or length < 0:
                raise Unsure
            start = keyword.end()
            eol = EOL.search(data, start)
            if eol is None:
                raise Unsure
            start = eol.end()
            if not ENDSTREAM.match(data, start + length):
                raise Unsure
            value = Stream(value, start, start + length)
        self.cache[objid] = value
        return value

    def _value(self, pos: int, depth: int = 0) -> tuple[Any, int]:
        """The object starting at pos (after blanks and comments) and the position after it."""
        token = VALUE.match(self.data, pos)
        if token is None:
            raise Unsure
        return self._token(token, depth)

    def _token(self, token: re.Match, depth: int) -> tuple[Any, int]:
        """The object whose first token (VALUE's match) is token, and the position after it."""
        if depth > 32:
            raise Unsure
        data = self.data
        text = token.group(1)
        pos = token.end()
        if text == b"<<":
            out: dict[str, Any] = {}
            while True:
                key = VALUE.match(data, pos)
                if key is None:
                    raise Unsure
                if key.group(1) == b">>":
                    return out, key.end()
                name = key.group(2)
                if name is None or b"#" in name or depth >= 32:
                    raise Unsure            # a key that is no name, or one with an escape, or too deep
                out[Name(name.decode("latin-1"))], pos = self._value(key.end(), depth + 1)
        if text == b"[":
            items: list[Any] = []
            while True:
                item = VALUE.match(data, pos)
                if item is None:
                    raise Unsure
                if item.group(1) == b"]":
                    return items, item.end()
                value, pos = self._token(item, depth + 1)
                items.append(value)
        if text == b"(":
            return None, self._string_end(pos)
        if token.group(2) is not None:
            if b"#" in text:
                raise Unsure
            return Name(token.group(2).decode("latin-1")), pos
        if token.group(3) is not None:
            if b"." in text:
                return float(text), pos
            ref = REF.match(data, pos)
            if ref is not None:
                return Ref(int(text)), ref.end()
            return int(text), pos
        if token.group(4) is not None:
            return {b"true": True, b"false": False, b"null": None}[token.group(4)], pos
        if text.startswith(b"<") and text != b"<<":
            return None, pos            # a hex string: not needed here
        raise Unsure

    def _string_end(self, pos: int) -> int:
        """The position after a literal string whose "(" ends just before pos."""
        depth = 1
        while depth:
            mark = STRING.search(self.data, pos)
            if mark is None:
                raise Unsure
            pos = mark.end()
            if mark.group(0) == b"\\":
                pos += 1
            elif mark.group(0) == b"(":
                depth += 1
            else:
                depth -= 1
        return pos
