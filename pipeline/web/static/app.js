// The paste page.  Every string that comes from a document is put on the page with
// textContent (through el()), never as HTML: a pasted <script> stays text.
"use strict";

const KIND = {plan: "实施方案 / 任务分解", progress: "进展通报", supervision: "督办方案", summary: "完成情况表", other: "其他"};
const STATUS = {done: "已完成", on_track: "有序推进", lagging: "进度滞后", started: "进行中", cancelled: "已取消"};
const SEVERITY = {error: "错误", warning: "警告", info: "提示"};
const SEVERITY_ORDER = {error: 0, warning: 1, info: 2};
const CODE = {
  RATE_MISMATCH: "完成率对不上",
  SUM_MISMATCH: "分项加起来不等于合计",
  COUNT_MISMATCH: "个数不符",
  NUMBERING_GAP: "编号不连续",
  UNIT_MISMATCH: "单位不一致",
  TARGET_CONFLICT: "目标前后矛盾",
  OVER_COMPLETION: "超过100%",
  DATE_INCONSISTENT: "日期矛盾",
  UNPARSED: "未能识别",
};
// What the two numbers of a flag mean, per code: [expected, found].
const SIDES = {
  RATE_MISMATCH: ["按完成数与目标计算", "文中写的完成率"],
  COUNT_MISMATCH: ["文中声明", "实际列出"],
  SUM_MISMATCH: ["文中合计", "分项相加"],
  UNIT_MISMATCH: ["目标单位", "完成数单位"],
  OVER_COMPLETION: ["上限", "文中"],
  NUMBERING_GAP: ["应为", "实际"],
  TARGET_CONFLICT: ["另一文件", "本文件"],
  DATE_INCONSISTENT: ["应不晚于", "实际"],
};
const OP = {">=": "不低于", ">": "超过", "<=": "不超过", "<": "低于", "~": "约"};

const $ = (id) => document.getElementById(id);
let current = null;       // the last /api/extract answer
let compareAvailable = false;   // the server has a store (minsheng serve --db)
let chosenFile = null;
const NARROW = window.matchMedia("(max-width: 1100px)");   // one column: the source is not beside the list

// A short made-up 通报 in the genre (no real document): one item with a wrong rate, one partial, one done.
const SAMPLE = [
  "关于2022年1-6月全市重点民生实事项目进展情况的通报",
  "各县（市、区）人民政府，市直有关单位：",
  "现将上半年重点民生实事项目进展情况通报如下：",
  "1、由市残联牵头组织实施的“实施困难残疾人家庭无障碍改造450户”项目：全市已完成改造27户，完成年任务7%，工作进度相对滞后。",
  "2、由市卫健委牵头组织实施的“建设村卫生室标准化80个”项目：全市已有35个完成任务，其余正在建设中，工作有序推进。",
  "3、由市交通运输局牵头组织实施的“建设农村公路安防设施120公里”项目：已完成120公里，完成年任务100%，已全面完成。",
  "4、由市人社局牵头组织实施的“城镇新增就业1.2万人”项目：全市城镇新增就业6300人，完成年任务52.5%。",
].join("\n");

// el("td", {class: "x"}, "text", child, …): children that are strings become text nodes.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "dataset") Object.assign(node.dataset, v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === "") continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function fmtNum(v) {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(+v.toFixed(4));
  return String(v);
}

function setStatus(text, kind) {
  const s = $("status");
  s.textContent = text;
  s.className = "status" + (kind ? " " + kind : "");
}

// ---- input -------------------------------------------------------------------------------

function chooseFile(file) {
  chosenFile = file || null;
  $("file-name").textContent = file ? `已选择：${file.name}（${(file.size / 1024).toFixed(0)} KB）`
                                    : "支持 txt、html、pdf、docx、doc、xls、xlsx，最大 20 MB";
  $("clear-file").hidden = !file;
  if (!file) $("file").value = "";
}

