#!/usr/bin/env python3
"""Regenerate gazetteer/divisions.tsv and gazetteer/division_renames.tsv.

Run by hand (never at run time; the TSVs are committed):

    mkdir -p /tmp/cd && cd /tmp/cd
    for v in 1.0.4 1.3.2 2.1.0 2.2.0 2.3.1 2.4.0 2.5.0 2.6.1 2.7.0; do
        npm pack china-division@$v          # npm registry; one tarball per vintage
    done
    python -m pip download --no-deps -d /tmp/cd jionlp==1.5.31   # optional: dates of changes
    cd /work/main && python gazetteer/make_divisions.py /tmp/cd

Sources (see gazetteer/SOURCES.md):
  * npm package ``china-division`` (modood/Administrative-divisions-of-China, WTFPL),
    a crawl of 国家统计局《统计用区划和城乡划分代码》.  Each published version carries
    one yearly vintage (2015 ... 2023); the newest tarball gives divisions.tsv and the
    differences between consecutive vintages give division_renames.tsv.
  * optional: PyPI wheel ``jionlp`` (Apache-2.0), whose dictionary/china_location_change.txt
    lists dated 民政部/国务院 approvals; it only adds exact dates and settles merges
    that the code diff alone cannot.

The statistics code list is a superset of GB/T 2260 at county level; the filters in
``is_statistical_only`` drop the units that are not administrative divisions.
Standard library only.
"""
from __future__ import annotations

import csv
import json
import re
import sys
import tarfile
import zipfile
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path

HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------------------
# reading the package tarballs

VINTAGE_RE = re.compile(r"(\d{4})年统计用区划代码和城乡划分代码（截止时间：([\d-]+)，发布时间：([\d-]+)）")


def _member(tf: tarfile.TarFile, name: str) -> bytes:
    """A file of the package tarball; a tarball without it is not a china-division package."""
    try:
        f = tf.extractfile(name)
    except KeyError:
        f = None
    if f is None:
        raise SystemExit(f"{tf.name!s}: no {name} in the tarball — is it a china-division package?")
    return f.read()


def read_tarball(path: Path) -> dict:
    """One china-division tarball -> {'year', 'cutoff', 'published', 'version', 'units'}.

    units: code(6 digits) -> (name, level, parent_code) in the raw statistical list.
    """
    with tarfile.open(path) as tf:
        readme = _member(tf, "package/README.md").decode("utf-8")
        pkg = json.loads(_member(tf, "package/package.json"))
        m = VINTAGE_RE.search(readme)
        if not m:
            raise SystemExit(f"{path}: no vintage line in README")
        provinces = json.loads(_member(tf, "package/dist/provinces.json"))
        cities = json.loads(_member(tf, "package/dist/cities.json"))
        areas = json.loads(_member(tf, "package/dist/areas.json"))
    units: dict[str, tuple[str, str, str]] = {}
    for p in provinces:
        units[p["code"].ljust(6, "0")[:6]] = (p["name"], "province", "")
    for c in cities:
        code = c["code"].ljust(6, "0")[:6]
        parent = (c.get("provinceCode") or c.get("parent_code") or code[:2]).ljust(6, "0")[:6]
        units[code] = (c["name"], "prefecture", parent)
    for a in areas:
        code = a["code"][:6]
        if code in units:        # 441900 东莞市 etc. repeated at county level
            continue
        parent = (a.get("cityCode") or a.get("parent_code") or code[:4]).ljust(6, "0")[:6]
        units[code] = (a["name"], "county", parent)
    return {"year": int(m.group(1)), "cutoff": m.group(2), "published": m.group(3),
            "version": pkg["version"], "units": units}


# ---------------------------------------------------------------------------
# statistical list -> GB/T 2260 divisions

# Placeholders for the 市辖区 / 县 groupings of the municipalities and for the
# 省(自治区)直辖县级行政区划 groupings: not divisions; their children are attached to the
# province instead.
GROUPING_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

# Units the statistics list carries at county level that GB/T 2260 (民政部) does not:
# the four 大兴安岭 "districts" (232701-04 until 2017, 232761-64 since).
STATISTICAL_ONLY_NAMES = {("2327", "加格达奇区"), ("2327", "松岭区"), ("2327", "新林区"), ("2327", "呼中区")}
# Not mainland: 台湾省, 香港, 澳门 appear in some vintages.
NOT_MAINLAND = {"71", "81", "82"}


