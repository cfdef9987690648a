"""Tables and form-like lines on small documents built here: a plan's 分解表 (region rows × project
columns), two-column 交办单 forms, 'target／completed／rate' lines and infographic lines, and table
columns under two-row headers."""
from extractors import extract
from gazetteer import load
from pipeline.readers import read_bytes

GAZ = load()


def run(text: str):
    return extract(read_bytes(text.encode("utf-8"), source="t.txt", fmt="txt"), GAZ)


def flags(ex) -> list[str]:
    return [f.code for f in ex.flags if f.severity != "info"]


# ---- a plan's 分解表: one column per project, one row per region, the 合计 row first ----------

FENJIE = """某省人民政府办公厅关于印发2019年民生实事任务分解方案的通知

各市人民政府：

经研究，现将2019年民生实事目标任务分解如下，请认真组织实施。

附件：2019年民生实事目标任务分解表

地区\t城镇新增就业（万人）\t农村户厕改造（户）\t新建村级卫生室（个）
全省合计\t30.0\t12000\t{clinics}
甲市\t12.5\t5000\t40
乙市\t10.2\t4000\t35
丙市\t7.3\t3000\t25

某省人民政府办公厅
2019年3月1日
"""


def test_fenjie_table_cells_are_region_targets_scaled_by_the_header_unit():
    ex = run(FENJIE.format(clinics=100))
    jobs = {p.region: p.targets[0] for p in ex.projects if p.name == "城镇新增就业"}
    assert jobs[None].value == 300000 and jobs[None].unit == "人"
    assert jobs["甲市"].value == 125000 and jobs["丙市"].value == 73000
    toilets = {p.region: p.targets[0].value for p in ex.projects if p.name == "农村户厕改造"}
    assert toilets == {None: 12000, "甲市": 5000, "乙市": 4000, "丙市": 3000}
    assert "SUM_MISMATCH" not in flags(ex)


def test_fenjie_column_not_adding_up_to_the_total_row_is_a_sum_mismatch():
    ex = run(FENJIE.format(clinics=110))
    sums = [f for f in ex.flags if f.code == "SUM_MISMATCH"]
    assert len(sums) == 1 and sums[0].expected == 100 and sums[0].found == 110
