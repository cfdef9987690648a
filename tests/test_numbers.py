"""Figures as the genre writes them: one row per phenomenon."""
import pytest

from extractors.normalize import simplify
from extractors.numbers import find_quantities
from gazetteer import load

GAZ = load()


@pytest.mark.parametrize("text, expected", [
    ("城镇新增就业2.3万人", [(23000, "人", "=")]),
    ("完成8800万元10KV及以下行政村配电网改造工程", [(88000000, "元", "=")]),
    ("投资1.1亿元", [(110000000, "元", "=")]),
    ("暖房子改造8万平方米", [(80000, "平方米", "=")]),
    ("农村危房改造１４６５户", [(1465, "户", "=")]),
    ("改造一万二千户", [(12000, "户", "=")]),
    ("标准不低于3480元/年", [(3480, "元/年", ">=")]),
    ("不低于每人每月60元", [(60, "元/人/月", ">=")]),
    ("每人每月不低于838元", [(838, "元/人/月", ">=")]),
    ("特困供养服务床位100张以上", [(100, "张", ">=")]),
    ("急诊等候时间控制在20分钟以内", [(20, "分钟", "<=")]),
    ("建成7个4G基站", [(7, "个", "=")]),
    ("完成新生儿48种遗传代谢病筛查4000人", [(4000, "人", "=")]),
    ("提高残疾人‘两项补贴’标准", []),
    ("新建中小学7所（其中新建3所、改扩建4所）", [(7, "所", "=")]),
    ("完成孕产妇免費產前篩查1.65萬人次", [(16500, "人次", "=")]),
    ("上门服务困难农户1.2万户次", [(12000, "户次", "=")]),
    ("完成15村整村推进", [(15, "村", "=")]),
    ("检定加油枪5200把", [(5200, "把", "=")]),
    ("保障标准达760元/人月", [(760, "元/人/月", "=")]),
    ("补助标准3200元/人年", [(3200, "元/人/年", "=")]),
    ("补差水平月均达到260元/人", [(260, "元/人", "=")]),
    ("每次补助120元/人次", [(120, "元/人次", "=")]),
    ("完成能繁母猪保险2.4万头", [(24000, "头", "=")]),
    ("入户走访農戶860戶次", [(860, "户次", "=")]),
    ("训练时间2067.7个月", [(2067.7, "个月", "=")]),
    ("资助学生1000名", [(1000, "人", "=")]),
    ("分别提高到每人每年3120元、2940元", [(3120, "元/人/年", "="), (2940, "元/人/年", "=")]),
    ("每人每月500元，另发放补助300元", [(500, "元/人/月", "="), (300, "元", "=")]),
    ("新建改造公共厕所八座", [(8, "座", "=")]),
    ("新建智能立体停车设施三处，新增停车泊位一千二百个", [(3, "处", "="), (1200, "个", "=")]),
    ("实行一村一辅警，建立一个台账", []),
    ("启动三台、太平湾净水厂建设", []),
], ids=["wan", "wan-yuan", "yi", "area", "fullwidth", "chinese-numerals", "per-year", "per-person-month",
        "op-inside", "yishang", "yinei", "4G-not-unit", "48-kinds-not-unit", "lone-cn-numeral", "breakdown",
        "traditional", "household-times", "household-times-traditional", "villages-without-ge", "handheld-things", "per-person-month-one-slash", "per-person-year-one-slash", "per-person", "per-service", "livestock", "months", "ming",
        "standard-unit-carried-in-list", "standard-unit-not-carried-past-a-clause",
        "lone-cn-numeral-closing-clause", "lone-cn-numeral-before-comma", "yi-stays-a-word",
        "place-named-with-a-numeral"])
def test_quantities(text, expected):
    got = [(q.value, q.unit, q.op) for q in find_quantities(simplify(text), GAZ.units)]
    assert got == [(float(v), u, o) for v, u, o in expected]


def test_written_precision_is_kept():
    q, = find_quantities("2.3万人", GAZ.units)
    assert q.half == 500
    q, = find_quantities("10265人", GAZ.units)
    assert q.half == 0