def is_statistical_only(code: str, name: str, parent_name: str) -> bool:
    county_digits = int(code[4:])
    if 71 <= county_digits <= 80:       # 开发区 / 管理区 / 新区 codes of the statistics bureau
        return True
    if code.endswith("00"):             # 东莞市, 中山市, 儋州市 repeated at county level
        return True
    if name == parent_name:             # 嘉峪关市 620201 under 嘉峪关市 620200
        return True
    if re.search(r"(行政委员会|管理委员会|管委会)$", name):   # 大柴旦行政委员会
        return True
    return (code[:4], name) in STATISTICAL_ONLY_NAMES


def to_divisions(units: dict) -> dict[str, tuple[str, str, str]]:
    out: dict[str, tuple[str, str, str]] = {}
    for code, (name, level, parent) in units.items():
        if code[:2] in NOT_MAINLAND:
            continue
        if level == "prefecture" and name in GROUPING_NAMES:
            continue
        if level == "county":
            if name in GROUPING_NAMES:
                continue
            pname, _, _ = units.get(parent, ("", "", ""))
            if is_statistical_only(code, name, pname):
                continue
            if pname in GROUPING_NAMES:          # municipality or 省直辖: parent = province
                parent = code[:2] + "0000"
        out[code] = (name, level, parent)
    return out


# ---------------------------------------------------------------------------
# short forms

# The 55 minority nationalities (国家民委), longest first so that 蒙古族 wins over 蒙古.
ETHNIC = sorted(["蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺"]
                + ["各"],   # 各族 as in 龙胜各族自治县
                key=len, reverse=True)


def strip_ethnic(stem: str) -> tuple[str, str]:
    """'湘西土家族苗族' -> ('湘西', '土家族苗族'); '鄂伦春' -> ('', '鄂伦春')."""
    removed = ""
    changed = True
    while changed and stem:
        changed = False
        for e in ETHNIC:
            for form in (e + "族", e):
                # a bare name without 族 counts when it is the whole remainder (鄂伦春自治旗)
                # or a name of 2+ characters after a stem of 2+ (新疆维吾尔, 和布克赛尔蒙古),
                # never a one-character one (白, 水, 土) inside a place name.
                bare_ok = stem == form or (len(form) >= 2 and len(stem) - len(form) >= 2)
                if stem.endswith(form) and (form.endswith("族") or bare_ok):
                    stem, removed = stem[: -len(form)], form + removed
                    changed = True
                    break
            if changed:
                break
    return stem, removed


def candidate_shorts(name: str, level: str) -> list[str]:
    """Short forms by rule, before the ambiguity filter. Order = preference."""
    out: list[str] = []
    if level == "province":
        for suf in ("自治区", "省", "市"):
            if name.endswith(suf):
                stem, _ = strip_ethnic(name[: -len(suf)])
                out.append(stem)
                break
    elif level == "prefecture":
        if name.endswith("自治州"):
            stem, _ = strip_ethnic(name[:-3])
            out += [stem + "自治州", stem + "州", stem]
        elif name.endswith("地区"):
            out.append(name[:-2])
        elif name.endswith(("市", "盟")):
            out.append(name[:-1])
    else:
        if name.endswith(("自治县", "自治旗")):
            kind = name[-1]
            stem, eth = strip_ethnic(name[:-3])
            if stem:
                out += [stem + "自治" + kind, stem + kind, stem]
            elif eth:                                # 鄂温克族自治旗 -> 鄂温克旗, 鄂温克
                bare = eth.removesuffix("族")
                out += [bare + kind, bare]
        elif name.endswith(("林区", "特区", "新区")) and len(name) >= 4:
            out.append(name[:-2])                    # 神农架林区, 六枝特区, 浦东新区 (not 清新区)
        elif name.endswith("旗"):
            # 准格尔旗 -> 准格尔; never 土默特左旗 -> 土默特左 or 达尔罕茂明安联合旗 -> …联合
            if not re.search(r"(左|右|前|后|中|联合)旗$", name):
                out.append(name[:-1])
        elif name.endswith(("区", "县", "市")):
            out.append(name[:-1])
    seen, res = set(), []
    for s in out:
        if len(s) >= 2 and s != name and s not in seen:
            seen.add(s)
            res.append(s)
    return res


LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2}


