"""MHTML (.mht, .mhtml, and Word's "single file web page" saved as .doc): a MIME message whose HTML
part is the page, read by the HTML reader.

The standard library's email package undoes the transfer encoding (quoted-printable, base64)
and names the part's charset; the HTML is handed over as UTF-8 so the HTML reader does not
guess again.  Images and style sheets in the other parts are not read.  A message with no
HTML part but a text/plain one is read as text.
"""
from __future__ import annotations

import email
import email.policy
import hashlib
from email.message import Message

from ..errors import DocumentLoadError
from ..model import Document


def read(data: bytes, source: str) -> Document:
    from . import html, text

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    part = _first(message, "text/html") or _first(message, "text/plain")
    if part is None:
        raise DocumentLoadError(source, "the MHTML file holds no HTML or text part",
                                "open it in a browser and save the page as HTML")
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise DocumentLoadError(source, "the MHTML file's page is empty", "check that the page was saved completely")
    body, codec = _as_utf8(payload, part.get_content_charset())
    reader = html if part.get_content_type() == "text/html" else text
    doc = reader.read(body, source)
    doc.format = "mht"
    doc.sha256 = hashlib.sha256(data).hexdigest()
    doc.encoding = codec or doc.encoding
    return doc


def _first(message: Message, content_type: str) -> Message | None:
    for part in message.walk():
        if part.get_content_type() == content_type and not part.is_multipart():
            return part
    return None


def _as_utf8(payload: bytes, charset: str | None) -> tuple[bytes, str | None]:
    """The part's bytes re-encoded as UTF-8 when its declared charset decodes them, with that charset;
    else as they are (the HTML reader then reads the page's own <meta> charset or guesses)."""
    if not charset:
        return payload, None
    codec = "gb18030" if charset.lower() in ("gb2312", "gbk", "x-gbk", "gb_2312-80") else charset.lower()
    try:
        return payload.decode(codec).encode("utf-8"), codec
    except (LookupError, UnicodeDecodeError):
        return payload, None
