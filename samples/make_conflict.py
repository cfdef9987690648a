"""Write samples/conflict/: two documents of one county and year that disagree on a target.

    .venv/bin/python samples/make_conflict.py

A plan issued in February promises 3200 new urban jobs; the half-year report of the same county
and year measures its progress against 3500. Ingested together (`make run` ingests samples/),
the store raises one TARGET_CONFLICT on the later document naming both figures. The roads and
kindergartens agree, so they raise nothing. Both texts were written for this sample; the place
is real only so that its division code resolves. `expected.json` holds what extraction must give.
"""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent / "conflict"

PLAN = """临澧县人民政府办公室关于印发2024年县级重点民生实事项目的通知
临政办发〔2024〕3号

各乡镇人民政府，县直各单位：
经县人民政府研究同意，现将2024年县级重点民生实事项目印发给你们，请认真组织实施，确保年底前全面完成。

一、新增城镇就业。全年新增城镇就业3200人。牵头单位：县人力资源和社会保障局。完成时限：2024年12月底。
二、农村公路提质改造。完成农村公路提质改造45公里。牵头单位：县交通运输局。完成时限：2024年11月底。
三、公办幼儿园建设。新建公办幼儿园2所。牵头单位：县教育局。完成时限：2024年9月底。

临澧县人民政府办公室
2024年2月20日
"""

REPORT = """临澧县2024年重点民生实事项目1—6月进展情况通报

各乡镇人民政府，县直各单位：
现将2024年县级重点民生实事项目上半年进展情况通报如下。

一、新增城镇就业。年度目标3500人，已新增城镇就业1820人，完成52%。
二、农村公路提质改造。年度任务45公里，累计提质改造21公里，完成46.7%。
三、公办幼儿园建设。年度任务新建公办幼儿园2所，已开工2所，其中主体完工1所。

请各牵头单位对照年度目标，加快推进，确保按期完成。

临澧县重点民生实事办公室
2024年7月10日
"""

DOCUMENTS = {
    "linli_2024_plan.txt": PLAN,
    "linli_2024_progress_h1.txt": REPORT,
}

# what extraction and the store must give: each document's (type, target, unit), and the conflict
EXPECTED = {
    "documents": {
        "linli_2024_plan.txt": {"kind": "plan", "region_code": "430724", "year": 2024,
                                "targets": [["urban_new_jobs", 3200, "人"], ["rural_road_upgrade", 45, "公里"],
                                            ["kindergarten_construction", 2, "所"]]},
        "linli_2024_progress_h1.txt": {"kind": "progress", "region_code": "430724", "year": 2024,
                                       "targets": [["urban_new_jobs", 3500, "人"], ["rural_road_upgrade", 45, "公里"],
                                                   ["kindergarten_construction", 2, "所"]]},
    },
    "conflicts": [{"code": "TARGET_CONFLICT", "document": "linli_2024_progress_h1.txt",
                   "other": "linli_2024_plan.txt", "type": "urban_new_jobs", "found": 3500, "expected": 3200}],
}


def main() -> None:
    HERE.mkdir(exist_ok=True)
    for name, text in DOCUMENTS.items():
        (HERE / name).write_text(text, encoding="utf-8")
    (HERE / "expected.json").write_text(json.dumps(EXPECTED, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(DOCUMENTS)} documents and expected.json to {HERE}")


if __name__ == "__main__":
    main()
