"""Batch 6 habits (second pass) on small documents built here: 督办事项 form blocks with two fields
on one line and a 督办时限, a separate 计量单位 column, a repeated item number."""
from extractors import extract
from gazetteer import load
from pipeline.readers import read_bytes

GAZ = load()


def run(text: str):
    return extract(read_bytes(text.encode("utf-8"), source="t.txt", fmt="txt"), GAZ)


# ---- a 计量单位 column ----------------------------------------------------------------------

JILIANG = """某县人民政府办公室关于2021年民生实事项目进展情况的通报

附表

某县2021年民生实事项目进展情况表

序号\t项目名称\t计量单位\t年度目标\t累计完成\t完成率（%）\t责任单位
1\t城镇新增就业\t人\t1600\t1452\t90.75\t县人社局
2\t农村劳动力转移就业\t万人\t4.2\t4.05\t96.43\t县人社局
3\t城乡居民医保参保率\t%\t95\t96.2\t100\t县医保局

某县人民政府办公室
2021年11月5日
"""


def test_measure_column_gives_the_unit_of_target_and_completed():
    ex = run(JILIANG)
    by = {p.name: p for p in ex.projects}
    jy = by["城镇新增就业"]
    assert [(t.value, t.unit) for t in jy.targets] == [(1600, "人")]
    assert [(g.completed.value, g.completed.unit, g.rate, g.region) for g in jy.progress] == [(1452, "人", 90.75, None)]
    zy = by["农村劳动力转移就业"]
    assert [(t.value, t.unit) for t in zy.targets] == [(42000, "人")]
    assert zy.progress[0].completed.value == 40500
    cb = by["城乡居民医保参保率"]
    assert [(t.value, t.unit) for t in cb.targets] == [(95, "%")]
    assert cb.progress[0].completed.value == 96.2 and cb.progress[0].rate == 100
    assert not [f for f in ex.flags if f.code == "RATE_MISMATCH"]     # a share above its level, 完成率 100 (met)
