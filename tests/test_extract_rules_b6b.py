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


# ---- numbered prose items that repeat and skip -----------------------------------------

def test_prose_items_repeating_and_skipping_give_one_numbering_gap():
    heads = ["一", "二", "三", "三", "五"]
    names = ["新建幼儿园", "新增养老床位", "改造老旧小区", "新建停车泊位", "新建公厕"]
    body = "".join(f"（{h}）{n}\n目标任务：{n}{k + 3}个。\n牵头单位：县住建局\n完成时限：11月底前\n\n"
                   for k, (h, n) in enumerate(zip(heads, names)))
    ex = run("某县人民政府办公室关于印发2025年民生实事分工方案的通知\n\n" + body + "某县人民政府办公室\n2025年2月18日\n")
    gaps = [f for f in ex.flags if f.code == "NUMBERING_GAP"]
    assert len(gaps) == 1 and "重复" in gaps[0].message and "缺第4项" in gaps[0].message
    ok = run("某县人民政府办公室关于印发2025年民生实事分工方案的通知\n\n" + body.replace("（三）新建停车", "（四）新建停车")
             + "某县人民政府办公室\n2025年2月18日\n")
    assert not [f for f in ok.flags if f.code == "NUMBERING_GAP"]