def assign_shorts(divs: dict[str, tuple[str, str, str]]) -> tuple[dict[str, list[str]], list[str]]:
    """Keep a short form only where it is unambiguous.

    * never equal to another division's full name;
    * claimed by several divisions: the highest level keeps it if it alone is at that
      level (吉林 -> 吉林省, not 吉林市; 恩施 -> 恩施州, not 恩施市); otherwise (two or more at
      the same top level, e.g. 江北 for 重庆 and 宁波 江北区) it is dropped everywhere.
    Returns the kept shorts per code and a log of the decisions on collisions.
    """
    full_names = Counter(n for n, _, _ in divs.values())
    cands = {c: candidate_shorts(n, lvl) for c, (n, lvl, _) in divs.items()}
    claims: dict[str, list[str]] = defaultdict(list)
    for c, ss in cands.items():
        for s in ss:
            claims[s].append(c)
    log = []
    winner: dict[str, str | None] = {}
    for s, codes in claims.items():
        if s in full_names:
            winner[s] = None
            log.append(f"{s}: is a full name itself; dropped from {','.join(sorted(codes))}")
            continue
        if len(codes) == 1:
            winner[s] = codes[0]
            continue
        top = min(LEVEL_RANK[divs[c][1]] for c in codes)
        tops = [c for c in codes if LEVEL_RANK[divs[c][1]] == top]
        desc = ", ".join(f"{divs[c][0]} {c}" for c in sorted(codes))
        if len(tops) == 1:
            winner[s] = tops[0]
            log.append(f"{s}: kept for {divs[tops[0]][0]} {tops[0]} (higher level) among {desc}")
        else:
            winner[s] = None
            log.append(f"{s}: ambiguous, dropped from {desc}")
    kept = {c: [s for s in ss if winner.get(s) == c] for c, ss in cands.items()}
    return kept, sorted(log)


# ---------------------------------------------------------------------------
# renames: differences between consecutive vintages

SUFFIX_RE = re.compile(r"(自治县|自治旗|林区|特区|新区|区|县|市|旗)$")


def core(name: str) -> str:
    stem = SUFFIX_RE.sub("", name)
    if name.endswith(("自治县", "自治旗")):
        stem = strip_ethnic(stem)[0] or stem
    return stem


def read_jionlp_changes(folder: Path) -> list[dict]:
    wheels = sorted(folder.glob("jionlp-*.whl"))
    if not wheels:
        return []
    with zipfile.ZipFile(wheels[-1]) as z:
        text = z.read("jionlp/dictionary/china_location_change.txt").decode("utf-8")
    rows = []
    for line in text.splitlines():
        if "=>" not in line:
            continue
        left, right = line.split("=>")
        lf, rf = left.split("\t"), right.split("\t")
        date = lf[0]
        old = lf[2:]
        # old: prov, prov_short, pref, pref_short[, county, county_short]
        rows.append({"date": date, "approval": lf[1], "old_prov": old[0], "old_pref": old[2],
                     "old_county": old[4] if len(old) > 4 else "",
                     "new_prov": rf[0], "new_pref": rf[1] if len(rf) > 1 else "",
                     "new_county": rf[2] if len(rf) > 2 else ""})
    return rows