async function runExtract() {
  const text = $("paste").value;
  if (!chosenFile && !text.trim()) {
    setStatus("请先粘贴文本或选择文件。", "error");
    return;
  }
  const button = $("extract");
  button.disabled = true;
  setStatus(chosenFile ? `正在读取 ${chosenFile.name} ……` : "正在提取……", "busy");
  const t0 = performance.now();
  try {
    let resp;
    if (chosenFile) {
      const form = new FormData();
      form.append("file", chosenFile, chosenFile.name);
      resp = await fetch("/api/extract", {method: "POST", body: form});
    } else {
      resp = await fetch("/api/extract", {method: "POST", headers: {"Content-Type": "application/json"},
                                          body: JSON.stringify({text})});
    }
    const body = await resp.json().catch(() => ({error: `服务器返回 ${resp.status}`}));
    if (!resp.ok) {
      setStatus(`无法提取：${body.error || resp.status}`, "error");
      return;
    }
    current = body;
    render(body);
    const ms = Math.round(performance.now() - t0);
    if (body.projects.length) setStatus(`完成，用时 ${ms} 毫秒。`, "done");
    else setStatus(`已读完（用时 ${ms} 毫秒），但未识别出项目，请看下方说明。`, "warn");
  } catch (err) {
    setStatus(`无法连接服务器：${err.message}`, "error");
  } finally {
    button.disabled = false;
  }
}

// ---- rendering ---------------------------------------------------------------------------

function render(obj) {
  $("result").hidden = false;
  renderMeta(obj.document);
  renderSource(obj.lines || [], obj.flags);
  const owner = assignFlags(obj.projects, obj.flags);
  renderFlags(obj.flags, owner, obj.projects);
  renderProjects(obj.projects, obj.flags, owner);
  renderSummaries(obj.summaries || []);
  const n = {error: 0, warning: 0, info: 0};
  obj.flags.forEach((f) => { n[f.severity] = (n[f.severity] || 0) + 1; });
  $("counts").textContent = `${obj.projects.length} 个项目 · ${n.error} 个错误 · ${n.warning} 个警告 · ${n.info} 个提示`;
  const unread = (obj.unread && obj.unread.lines) || 0;
  const none = obj.projects.length === 0;
  $("unread").hidden = !none;
  $("unread").textContent = none
    ? `未识别出项目：${unread ? `有 ${unread} 行含数字的内容未能识别，` : ""}请确认粘贴的是民生实事的通报、实施方案或任务分解表，并人工核对。`
    : "";
  $("no-flags").hidden = none || obj.flags.length > 0;
}

function renderMeta(d) {
  $("doc-title").textContent = d.title || d.source;
  const region = d.region || {};
  const path = (region.path || []).join(" / ");
  const period = d.period ? `${d.period.from} 至 ${d.period.to}` : "";
  const rows = [
    ["类型", KIND[d.kind] || d.kind],
    ["地区", region.name ? `${region.name}${region.code ? `（${region.code}）` : ""}${path ? ` · ${path}` : ""}` : ""],
    ["年度", d.year],
    ["统计期间", period],
    ["成文日期", d.date],
    ["文号", d.doc_number],
    ["发文机关", d.issuer],
    ["来源", `${d.source}（${d.format}${d.encoding ? ", " + d.encoding : ""}）`],
  ];
  const dl = $("meta");
  dl.replaceChildren();
  for (const [k, v] of rows) {
    dl.append(el("div", {class: "meta-item"}, el("dt", {}, k), el("dd", {class: v ? "" : "empty"}, v ? String(v) : "—")));
  }
  $("warnings").replaceChildren(...(d.warnings || []).map((w) => el("li", {}, w)));
}

function renderSource(lines, flags) {
  const worst = new Map();
  for (const f of flags) {
    const ln = f.evidence && f.evidence.line;
    if (!ln) continue;
    const prev = worst.get(ln);
    if (!prev || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[prev]) worst.set(ln, f.severity);
  }
  const frag = document.createDocumentFragment();
  lines.forEach((text, i) => {
    const n = i + 1;
    const sev = worst.get(n);
    frag.append(el("div", {class: "ln" + (sev ? " mark-" + sev : ""), id: "L" + n, dataset: {line: n}},
                   el("span", {class: "no", "aria-hidden": "true"}, n), el("span", {class: "tx"}, text)));
  });
  $("source").replaceChildren(frag);
}

