"""Bad input: each file gets a typed error whose message is one line naming the file and the reason.

The small fixtures are committed in tests/bad_inputs/ (made by make_bad_inputs.py); the ZIP
and entity bombs are made in a temp folder at test time.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from pipeline import errors
from pipeline.readers import doc as doc_reader
from pipeline.readers import read

HERE = Path(__file__).resolve().parent / "bad_inputs"
sys.path.insert(0, str(HERE))
from make_bad_inputs import big_inputs

# file -> (error class, words the reason must contain)
CASES = {
    "empty.txt": (errors.DocumentLoadError, "empty"),
    "garbage.txt": (errors.UnsupportedFormat, "binary"),
    "error_page.pdf": (errors.DocumentLoadError, "not a PDF"),
    "truncated.pdf": (errors.DocumentLoadError, "truncated"),
    "truncated.docx": (errors.DocumentLoadError, "truncated"),
    "truncated.xlsx": (errors.DocumentLoadError, "truncated"),
    "encrypted.pdf": (errors.EncryptedDocument, "password"),
    "protected.xlsx": (errors.EncryptedDocument, "password"),
    "really_doc.docx": (errors.MinshengError, "LibreOffice"),
    "document.ofd": (errors.UnsupportedFormat, "OFD"),
    "photo.jpg": (errors.UnsupportedFormat, "JPEG"),
    "zip_bomb.docx": (errors.DocumentLoadError, "ZIP bomb"),
    "entity_bomb.docx": (errors.DocumentLoadError, "entities"),
}


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> dict[str, Path]:
    return big_inputs(tmp_path_factory.mktemp("bad"))


def test_every_fixture_is_a_case():
    committed = {p.name for p in HERE.iterdir() if p.suffix != ".py" and p.is_file()}
    assert committed <= set(CASES), committed - set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_raises_one_clear_line(name, big):
    path = big.get(name, HERE / name)
    assert path.exists(), f"missing fixture {name}: run tests/bad_inputs/make_bad_inputs.py"
    kind, reason = CASES[name]
    with pytest.raises(errors.MinshengError) as caught:
        read(path)
    message = str(caught.value)
    assert isinstance(caught.value, kind), f"{type(caught.value).__name__}: {message}"
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert reason.lower() in message.lower()
    assert " — " in message, "the message says what to do"


def test_missing_libreoffice_says_how_to_install(monkeypatch):
    monkeypatch.setattr(doc_reader, "soffice", lambda: None)
    sample = next((Path(__file__).resolve().parent.parent / "samples" / "doc").glob("*.doc"))
    with pytest.raises(errors.ConverterMissing) as caught:
        read(sample)
    assert "apt-get install libreoffice-writer-nogui" in str(caught.value)


def test_a_real_doc_named_docx_is_read_as_doc(tmp_path):
    sample = next((Path(__file__).resolve().parent.parent / "samples" / "doc").glob("000_*.doc"))
    renamed = tmp_path / "notice.docx"
    shutil.copy(sample, renamed)
    if doc_reader.soffice() is None:
        with pytest.raises(errors.ConverterMissing, match="despite its .docx name"):
            read(renamed)
        return
    doc = read(renamed)
    assert doc.format == "doc" and list(doc.tables())


def test_html_saved_as_xls_is_read_as_html(tmp_path):
    path = tmp_path / "附件1.xls"
    path.write_bytes("<html><body><table><tr><td>项目</td><td>指标</td></tr></table></body></html>".encode())
    assert read(path).format == "html"