def diff_vintages(prev: dict, nxt: dict, jl: list[dict]) -> list[dict]:
    P, N = prev["divs"], nxt["divs"]
    year = nxt["year"]
    span = f"统计用区划代码 {prev['year']} (截止 {prev['cutoff']}) → {nxt['year']} (截止 {nxt['cutoff']})"
    gone = {c for c in P if c not in N}
    new = {c for c in N if c not in P}
    rows = []

    def pname(divs, code):
        par = divs[code][2]
        return divs[par][0] if par in divs else ""

    def jl_lookup(code):
        name, level, _ = P[code]
        prov = P[code[:2] + "0000"][0]
        for r in jl:
            if r["old_prov"] != prov:
                continue
            if level == "county" and r["old_county"] == name and r["old_pref"] in (pname(P, code), prov):
                return r
            if level == "prefecture" and not r["old_county"] and r["old_pref"] == name:
                return r
        return None

    def find_code(divs, prov_code, pref_name, name, level):
        hits = [c for c, (n, lv, _) in divs.items() if n == name and lv == level and c[:2] == prov_code[:2]]
        if len(hits) > 1 and pref_name:
            hits = [c for c in hits if pname(divs, c) == pref_name] or hits
        return hits[0] if len(hits) == 1 else ""

    def add(old, new_code, how, jrow):
        note = how + "; " + span
        yr = year
        if jrow:
            note += f"; {jrow['approval']} {jrow['date']} (jionlp china_location_change)"
            yr = int(jrow["date"][:4])
        rows.append({"old_code": old, "old_name": P[old][0], "new_code": new_code,
                     "new_name": N[new_code][0] if new_code else "", "year": yr, "note": note})

    # same code, new name (rare: 县 renamed in place)
    for c in sorted(set(P) & set(N)):
        if P[c][0] != N[c][0] and P[c][1] == N[c][1]:
            add(c, c, "renamed, code kept", jl_lookup(c))
            rows[-1]["old_code"] = c
    matched_new: set[str] = set()
    pending = []
    pref_successor: dict[str, Counter] = defaultdict(Counter)
    # pass 1: same core name in the same province (撤县设市, 撤县设区, 撤市设区, moves)
    for c in sorted(gone):
        name, level, parent = P[c]
        cands = [n for n in new if n[:2] == c[:2] and N[n][1] == level and core(N[n][0]) == core(name)
                 and n not in matched_new]
        if len(cands) > 1:
            cands = [n for n in cands if n[:4] == c[:4]] or cands
        if not cands:       # change of level under the same name (儋州市 469003 -> 460400)
            cands = [n for n in new if n[:2] == c[:2] and N[n][0] == name and n not in matched_new]
        if len(cands) == 1:
            n = cands[0]
            matched_new.add(n)
            old_kind, new_kind = name[len(core(name)):], N[n][0][len(core(N[n][0])):]
            how = f"{old_kind}→{new_kind}" if old_kind != new_kind else "code changed"
            if N[n][1] != level:
                how = f"became {N[n][1]}-level"
            if level == "county" and parent != N[n][2]:
                how += f"; moved {pname(P, c) or P[parent][0]} → {pname(N, n)}"
            add(c, n, how, jl_lookup(c))
            if level == "county":
                pref_successor[parent][N[n][2]] += 1
        else:
            pending.append(c)
    # pass 2: the dated change list names the successor (merges such as 港闸区 → 崇川区)
    pending2 = []
    for c in pending:
        name, level, parent = P[c]
        j = jl_lookup(c)
        if j:
            target = find_code(N, c, j["new_pref"], j["new_county"] or j["new_pref"], level)
            if target:
                if target in new:
                    matched_new.add(target)
                add(c, target, "merged/renamed (successor from the dated change list)", j)
                if level == "county":
                    pref_successor[parent][N[target][2]] += 1
                continue
        pending2.append(c)
    # prefectures that vanished: successor = where most of their counties went (莱芜 → 济南)
    for c in [c for c in pending2 if P[c][1] == "prefecture"]:
        succ = pref_successor.get(c)
        if succ:
            target = succ.most_common(1)[0][0]
            add(c, target, "prefecture abolished; its counties went to " + N[target][0], None)
            pending2.remove(c)
    # pass 3: the only new unit left in the (successor) prefecture
    for c in list(pending2):
        name, level, parent = P[c]
        if level != "county":
            continue
        home = parent if parent in N else (pref_successor[parent].most_common(1)[0][0]
                                          if pref_successor.get(parent) else parent)
        left = [n for n in new if n not in matched_new and N[n][2] == home and N[n][1] == "county"]
        if len(left) == 1:
            add(c, left[0], "merged/renamed (inferred: the only new county-level unit in "
                + (N[home][0] if home in N else home) + ")", jl_lookup(c))
            pending2.remove(c)
    for c in pending2:
        add(c, "", "abolished or merged; successor not determined from the lists", jl_lookup(c))
    return rows


# ---------------------------------------------------------------------------

def main(folder: str) -> None:
    src = Path(folder)
    vintages: dict[int, dict] = {}
    for tgz in sorted(src.glob("china-division-*.tgz")):
        v = read_tarball(tgz)
        v["divs"] = to_divisions(v["units"])
        old = vintages.get(v["year"])
        if not old or tuple(map(int, v["version"].split("."))) > tuple(map(int, old["version"].split("."))):
            vintages[v["year"]] = v
    if not vintages:
        raise SystemExit(f"no china-division-*.tgz in {src}")
    years = sorted(vintages)
    cur = vintages[years[-1]]
    divs = cur["divs"]
    shorts, log = assign_shorts(divs)

    with open(HERE / "divisions.tsv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "name", "level", "parent", "short"])
        for code in sorted(divs):
            name, level, parent = divs[code]
            w.writerow([code, name, level, parent, "|".join(shorts[code])])

    jl = read_jionlp_changes(src)
    renames = []
    for a, b in pairwise(years):
        renames += diff_vintages(vintages[a], vintages[b], jl)
    renames.sort(key=lambda r: (r["year"], r["old_code"]))
    with open(HERE / "division_renames.tsv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        cols = ["old_code", "old_name", "new_code", "new_name", "year", "note"]
        w.writerow(cols)
        for r in renames:
            w.writerow([r[c] for c in cols])

    counts = Counter(lv for _, lv, _ in divs.values())
    print(f"vintage {cur['year']} (china-division {cur['version']}, 截止 {cur['cutoff']}): {dict(counts)}")
    print("vintages used:", ", ".join(f"{y} ({vintages[y]['version']})" for y in years))
    print(f"renames: {len(renames)} rows, jionlp change rows: {len(jl)}")
    print("short-form collisions:")
    for line in log:
        print("  " + line)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])