// Which project row each flag sits beside: the project whose name opens the message
// ("实施困难残疾人家庭无障碍改造680户：…"), on the flag's line if several share the name; else
// the only project on the flag's evidence line.  A flag with no such project is listed only above.
function assignFlags(projects, flags) {
  const onLine = new Map();
  projects.forEach((p, i) => {
    const ln = p.evidence && p.evidence.line;
    if (ln) onLine.set(ln, (onLine.get(ln) || []).concat(i));
  });
  return flags.map((f) => {
    const ln = f.evidence && f.evidence.line;
    const named = projects.map((p, i) => i).filter((i) => projects[i].name && (f.message || "").startsWith(projects[i].name + "："));
    const sameLine = named.filter((i) => projects[i].evidence && projects[i].evidence.line === ln);
    if (sameLine.length) return sameLine[0];
    if (named.length) return named[0];
    const there = onLine.get(ln) || [];
    return there.length === 1 ? there[0] : null;
  });
}

function flagNumbers(f) {
  if (f.expected === null || f.expected === undefined || f.found === null || f.found === undefined) return null;
  const [a, b] = SIDES[f.code] || ["应为", "实际"];
  return `${a}：${fmtNum(f.expected)}；${b}：${fmtNum(f.found)}`;
}

function flagNode(f, index, compact) {
  const ln = f.evidence && f.evidence.line;
  const nums = flagNumbers(f);
  return el("li", {class: `flag sev-${f.severity}`, tabindex: 0, dataset: {flag: index, line: ln || ""},
                   title: "点击查看原文", onclick: (e) => { e.stopPropagation(); showFlag(index, e.currentTarget); },
                   onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); e.stopPropagation(); showFlag(index, e.currentTarget); } }},
    el("span", {class: "badge"}, SEVERITY[f.severity] || f.severity),
    el("span", {class: "code", title: f.code}, CODE[f.code] || f.code),
    el("span", {class: "msg"}, f.message),
    nums ? el("span", {class: "nums"}, nums) : null,
    !compact && ln ? el("span", {class: "where"}, `第 ${ln} 行`) : null);
}

function renderFlags(flags, owner, projects) {
  const order = flags.map((f, i) => i).sort((a, b) =>
    (SEVERITY_ORDER[flags[a].severity] - SEVERITY_ORDER[flags[b].severity]) ||
    ((flags[a].evidence.line || 0) - (flags[b].evidence.line || 0)));
  $("flags").replaceChildren(...order.map((i) => {
    const node = flagNode(flags[i], i, false);
    if (owner[i] !== null) node.append(el("span", {class: "owner"}, `项目：${projects[owner[i]].name}`));
    return node;
  }));
  $("flag-count").textContent = flags.length ? `（${flags.length}）` : "";
}

function targetText(t) {
  const op = t.op && t.op !== "=" && !/不低于|不少于|以上|超过|以内|不超过/.test(t.raw || "") ? (OP[t.op] || t.op) : "";
  return op + (t.raw || [fmtNum(t.value), t.unit].join(""));
}

function progressCells(p) {
  const overall = p.progress.filter((g) => !g.region);
  const shown = overall.length ? overall : p.progress;
  const moneyTarget = p.targets.some((t) => t.unit === "元");
  // an investment beside a counted target (85个小区 … 完成投资473.975万元) is said to be one, not a completion
  const done = shown.filter((g) => g.completed).map((g) =>
    (g.region && !overall.length ? g.region + " " : "") +
    (g.completed.unit === "元" && !moneyTarget && p.targets.length ? "投资 " : "") + quantityText(g.completed, g.text));
  const rates = shown.filter((g) => g.rate !== null && g.rate !== undefined).map((g) =>
    (g.region && !overall.length ? g.region + " " : "") + fmtNum(g.rate) + "%");
  const statuses = [...new Set(shown.map((g) => g.status).filter(Boolean))].map((s) => STATUS[s] || s);
  const regional = overall.length ? p.progress.length - overall.length : 0;
  return {done, rate: rates, status: statuses, regional};
}

