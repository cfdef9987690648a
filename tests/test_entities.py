"""Every organisation, person and place a document names, as spaCy spans with offsets."""
from extractors import extract
from gazetteer import load
from pipeline.readers import read

GAZ = load()


def test_entities_of_a_progress_report():
    doc = read("samples/txt/004_c24871eb355e82a1.txt")
    ents = extract(doc, GAZ, with_entities=True).entities
    people = {e.text for e in ents if e.label == "PERSON"}
    orgs = {e.text for e in ents if e.label == "ORG"}
    assert people == {"龙晓华"}
    assert {"州人社局", "州残联", "州教体局", "吉首市公安局"} <= orgs
    for e in ents:      # offsets point at the text in its line
        assert doc.lines[e.line - 1][e.start:e.end] == e.text


def test_entities_in_prose_outside_tables():
    ents = extract(read("samples/txt/000_98d808fb349556f5.txt"), GAZ, with_entities=True).entities
    orgs = {e.text for e in ents if e.label == "ORG"}
    assert {"区统计局", "赫山质监分局", "赫山移动分公司"} <= orgs
    assert not any("负总责" in e.text for e in ents)


def test_paste_path_leaves_spacy_alone():
    out = extract(read("samples/txt/003_60392485317af752.txt"), GAZ).to_contract()
    assert "entities" not in out