// 64980000 元 → 6498万元 as the text wrote it (else in 万元): a clerk reads money as the document does
function quantityText(q, written) {
  if (q.unit !== "元") return fmtNum(q.value) + (q.unit || "");
  const re = /(\d+(?:\.\d+)?)\s*(亿|万)?元(?!\/)/g;
  for (let m; (m = re.exec(written || "")) !== null;) {
    const v = parseFloat(m[1]) * ({"亿": 1e8, "万": 1e4}[m[2]] || 1);
    if (Math.abs(v - q.value) < 0.5) return m[0].replace(/\s/g, "");
  }
  return q.value >= 1e4 ? fmtNum(+(q.value / 1e4).toFixed(6)) + "万元" : fmtNum(q.value) + "元";
}

// 1.投资… under 序号 1: the number is shown once, in the seq badge
function shownName(p) {
  if (!p.seq) return p.name;
  const esc = p.seq.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp("^\\s*" + esc + "\\s*[.、．](?!\\d)\\s*(?=\\S)").exec(p.name);
  return m ? p.name.slice(m[0].length) : p.name;
}

function lines(items) {
  return items.filter(Boolean).map((t) => el("span", {class: "item"}, t));
}

function renderProjects(projects, flags, owner) {
  const body = $("projects").tBodies[0];
  const rows = [];
  projects.forEach((p, i) => {
    const mine = flags.map((f, j) => j).filter((j) => owner[j] === i);
    const worst = mine.reduce((w, j) => (w === null || SEVERITY_ORDER[flags[j].severity] < SEVERITY_ORDER[w] ? flags[j].severity : w), null);
    const g = progressCells(p);
    const open = () => showProject(i);
    rows.push(el("tr", {class: "project" + (worst ? " worst-" + worst : "") + (mine.length ? " has-flags" : ""),
                        tabindex: 0, dataset: {project: i, line: (p.evidence && p.evidence.line) || ""},
                        title: "点击查看原文", onclick: open, onkeydown: (e) => { if (e.key === "Enter") open(); }},
      el("td", {class: "c-name", dataset: {label: "名称"}}, p.seq ? el("span", {class: "seq"}, p.seq) : null, shownName(p),
         p.region ? el("span", {class: "tag"}, p.region) : null, p.level ? el("span", {class: "tag"}, p.level) : null,
         compareAvailable && p.canonical ? el("button", {type: "button", class: "link compare", title: "与库中其他年份、地区对比",
           onclick: (e) => { e.stopPropagation(); compareType(p.canonical); }}, "对比") : null),
      el("td", {dataset: {label: "指标"}}, lines(p.targets.map(targetText))),
      el("td", {class: "c-owner", dataset: {label: "牵头"}}, lines(p.leaders), lines(p.lead_units),
         p.partner_units.length ? el("span", {class: "sub"}, "配合：" + p.partner_units.join("、")) : null),
      el("td", {class: "c-date", dataset: {label: "完成时限"}}, p.deadline || ""),
      el("td", {class: "num", dataset: {label: "完成数"}}, lines(g.done),
         g.regional ? el("span", {class: "sub"}, `另有 ${g.regional} 个地区的进度`) : null),
      el("td", {class: "num", dataset: {label: "完成率"}}, lines(g.rate)),
      el("td", {class: "status", dataset: {label: "状态"}}, lines(g.status).map((n) => {
        n.classList.add("st-" + (Object.keys(STATUS).find((k) => STATUS[k] === n.textContent) || "other"));
        return n;
      }))));
    if (mine.length) {
      rows.push(el("tr", {class: "flag-row", dataset: {project: i}},
        el("td", {colspan: 7}, el("ul", {class: "flags inline"}, mine.map((j) => flagNode(flags[j], j, true))))));
    }
  });
  body.replaceChildren(...rows);
  if (!projects.length) {
    body.append(el("tr", {}, el("td", {colspan: 7, class: "empty"}, "未识别出项目。")));
  }
  $("project-count").textContent = `（${projects.length}）`;
}

async function compareType(type) {
  const resp = await fetch(`/api/compare?type=${encodeURIComponent(type)}`);
  const body = await resp.json();
  if (!resp.ok) {
    setStatus(body.error || "对比失败", "error");
    return;
  }
  $("compare-block").hidden = false;
  $("compare-type").textContent = `（${type}，${body.rows.length} 条）`;
  $("compare").tBodies[0].replaceChildren(...body.rows.map((r) => el("tr", {},
    el("td", {}, r.year === null ? "" : String(r.year)), el("td", {}, r.region || ""),
    el("td", {class: "num"}, `${OP[r.op] || ""}${fmtNum(r.target)}${r.unit || ""}`),
    el("td", {class: "num"}, r.completed === null ? "" : fmtNum(r.completed)),
    el("td", {}, r.project || ""), el("td", {class: "where"}, r.source || ""))));
  $("compare-block").scrollIntoView({block: "nearest"});
}

function renderSummaries(summaries) {
  $("summaries-block").hidden = !summaries.length;
  $("summary-count").textContent = `（${summaries.length}）`;
  $("summaries").replaceChildren(...summaries.map((s) => {
    const parts = Object.entries(s.parts || {}).map(([k, v]) => `${STATUS[k] || k} ${v}`).join("，");
    const line = s.evidence && s.evidence.line;
    return el("li", {tabindex: 0, onclick: () => highlight(line, s.evidence.text)},
      el("strong", {}, s.subject || ""), ` 共 ${fmtNum(s.total)}${s.unit || ""}`,
      parts ? `：${parts}` : "", s.listed !== null && s.listed !== undefined ? `（列出 ${s.listed} 项）` : "",
      line ? el("span", {class: "where"}, `第 ${line} 行`) : null);
  }));
}

// ---- evidence ----------------------------------------------------------------------------

function showProject(i) {
  selectOnly(`tr.project[data-project="${i}"]`);
  const p = current.projects[i];
  const row = document.querySelector(`tr.project[data-project="${i}"]`);
  highlight(p.evidence && p.evidence.line, p.evidence && p.evidence.text, row);
  if (NARROW.matches) excerptUnder(row, p.evidence);
}

function showFlag(i, clicked) {
  selectOnly(`li.flag[data-flag="${i}"]`);
  const f = current.flags[i];
  const node = clicked || document.querySelector(`li.flag[data-flag="${i}"]`);
  highlight(f.evidence && f.evidence.line, f.evidence && f.evidence.text, node);
  if (NARROW.matches) excerptUnder(node, f.evidence);
}

// One column (a phone, a narrow window): the source panel is far below, so the evidence is shown right
// under the flag or row that was tapped, instead of jumping the page away from it.
function excerptUnder(node, evidence) {
  document.querySelectorAll(".excerpt").forEach((n) => n.remove());
  if (!node || !evidence) return;
  const line = evidence.line;
  const text = line && current.lines && current.lines[line - 1] !== undefined ? current.lines[line - 1] : evidence.text;
  const box = el("div", {class: "excerpt", role: "note"},
    el("span", {class: "where"}, line ? `原文第 ${line} 行` : "原文"), el("span", {class: "tx"}, text || ""));
  if (node.tagName === "TR") {
    const row = el("tr", {class: "excerpt"}, el("td", {colspan: 7}, box));
    box.classList.remove("excerpt");
    node.after(row);
  } else {
    node.append(box);
  }
}

function selectOnly(selector) {
  document.querySelectorAll(".selected").forEach((n) => n.classList.remove("selected"));
  document.querySelectorAll(selector).forEach((n) => n.classList.add("selected"));
}

// Highlight the evidence line, and the lines after it that belong to the same evidence
// (a table row flattened one cell a line).
function highlight(line, text, anchor) {
  document.querySelectorAll("#source .ln.hl").forEach((n) => n.classList.remove("hl"));
  if (!line) {
    setStatus("这一项没有对应的原文行。", "");
    return;
  }
  const first = $("L" + line);
  if (!first) return;
  first.classList.add("hl");
  const evidence = (text || "").replace(/\s+/g, "");
  let next = first.nextElementSibling;
  for (let k = 0; next && k < 40; k++, next = next.nextElementSibling) {
    const t = next.querySelector(".tx").textContent.replace(/\s+/g, "");
    if (!t) continue;
    if (!evidence.includes(t)) break;
    next.classList.add("hl");
  }
  // scroll the source panel only, never the page: the list the clerk is reading stays where it is, and
  // the line comes level with the item clicked (within the part of the panel on screen)
  const pane = $("source");
  const box = pane.getBoundingClientRect();
  const shownTop = Math.max(box.top, 0);
  const shownBottom = Math.min(box.bottom, window.innerHeight);
  const at = anchor ? anchor.getBoundingClientRect().top : (shownTop + shownBottom) / 2;
  const want = Math.min(Math.max(at, shownTop + 8), Math.max(shownTop + 8, shownBottom - first.offsetHeight - 8));
  const delta = first.getBoundingClientRect().top - want;
  pane.scrollTo({top: Math.max(0, pane.scrollTop + delta), behavior: "smooth"});
}

// ---- exports -----------------------------------------------------------------------------

function exportBody() {
  const {lines, ...obj} = current;   // the text view is not part of the export
  return JSON.stringify(obj);
}

async function fetchExport(format) {
  const resp = await fetch(`/api/export?format=${format}`, {method: "POST", headers: {"Content-Type": "application/json"},
                                                         body: exportBody()});
  if (!resp.ok) {
    const body = await resp.json().catch(() => ({}));
    throw new Error(body.error || `服务器返回 ${resp.status}`);
  }
  return resp;
}

function fileName(resp, fallback) {
  const cd = resp.headers.get("Content-Disposition") || "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(cd);
  return plain ? plain[1] : fallback;
}

async function download(format, fallback) {
  if (!current) return;
  try {
    const resp = await fetchExport(format);
    const blob = await resp.blob();
    const url = URL.createObjectURL(blob);
    const a = el("a", {href: url, download: fileName(resp, fallback)});
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    setStatus(`已生成 ${a.download}`, "done");
  } catch (err) {
    setStatus(`导出失败：${err.message}`, "error");
  }
}

async function copyMarkdown() {
  if (!current) return;
  try {
    const text = await (await fetchExport("markdown")).text();
    try {
      await navigator.clipboard.writeText(text);
    } catch (_) {                        // no clipboard API (plain http on another host)
      const ta = el("textarea", {class: "offscreen"});
      ta.value = text;
      document.body.append(ta);
      ta.select();
      document.execCommand("copy");
      ta.remove();
    }
    setStatus("Markdown 已复制到剪贴板。", "done");
  } catch (err) {
    setStatus(`复制失败：${err.message}`, "error");
  }
}

// ---- wiring ------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  $("extract").addEventListener("click", runExtract);
  $("file").addEventListener("change", (e) => chooseFile(e.target.files[0]));
  $("clear-file").addEventListener("click", () => chooseFile(null));
  $("clear").addEventListener("click", () => {
    $("paste").value = "";
    chooseFile(null);
    current = null;
    $("result").hidden = true;
    setStatus("", "");
  });
  $("paste").addEventListener("input", () => { if (chosenFile) chooseFile(null); });
  $("paste").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) runExtract(); });
  $("paste").addEventListener("dragover", (e) => e.preventDefault());
  $("paste").addEventListener("drop", (e) => {
    if (e.dataTransfer.files.length) {
      e.preventDefault();
      chooseFile(e.dataTransfer.files[0]);
    }
  });
  $("dl-xlsx").addEventListener("click", () => download("xlsx", "minsheng.xlsx"));
  $("dl-csv").addEventListener("click", () => download("csv", "minsheng.csv"));
  $("dl-md").addEventListener("click", () => download("markdown", "minsheng.md"));
  $("copy-md").addEventListener("click", copyMarkdown);
  $("sample").addEventListener("click", () => {
    chooseFile(null);
    $("paste").value = SAMPLE;
    runExtract();
  });
  fetch("/api/health").then((r) => r.json()).then((h) => { compareAvailable = Boolean(h.compare); })
    .catch(() => {}).finally(() => { document.body.dataset.ready = "1"; });
});
