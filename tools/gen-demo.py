#!/usr/bin/env python3
"""Generates data/demo.json, the built-in demo data set of trienkhai (Quảng Ninh, 2020–2025
and the province's 2025–2030 term), in the export format read by `trienkhai import`.

    python3 tools/gen-demo.py            # writes data/demo.json next to this folder
    python3 tools/gen-demo.py --check    # also validates it and prints the counts

Deterministic: the same script always writes the same file. Facts come from
docs/domain notes (Quảng Ninh section); everything else is plausible and invented, and so
are all people except those the notes name (see REAL_PEOPLE).
"""
import datetime as dt
import json
import os
import random
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "demo.json")

# The day the demo is built for: tasks due before it and still open are overdue, and every
# one of them is meant to be (see intended_overdue). Asia/Ho_Chi_Minh.
TODAY = dt.date(2026, 12, 2)

REAL_PEOPLE = {"Nguyễn Xuân Ký", "Trịnh Thị Minh Thanh", "Vũ Đại Thắng", "Bùi Văn Khắng",
               "Nguyễn Văn Hồi", "Lê Văn Ánh", "Dương Mạnh Cường"}

D = {k: [] for k in ["orgs", "people", "terms", "seats", "documents", "resolutions", "items",
                     "programs", "tasks", "task_updates", "indicator_values", "meetings",
                     "inspections", "assignments", "disseminations"]}


def add(_list, **kw):
    obj = {"id": len(D[_list]) + 1}
    for k, v in kw.items():
        if v is not None:
            obj[k] = v
    D[_list].append(obj)
    return obj["id"]


def day(s):
    return dt.date.fromisoformat(s)


def iso(d):
    return d.isoformat()


# ---------------------------------------------------------------- orgs
ORG = {}        # key -> id
ORGOBJ = {}     # id -> obj


def org(key, parent, name, short, code, kind, issuer, place):
    i = add("orgs", parent_id=ORG[parent] if parent else None, name=name, short_name=short,
            code=code, kind=kind, issuer_code=issuer, place_name=place)
    D["orgs"][-1]["parent_id"] = ORG[parent] if parent else None
    ORG[key] = i
    ORGOBJ[i] = D["orgs"][-1]
    return i


def subtree(oid):
    out = {oid}
    changed = True
    while changed:
        changed = False
        for o in D["orgs"]:
            if o["parent_id"] in out and o["id"] not in out:
                out.add(o["id"])
                changed = True
    return out


# ---------------------------------------------------------------- people
PERSON = {}     # key -> id
NAMES = set()


def person(key, full_name, org_key, title):
    assert full_name not in NAMES, full_name
    NAMES.add(full_name)
    i = add("people", full_name=full_name, org_id=ORG[org_key], title=title)
    PERSON[key] = i
    return i


_rng = random.Random(20200714)
KINH_SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô",
                 "Phan", "Đinh", "Lương", "Trịnh", "Hà", "Đào", "Lại", "Tô", "Cao", "Mai",
                 "Đoàn", "Lưu", "Phùng", "Nghiêm", "Vương", "Tạ", "Chu", "Lâm", "Quách", "Kiều"]
BL_SURNAMES = ["Hoàng", "Lục", "Lỷ", "Chìu", "Voòng", "Phùn", "Sằn", "Đặng", "Triệu", "Bàn",
               "Nình", "La", "Vi", "Lương", "Nông", "Tằng", "Dìu", "Lô", "Hà", "Nguyễn"]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thanh", "Mạnh", "Trọng", "Công",
            "Ngọc", "Tiến", "Duy", "Anh"]
MIDDLE_F = ["Thị", "Thị", "Thu", "Thanh", "Minh", "Hồng", "Ngọc", "Kim", "Phương"]
GIVEN_M = ["Hùng", "Dũng", "Tuấn", "Long", "Thành", "Hải", "Sơn", "Nam", "Quân", "Trung",
           "Hiếu", "Tùng", "Bình", "Khánh", "Thịnh", "Phong", "Toàn", "Đạt", "Huy", "Lâm",
           "Vinh", "Tâm", "Hòa", "Kiên", "Cương", "Tường", "Chiến", "Lợi", "Phúc", "Quyết",
           "Hưng", "Tài", "Sinh", "Luân", "Định", "Thuận", "Hậu", "Nghĩa", "Quý", "Khải"]
GIVEN_F = ["Hương", "Lan", "Hà", "Thủy", "Hằng", "Nga", "Mai", "Linh", "Hạnh", "Yến",
           "Dung", "Huyền", "Oanh", "Loan", "Nhung", "Vân", "Thảo", "Trang", "Liên", "Hoa"]


def gen_name(female=False, bl=False):
    for _ in range(1000):
        s = _rng.choice(BL_SURNAMES if bl else KINH_SURNAMES)
        m = _rng.choice(MIDDLE_F if female else MIDDLE_M)
        g = _rng.choice(GIVEN_F if female else GIVEN_M)
        n = f"{s} {m} {g}"
        if n not in NAMES and n not in REAL_PEOPLE and s + " " + m != g:
            return n
    raise RuntimeError("names exhausted")


_pcount = [0]


def newperson(org_key, title, female=None, bl=False, key=None):
    _pcount[0] += 1
    if female is None:
        female = _rng.random() < 0.33
    key = key or f"p{_pcount[0]}"
    return person(key, gen_name(female, bl), org_key, title)


# ---------------------------------------------------------------- terms, seats
TERM = {}


def term(key, org_key, sy, ey, ordinal, held_from, held_to, pilot=False, status="held"):
    i = add("terms", org_id=ORG[org_key], starts_year=sy, ends_year=ey,
            congress={"ordinal": ordinal, "held_from": held_from, "held_to": held_to,
                      "pilot": pilot, "status": status})
    TERM[key] = i
    return i


def seat(term_key, pid, body, role="member"):
    return add("seats", term_id=TERM[term_key], person_id=pid, body=body, role=role)


def assign(pid, term_key, fields, org_keys):
    return add("assignments", person_id=pid, term_id=TERM[term_key], fields=fields,
               org_ids=[ORG[k] for k in org_keys])


# ---------------------------------------------------------------- documents
# Numbers are given after all documents are known: per (issuing org, type, committee term),
# from 01 in the order of issue (HD 36-HD/VPTW, item 1.3); congress documents (issuer "ĐH")
# share one sequence per congress and take the number given here.
DOC = {}
_docmeta = {}   # id -> (issuer, seq_key, fixed number)


def doc(key, org_key, typ, title, issued_on, signer=None, number=None, issuer=None,
        seq=None):
    i = add("documents", org_id=ORG[org_key], type=typ, number=0, symbol="", title=title,
            issued_on=issued_on, signer=signer)
    DOC[key] = i
    iss = issuer or ORGOBJ[ORG[org_key]]["issuer_code"]
    _docmeta[i] = (iss, seq, number)
    return i


def term_of(org_key, date):
    """Committee term of an org for numbering: the province has XV and XVI; others 2020."""
    if org_key == "qn" or ORGOBJ[ORG[org_key]]["parent_id"] == ORG["qn"] and \
            ORGOBJ[ORG[org_key]]["kind"] == "body":
        return "XVI" if date >= "2025-09-28" else "XV"
    return "2020"


def number_documents():
    by_key = {}
    for d in D["documents"]:
        iss, seq, fixed = _docmeta[d["id"]]
        okey = next(k for k, v in ORG.items() if v == d["org_id"])
        key = (d["org_id"], d["type"], iss, seq or term_of(okey, d["issued_on"]))
        by_key.setdefault(key, []).append(d)
    for key, docs in by_key.items():
        docs.sort(key=lambda d: (d["issued_on"], d["id"]))
        used = {(_docmeta[d["id"]][2]) for d in docs if _docmeta[d["id"]][2]}
        n = 0
        for d in docs:
            fixed = _docmeta[d["id"]][2]
            if fixed:
                d["number"] = fixed
            else:
                n += 1
                while n in used:
                    n += 1
                d["number"] = n
            d["symbol"] = f"{d['number']:02d}-{d['type']}/{key[2]}"


# ---------------------------------------------------------------- resolutions, items
RES = {}
ITEM = {}       # (res_key, code) -> id
ITEMOBJ = {}


def resolution(key, term_key, title, issued_on, doc_key):
    i = add("resolutions", term_id=TERM[term_key], title=title, symbol="",
            issued_on=issued_on, document_id=DOC[doc_key])
    RES[key] = i
    return i


def item(res_key, code, kind, text, field=None, parent=None, **ind):
    pid = ITEM[(res_key, parent)] if parent else None
    kw = dict(resolution_id=RES[res_key], parent_id=pid, kind=kind, code=code, text=text,
              field=field)
    if kind == "indicator":
        kw.update(unit=ind.get("unit"), direction=ind.get("direction", "higher"),
                  baseline=ind.get("baseline"), baseline_year=ind.get("baseline_year"),
                  target=ind.get("target"), rollup=ind.get("rollup", "none"),
                  weight_item_id=ITEM[(res_key, ind["weight"])] if ind.get("weight") else None,
                  threshold=ind.get("threshold"),
                  reported_by_kinds=ind.get("reported_by"))
    i = add("items", **kw)
    D["items"][-1]["parent_id"] = pid
    ITEM[(res_key, code)] = i
    ITEMOBJ[i] = D["items"][-1]
    return i


def items_of(res_key):
    return [k[1] for k in ITEM if k[0] == res_key]


# ---------------------------------------------------------------- programs, tasks, updates
PROG = {}
PROGOBJ = {}
PROGRES = {}    # program id -> res_key
TASK = {}
TASKOBJ = {}
intended_overdue = set()


def program(key, org_key, kind, title, res_key=None, parent_task=None, doc_key=None,
            status="adopted", adopted_on=None, person_key=None):
    i = add("programs", org_id=ORG[org_key], kind=kind, title=title,
            resolution_id=RES[res_key] if res_key else None,
            parent_task_id=TASK[parent_task] if parent_task else None,
            symbol=None, status=status, adopted_on=adopted_on,
            person_id=PERSON[person_key] if person_key else None,
            document_id=DOC[doc_key] if doc_key else None)
    PROG[key] = i
    PROGOBJ[i] = D["programs"][-1]
    PROGRES[i] = res_key
    return i


def period_end(p, term_end_year):
    if p == "term":
        return dt.date(term_end_year, 12, 31)
    y = int(p[:4])
    if len(p) == 4:
        return dt.date(y, 12, 31)
    s = p[5:]
    if s.startswith("Q"):
        m = int(s[1]) * 3
    elif s.startswith("H"):
        m = int(s[1]) * 6
    else:
        m = int(s)
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def period_start(p, term_start_year):
    if p == "term":
        return dt.date(term_start_year, 1, 1)
    y = int(p[:4])
    if len(p) == 4:
        return dt.date(y, 1, 1)
    s = p[5:]
    if s.startswith("Q"):
        return dt.date(y, (int(s[1]) - 1) * 3 + 1, 1)
    if s.startswith("H"):
        return dt.date(y, 1 if s[1] == "1" else 7, 1)
    return dt.date(y, int(s), 1)


# Last day on which a level could still report on its 2020–2025 tasks: district committees
# ended on 30/6/2025; the province's khóa XV ended with the XVI congress.
CAP = {"2020d": dt.date(2025, 6, 20), "2020p": dt.date(2025, 9, 20),
       "2025p": dt.date(2026, 11, 30)}

DONE_NOTES = {
    "Đề án": "Hoàn thành. Ban Thường vụ đã thông qua Đề án, giao các cơ quan tổ chức thực hiện.",
    "Kế hoạch": "Hoàn thành. Đã ban hành kế hoạch và triển khai đến các chi, đảng bộ trực thuộc.",
    "Báo cáo": "Hoàn thành. Đã trình Ban Thường vụ báo cáo kết quả thực hiện.",
    "Nghị quyết chuyên đề": "Hoàn thành. Ban Chấp hành đã ban hành nghị quyết chuyên đề.",
    "Quy chế": "Hoàn thành. Ban Chấp hành đã thông qua và ban hành quy chế.",
    "Chương trình": "Hoàn thành. Đã ban hành chương trình.",
    "Quyết định": "Hoàn thành. Đã ban hành quyết định.",
    "Hướng dẫn": "Hoàn thành. Đã ban hành hướng dẫn, gửi các chi, đảng bộ trực thuộc.",
}
START_NOTES = [
    "Đã thành lập tổ biên tập, xây dựng đề cương chi tiết.",
    "Đang khảo sát, thu thập số liệu, đánh giá thực trạng.",
    "Đã ban hành văn bản chỉ đạo; các đơn vị đang triển khai.",
    "Đã xây dựng dự thảo, đang lấy ý kiến các ban, đơn vị liên quan.",
]
MID_NOTES = [
    "Đã tiếp thu ý kiến góp ý, hoàn thiện dự thảo trình Ban Thường vụ.",
    "Cơ bản hoàn thành các nội dung; đang tổng hợp, đánh giá kết quả.",
    "Triển khai đúng tiến độ; đã hoàn thành phần lớn khối lượng công việc.",
]


def task(key, prog_key, code, title, lead, coord=(), monitor=None, field=None, person=None,
         due=None, period=None, output=None, covers=(), status="done", progress=None,
         parent=None, updates=None, note=None, level="2020d", overdue=False):
    pid = PROG[prog_key]
    res_key = PROGRES[pid]
    if progress is None:
        progress = {"done": 100, "not_started": 0, "in_progress": 50, "cancelled": 0}[status]
    cov = [ITEM[(res_key, c)] for c in covers]
    i = add("tasks", program_id=pid, parent_id=TASK[parent] if parent else None, code=code,
            title=title, lead_org_id=ORG[lead], coordinating_org_ids=[ORG[k] for k in coord],
            monitor_org_id=ORG[monitor] if monitor else None, field=field,
            person_id=PERSON[person] if person else None, due_on=due, period=period,
            output=output, covers=cov, status=status, progress=progress)
    D["tasks"][-1]["parent_id"] = TASK[parent] if parent else None
    TASK[key] = i
    TASKOBJ[i] = D["tasks"][-1]
    if overdue:
        intended_overdue.add(i)
    # updates: the last one carries the task's state
    if updates is None:
        updates = auto_updates(pid, title, due, period, output, status, progress, note, level)
    for (date, prog, st, nt) in updates:
        add("task_updates", task_id=i, progress=prog, status=st, note=nt, reported_on=date)
    return i


def auto_updates(pid, title, due, period, output, status, progress, note, level):
    if status == "not_started":
        return []
    start = day(PROGOBJ[pid]["adopted_on"] or "2020-07-01")
    term_sy, term_ey = (2025, 2030) if level == "2025p" else (2020, 2025)
    end = day(due) if due else period_end(period or "term", term_ey)
    cap = CAP[level]
    h = sum(ord(c) for c in title)
    if status == "done":
        fin = min(end - dt.timedelta(days=3 + h % 12), cap)
        if fin <= start:
            fin = start + dt.timedelta(days=10 + h % 10)
        ups = []
        span = (fin - start).days
        if period == "term" or span > 700:
            years = list(range(start.year + (start.month > 6), fin.year))
            for n, y in enumerate(years):
                p = int(100 * (n + 1) / (len(years) + 1) // 5 * 5)
                ups.append((iso(dt.date(y, 12, 15)), p, "in_progress",
                            f"Sơ kết năm {y}: triển khai theo kế hoạch, ước đạt {p}% khối lượng "
                            f"nhiệm vụ cả nhiệm kỳ."))
        elif span > 40:
            mid = start + dt.timedelta(days=span // 2)
            ups.append((iso(mid), 40 + h % 4 * 10, "in_progress", START_NOTES[h % 4]))
        ups.append((iso(fin), 100, "done", note or DONE_NOTES.get(output, "Hoàn thành.")))
        return ups
    if status == "cancelled":
        when = min(cap, max(start + dt.timedelta(days=60), end - dt.timedelta(days=30)))
        ups = []
        if progress:
            ups.append((iso(start + dt.timedelta(days=(when - start).days // 2)), progress,
                        "in_progress", START_NOTES[h % 4]))
        ups.append((iso(when), progress, "cancelled", note or "Dừng thực hiện."))
        return ups
    # in_progress
    last = min(cap, TODAY - dt.timedelta(days=5 + h % 20))
    if end < last:
        last = min(cap, end + dt.timedelta(days=20 + h % 30))
    ups = []
    first = start + dt.timedelta(days=max(15, (last - start).days // 3))
    if progress > 20 and first < last:
        ups.append((iso(first), max(10, progress // 2 // 5 * 5), "in_progress",
                    START_NOTES[h % 4]))
    ups.append((iso(last), progress, "in_progress", note or MID_NOTES[h % 3]))
    return ups


# ---------------------------------------------------------------- the rest
def ival(item_key, org_key, period, value, status="approved", note=None):
    return add("indicator_values", item_id=ITEM[item_key], org_id=ORG[org_key], period=period,
               value=value, status=status, note=note)


def meeting(org_key, body, prog_key, ordinal, planned, held_on, topic, agenda):
    ag = []
    for a in agenda:
        t, tk, dk = (a + (None, None))[:3]
        ag.append({k: v for k, v in {"title": t, "task_id": TASK[tk] if tk else None,
                                     "document_id": DOC[dk] if dk else None}.items()
                   if v is not None})
    return add("meetings", org_id=ORG[org_key], body=body,
               program_id=PROG[prog_key] if prog_key else None, ordinal=ordinal,
               planned_period=planned, held_on=held_on, topic=topic, agenda=ag)


def inspection(org_key, targets, topic, kind, mode, planned, prog_key, held_from, held_to,
               status, findings=None, concl=None, follow=()):
    return add("inspections", org_id=ORG[org_key], target_org_ids=[ORG[k] for k in targets],
               topic=topic, kind=kind, mode=mode, planned_period=planned,
               program_id=PROG[prog_key] if prog_key else None, held_from=held_from,
               held_to=held_to, status=status, findings=findings,
               conclusion_document_id=DOC[concl] if concl else None,
               follow_up_task_ids=[TASK[k] for k in follow])


def dissem(org_key, res_key, held_on, title, audience, expected, attended):
    assert attended <= expected
    return add("disseminations", org_id=ORG[org_key], resolution_id=RES[res_key],
               held_on=held_on, title=title, audience_org_ids=[ORG[k] for k in audience],
               expected=expected, attended=attended)


# ================================================================== CONTENT
XD = "xây dựng Đảng và hệ thống chính trị"
KT = "kinh tế"
VH = "văn hóa - xã hội"
QP = "quốc phòng - an ninh"
MT = "môi trường"

# ---------------------------------------------------------------- org tree
org("qn", None, "Đảng bộ tỉnh Quảng Ninh", "Tỉnh ủy Quảng Ninh", "QN", "province", "TU",
    "Hạ Long")
for k, n, c, iss in [("vptu", "Văn phòng Tỉnh ủy", "VP", "VPTU"),
                     ("btctu", "Ban Tổ chức Tỉnh ủy", "BTC", "BTCTU"),
                     ("btgtu", "Ban Tuyên giáo Tỉnh ủy", "BTG", "BTGTU"),
                     ("bdvtu", "Ban Dân vận Tỉnh ủy", "BDV", "BDVTU"),
                     ("bnctu", "Ban Nội chính Tỉnh ủy", "BNC", "BNCTU"),
                     ("ubkttu", "Ủy ban Kiểm tra Tỉnh ủy", "UBKT", "UBKTTU")]:
    org(k, "qn", n, n, "QN." + c, "body", iss, "Hạ Long")

# (key, name, short name, code, issuer, place, congress ordinal, held_from, held_to, pilot)
DISTRICTS = [
    ("hl", "Đảng bộ thành phố Hạ Long", "Thành ủy Hạ Long", "HL", "TU", "Hạ Long", 26,
     "2020-07-23", "2020-07-24", False),
    ("mc", "Đảng bộ thành phố Móng Cái", "Thành ủy Móng Cái", "MC", "TU", "Móng Cái", 24,
     "2020-05-19", "2020-05-20", True),
    ("cp", "Đảng bộ thành phố Cẩm Phả", "Thành ủy Cẩm Phả", "CP", "TU", "Cẩm Phả", 23,
     "2020-07-13", "2020-07-14", False),
    ("ub", "Đảng bộ thành phố Uông Bí", "Thành ủy Uông Bí", "UB", "TU", "Uông Bí", 24,
     "2020-07-02", "2020-07-03", False),
    ("dt", "Đảng bộ thị xã Đông Triều", "Thị ủy Đông Triều", "DT", "TU", "Đông Triều", 23,
     "2020-07-09", "2020-07-10", False),
    ("qy", "Đảng bộ thị xã Quảng Yên", "Thị ủy Quảng Yên", "QY", "TU", "Quảng Yên", 23,
     "2020-07-07", "2020-07-08", False),
    ("bl", "Đảng bộ huyện Bình Liêu", "Huyện ủy Bình Liêu", "BL", "HU", "Bình Liêu", 28,
     "2020-06-09", "2020-06-10", False),
    ("ty", "Đảng bộ huyện Tiên Yên", "Huyện ủy Tiên Yên", "TY", "HU", "Tiên Yên", 26,
     "2020-06-16", "2020-06-17", False),
    ("dh", "Đảng bộ huyện Đầm Hà", "Huyện ủy Đầm Hà", "DH", "HU", "Đầm Hà", 24,
     "2020-06-02", "2020-06-03", True),
    ("hh", "Đảng bộ huyện Hải Hà", "Huyện ủy Hải Hà", "HH", "HU", "Hải Hà", 25,
     "2020-06-23", "2020-06-24", False),
    ("bc", "Đảng bộ huyện Ba Chẽ", "Huyện ủy Ba Chẽ", "BC", "HU", "Ba Chẽ", 23,
     "2020-06-25", "2020-06-26", False),
    ("vd", "Đảng bộ huyện Vân Đồn", "Huyện ủy Vân Đồn", "VD", "HU", "Vân Đồn", 26,
     "2020-06-30", "2020-07-01", False),
    ("cto", "Đảng bộ huyện Cô Tô", "Huyện ủy Cô Tô", "CT", "HU", "Cô Tô", 23,
     "2020-06-18", "2020-06-19", False),
    ("tqn", "Đảng bộ Than Quảng Ninh", "Đảng ủy Than Quảng Ninh", "TQN", "ĐU", "Hạ Long", 5,
     "2020-05-27", "2020-05-28", True),
    ("kcq", "Đảng bộ Khối các cơ quan tỉnh", "Đảng ủy Khối các cơ quan tỉnh", "KCQ", "ĐUK",
     "Hạ Long", 9, "2020-07-15", "2020-07-16", False),
    ("kdn", "Đảng bộ Khối Doanh nghiệp tỉnh", "Đảng ủy Khối Doanh nghiệp tỉnh", "KDN", "ĐUK",
     "Hạ Long", 6, "2020-07-16", "2020-07-17", False),
    ("qs", "Đảng bộ Quân sự tỉnh", "Đảng ủy Quân sự tỉnh", "QS", "ĐU", "Hạ Long", 25,
     "2020-07-17", "2020-07-18", False),
    ("ca", "Đảng bộ Công an tỉnh", "Đảng ủy Công an tỉnh", "CA", "ĐU", "Hạ Long", 27,
     "2020-07-20", "2020-07-21", False),
    ("bp", "Đảng bộ Bộ đội Biên phòng tỉnh", "Đảng ủy Bộ đội Biên phòng tỉnh", "BP", "ĐU",
     "Hạ Long", 11, "2020-07-21", "2020-07-22", False),
    ("hq", "Đảng bộ Cục Hải quan tỉnh", "Đảng ủy Cục Hải quan tỉnh", "HQ", "ĐU", "Hạ Long", 5,
     "2020-07-22", "2020-07-23", False),
]
for (k, n, s, c, iss, place, *_r) in DISTRICTS:
    org(k, "qn", n, s, "QN." + c, "district", iss, place)

# Móng Cái: advisory bodies, grassroots organisations, a few cells
for k, n, c, iss in [("mc_vp", "Văn phòng Thành ủy Móng Cái", "VP", "VPTU"),
                     ("mc_btc", "Ban Tổ chức Thành ủy Móng Cái", "BTC", "BTCTU"),
                     ("mc_btg", "Ban Tuyên giáo Thành ủy Móng Cái", "BTG", "BTGTU"),
                     ("mc_bdv", "Ban Dân vận Thành ủy Móng Cái", "BDV", "BDVTU"),
                     ("mc_ubkt", "Ủy ban Kiểm tra Thành ủy Móng Cái", "UBKT", "UBKTTU")]:
    org(k, "mc", n, n, "QN.MC." + c, "body", iss, "Móng Cái")
MC_GR = [("kl", "phường Ka Long", "KL"), ("tp", "phường Trần Phú", "TP"),
         ("hlac", "phường Hòa Lạc", "HLAC"), ("nd", "phường Ninh Dương", "ND"),
         ("hhoa", "phường Hải Hòa", "HHOA"), ("bn", "phường Bình Ngọc", "BN"),
         ("hx", "xã Hải Xuân", "HX"), ("vn", "xã Vạn Ninh", "VN"), ("hd", "xã Hải Đông", "HD")]
for k, n, c in MC_GR:
    place = n.split(" ", 1)[1]
    org(k, "mc", "Đảng bộ " + n, "Đảng ủy " + n, "QN.MC." + c, "grassroots", "ĐU", place)
org("qsmc", "mc", "Đảng bộ Quân sự thành phố Móng Cái", "Đảng ủy Quân sự thành phố Móng Cái",
    "QN.MC.QS", "grassroots", "ĐU", "Móng Cái")
MC_GRK = [k for k, _, _ in MC_GR] + ["qsmc"]
MC_WARDS = ["kl", "tp", "hlac", "nd", "hhoa", "bn"]
MC_XA = ["hx", "vn", "hd"]
for n in [1, 3, 5, 7]:
    org(f"kl_k{n}", "kl", f"Chi bộ khu {n}", f"Chi bộ khu {n}", f"QN.MC.KL.K{n}", "cell", "CB",
        "Ka Long")
for n in [1, 3, 5]:
    org(f"hx_t{n}", "hx", f"Chi bộ thôn {n}", f"Chi bộ thôn {n}", f"QN.MC.HX.T{n}", "cell",
        "CB", "Hải Xuân")

# Bình Liêu
for k, n, c, iss in [("bl_vp", "Văn phòng Huyện ủy Bình Liêu", "VP", "VPHU"),
                     ("bl_btc", "Ban Tổ chức Huyện ủy Bình Liêu", "BTC", "BTCHU"),
                     ("bl_btg", "Ban Tuyên giáo Huyện ủy Bình Liêu", "BTG", "BTGHU"),
                     ("bl_bdv", "Ban Dân vận Huyện ủy Bình Liêu", "BDV", "BDVHU"),
                     ("bl_ubkt", "Ủy ban Kiểm tra Huyện ủy Bình Liêu", "UBKT", "UBKTHU")]:
    org(k, "bl", n, n, "QN.BL." + c, "body", iss, "Bình Liêu")
BL_GR = [("ttbl", "thị trấn Bình Liêu", "TT"), ("hdong", "xã Húc Động", "HDONG"),
         ("hm", "xã Hoành Mô", "HM"), ("dv", "xã Đồng Văn", "DV"), ("lh", "xã Lục Hồn", "LH"),
         ("th", "xã Tình Húc", "TH"), ("vng", "xã Vô Ngại", "VNG"), ("dtam", "xã Đồng Tâm", "DTAM")]
for k, n, c in BL_GR:
    place = n.split(" ", 1)[1] if n.startswith("xã") else "Bình Liêu"
    org(k, "bl", "Đảng bộ " + n, "Đảng ủy " + n, "QN.BL." + c, "grassroots", "ĐU", place)
org("cabl", "bl", "Đảng bộ Công an huyện Bình Liêu", "Đảng ủy Công an huyện Bình Liêu", "QN.BL.CA",
    "grassroots", "ĐU", "Bình Liêu")
BL_GRK = [k for k, _, _ in BL_GR] + ["cabl"]
BL_XA = ["hdong", "hm", "dv", "lh", "th", "vng", "dtam"]
for k, n in [("hdong_kv", "Khe Vằn"), ("hdong_sm", "Sông Moóc"), ("hdong_cs", "Cao Sơn")]:
    org(k, "hdong", f"Chi bộ thôn {n}", f"Chi bộ thôn {n}",
        "QN.BL.HDONG." + k.split("_")[1].upper(), "cell", "CB", "Húc Động")

# the other district-level units: their office and inspection committee
for (k, n, s, c, iss, place, *_r) in DISTRICTS:
    if k in ("mc", "bl"):
        continue
    committee = s  # "Thành ủy Hạ Long", "Đảng ủy Than Quảng Ninh"…
    suffix = iss if iss in ("TU", "HU") else "ĐU"
    if iss in ("TU", "HU"):
        org(k + "_vp", k, "Văn phòng " + committee, "Văn phòng " + committee, f"QN.{c}.VP",
            "body", "VP" + suffix, place)
        org(k + "_ubkt", k, "Ủy ban Kiểm tra " + committee, "Ủy ban Kiểm tra " + committee,
            f"QN.{c}.UBKT", "body", "UBKT" + suffix, place)
    elif k in ("tqn", "kcq"):
        org(k + "_vp", k, "Văn phòng " + committee, "Văn phòng " + committee, f"QN.{c}.VP",
            "body", "VPĐU", place)

DISTRICT_KEYS = [d[0] for d in DISTRICTS]
TERRITORIAL = DISTRICT_KEYS[:13]

# ---------------------------------------------------------------- terms
term("qn15", "qn", 2020, 2025, 15, "2020-09-25", "2020-09-27")
term("qn16", "qn", 2025, 2030, 16, "2025-09-25", "2025-09-27")
CONGRESS = {}
for (k, n, s, c, iss, place, ordn, f, t, pilot) in DISTRICTS:
    term(k + "20", k, 2020, 2025, ordn, f, t, pilot)
    CONGRESS[k] = (f, t)

# ---------------------------------------------------------------- people and seats
# Province, khóa XV. Real people only as the notes give them; all others invented.
person("ky", "Nguyễn Xuân Ký", "qn", "Nguyên Bí thư Tỉnh ủy Quảng Ninh khóa XV")
person("thanh", "Trịnh Thị Minh Thanh", "qn",
       "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh")
person("thang", "Vũ Đại Thắng", "qn", "Bí thư Tỉnh ủy Quảng Ninh")
person("khang", "Bùi Văn Khắng", "qn", "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh")
person("hoi", "Nguyễn Văn Hồi", "ubkttu", "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy khóa XVI")

seat("qn15", PERSON["ky"], "bch", "secretary")
seat("qn15", PERSON["ky"], "btv", "secretary")
seat("qn15", PERSON["thanh"], "bch", "standing_deputy")
seat("qn15", PERSON["thanh"], "btv", "standing_deputy")
seat("qn15", PERSON["thang"], "bch", "secretary")
seat("qn15", PERSON["thang"], "btv", "secretary")

QN15_BTV = [  # key, home org, title, female
    ("qn_pbt", "qn", "Phó Bí thư Tỉnh ủy khóa XV", False),
    ("qn_ubkt", "ubkttu", "Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy khóa XV",
     False),
    ("qn_btc", "btctu", "Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy", False),
    ("qn_btg", "btgtu", "Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy", True),
    ("qn_bdv", "bdvtu", "Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy", False),
    ("qn_bnc", "bnctu", "Ủy viên Ban Thường vụ, Trưởng Ban Nội chính Tỉnh ủy", False),
    ("qn_pct", "qn", "Ủy viên Ban Thường vụ, Phó Chủ tịch Thường trực UBND tỉnh", False),
    ("qn_pct2", "qn", "Ủy viên Ban Thường vụ, Phó Chủ tịch UBND tỉnh", True),
    ("qn_mttq", "qn", "Ủy viên Ban Thường vụ, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh", False),
    ("qn_qs", "qs", "Ủy viên Ban Thường vụ, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", False),
    ("qn_ca", "ca", "Ủy viên Ban Thường vụ, Giám đốc Công an tỉnh", False),
    ("qn_bthl", "hl", "Ủy viên Ban Thường vụ, Bí thư Thành ủy Hạ Long", False),
]
for k, o, t, f in QN15_BTV:
    newperson(o, t, f, key=k)
    seat("qn15", PERSON[k], "bch", "deputy_secretary" if k == "qn_pbt" else "member")
    seat("qn15", PERSON[k], "btv", "deputy_secretary" if k == "qn_pbt" else "member")
for k, o, t, f in [("qn_cvp", "vptu", "Tỉnh ủy viên, Chánh Văn phòng Tỉnh ủy", False),
                   ("qn_btqn", "tqn", "Tỉnh ủy viên, Bí thư Đảng ủy Than Quảng Ninh", False),
                   ("qn_btcp", "cp", "Tỉnh ủy viên, Bí thư Thành ủy Cẩm Phả", False),
                   ("qn_btub", "ub", "Tỉnh ủy viên, Bí thư Thành ủy Uông Bí", True),
                   ("qn_btty", "ty", "Tỉnh ủy viên, Bí thư Huyện ủy Tiên Yên", False),
                   ("qn_btvd", "vd", "Tỉnh ủy viên, Bí thư Huyện ủy Vân Đồn", False),
                   ("qn_pbtc", "btctu", "Tỉnh ủy viên, Phó Trưởng Ban Tổ chức Tỉnh ủy", True),
                   ("qn_tdoan", "qn", "Tỉnh ủy viên, Bí thư Tỉnh đoàn", False),
                   ("qn_hlhpn", "qn", "Tỉnh ủy viên, Chủ tịch Hội Liên hiệp Phụ nữ tỉnh", True),
                   ("qn_pcnub", "ubkttu", "Tỉnh ủy viên, Phó Chủ nhiệm Thường trực Ủy ban "
                    "Kiểm tra Tỉnh ủy", False)]:
    newperson(o, t, f, key=k)
    seat("qn15", PERSON[k], "bch")
seat("qn15", PERSON["qn_ubkt"], "ubkt")
seat("qn15", PERSON["qn_pcnub"], "ubkt")
for t in ["Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy", "Ủy viên Ủy ban Kiểm tra Tỉnh ủy",
          "Ủy viên Ủy ban Kiểm tra Tỉnh ủy"]:
    seat("qn15", newperson("ubkttu", t), "ubkt")

# Province, khóa XVI (notes: BCH 55, BTV 15, UBKT 11; only part of them listed here)
seat("qn16", PERSON["thang"], "bch", "secretary")
seat("qn16", PERSON["thang"], "btv", "secretary")
seat("qn16", PERSON["thanh"], "bch", "standing_deputy")
seat("qn16", PERSON["thanh"], "btv", "standing_deputy")
seat("qn16", PERSON["khang"], "bch", "deputy_secretary")
seat("qn16", PERSON["khang"], "btv", "deputy_secretary")
seat("qn16", PERSON["hoi"], "bch")
seat("qn16", PERSON["hoi"], "ubkt")
QN16_BTV = ["qn_btc", "qn_bnc", "qn_pct", "qn_qs", "qn_ca", "qn_btqn", "qn_cvp"]
for k in QN16_BTV:
    seat("qn16", PERSON[k], "bch")
    seat("qn16", PERSON[k], "btv")
for k, o, t, f in [("qn16_tgdv", "btgtu", "Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo và Dân "
                    "vận Tỉnh ủy", True),
                   ("qn16_pct", "qn", "Ủy viên Ban Thường vụ, Phó Chủ tịch UBND tỉnh", False),
                   ("qn16_mttq", "qn", "Ủy viên Ban Thường vụ, Chủ tịch Ủy ban MTTQ Việt Nam "
                    "tỉnh", True)]:
    newperson(o, t, f, key=k)
    seat("qn16", PERSON[k], "bch")
    seat("qn16", PERSON[k], "btv")
for k in ["qn_pbtc", "qn_tdoan", "qn_pcnub"]:
    seat("qn16", PERSON[k], "bch")
seat("qn16", PERSON["qn_pcnub"], "ubkt")
for t in ["Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy", "Ủy viên Ủy ban Kiểm tra Tỉnh ủy"]:
    seat("qn16", newperson("ubkttu", t), "ubkt")

# Móng Cái, khóa XXIV: BCH 41, BTV 12, UBKT 9 (notes §4.3)
person("anh", "Lê Văn Ánh", "mc", "Bí thư Thành ủy Móng Cái khóa XXIV")
seat("mc20", PERSON["anh"], "bch", "secretary")
seat("mc20", PERSON["anh"], "btv", "secretary")
MC_BTV = [
    ("mc_pbttt", "mc", "Phó Bí thư Thường trực Thành ủy, Chủ tịch HĐND thành phố", True,
     "standing_deputy"),
    ("mc_pbt", "mc", "Phó Bí thư Thành ủy, Chủ tịch UBND thành phố", False, "deputy_secretary"),
    ("mc_cnubkt", "mc_ubkt", "Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra Thành ủy",
     False, "member"),
    ("mc_tbtc", "mc_btc", "Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Thành ủy", False, "member"),
    ("mc_tbtg", "mc_btg", "Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Thành ủy", True,
     "member"),
    ("mc_tbdv", "mc_bdv", "Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Thành ủy", True, "member"),
    ("mc_mttq", "mc", "Ủy viên Ban Thường vụ, Chủ tịch Ủy ban MTTQ Việt Nam thành phố", False,
     "member"),
    ("mc_pcttt", "mc", "Ủy viên Ban Thường vụ, Phó Chủ tịch Thường trực UBND thành phố",
     False, "member"),
    ("mc_pct", "mc", "Ủy viên Ban Thường vụ, Phó Chủ tịch UBND thành phố", False, "member"),
    ("mc_chqs", "qsmc", "Ủy viên Ban Thường vụ, Chỉ huy trưởng Ban Chỉ huy Quân sự thành phố",
     False, "member"),
    ("mc_tca", "mc", "Ủy viên Ban Thường vụ, Trưởng Công an thành phố", False, "member"),
]
for k, o, t, f, role in MC_BTV:
    newperson(o, t, f, key=k)
    seat("mc20", PERSON[k], "bch", role)
    seat("mc20", PERSON[k], "btv", role)
MC_BCH = [("mc_cvp", "mc_vp", "Thành ủy viên, Chánh Văn phòng Thành ủy"),
          ("mc_pcnubkt", "mc_ubkt", "Thành ủy viên, Phó Chủ nhiệm Thường trực Ủy ban Kiểm tra "
           "Thành ủy"),
          ("mc_pbtc", "mc_btc", "Thành ủy viên, Phó Trưởng Ban Tổ chức Thành ủy"),
          ("mc_pbtg", "mc_btg", "Thành ủy viên, Phó Trưởng Ban Tuyên giáo Thành ủy")]
for k, n, _c in MC_GR:
    MC_BCH.append(("mc_bt_" + k, k, f"Thành ủy viên, Bí thư Đảng ủy {n}"))
for t in ["Chủ tịch Liên đoàn Lao động thành phố", "Bí thư Thành đoàn",
          "Chủ tịch Hội Liên hiệp Phụ nữ thành phố", "Chủ tịch Hội Nông dân thành phố",
          "Chủ tịch Hội Cựu chiến binh thành phố", "Phó Chủ tịch HĐND thành phố",
          "Trưởng phòng Tài chính - Kế hoạch thành phố", "Trưởng phòng Kinh tế thành phố",
          "Trưởng phòng Quản lý đô thị thành phố", "Trưởng phòng Văn hóa và Thông tin thành phố",
          "Trưởng phòng Giáo dục và Đào tạo thành phố",
          "Trưởng phòng Tài nguyên và Môi trường thành phố",
          "Giám đốc Ban Quản lý dự án đầu tư xây dựng thành phố",
          "Giám đốc Trung tâm Y tế thành phố", "Giám đốc Trung tâm Chính trị thành phố",
          "Chánh Thanh tra thành phố"]:
    MC_BCH.append((None, "mc", "Thành ủy viên, " + t))
for k, o, t in MC_BCH:
    female = t.endswith("Phụ nữ thành phố") or None
    pid = newperson(o, t, female, key=k)
    seat("mc20", pid, "bch")
    if t.endswith("Chánh Thanh tra thành phố"):
        seat("mc20", pid, "ubkt")
        MC_CTT = pid
seat("mc20", PERSON["mc_cnubkt"], "ubkt")
seat("mc20", PERSON["mc_pcnubkt"], "ubkt")
seat("mc20", PERSON["mc_pbtc"], "ubkt")
for t in ["Phó Chủ nhiệm Ủy ban Kiểm tra Thành ủy", "Ủy viên Ủy ban Kiểm tra Thành ủy",
          "Ủy viên Ủy ban Kiểm tra Thành ủy", "Ủy viên Ủy ban Kiểm tra Thành ủy",
          "Ủy viên Ủy ban Kiểm tra Thành ủy"]:
    seat("mc20", newperson("mc_ubkt", t), "ubkt")

# Bình Liêu, khóa XXVIII: BCH 37 (notes §4.4); BTV 11 and UBKT 7 are plausible
person("cuong", "Dương Mạnh Cường", "bl", "Bí thư Huyện ủy Bình Liêu khóa XXVIII")
seat("bl20", PERSON["cuong"], "bch", "secretary")
seat("bl20", PERSON["cuong"], "btv", "secretary")
BL_BTV = [
    ("bl_pbttt", "bl", "Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện", False,
     "standing_deputy"),
    ("bl_pbt", "bl", "Phó Bí thư Huyện ủy, Chủ tịch UBND huyện", False, "deputy_secretary"),
    ("bl_cnubkt", "bl_ubkt", "Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra Huyện ủy", False,
     "member"),
    ("bl_tbtc", "bl_btc", "Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Huyện ủy", True, "member"),
    ("bl_tbtg", "bl_btg", "Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Huyện ủy", False,
     "member"),
    ("bl_tbdv", "bl_bdv", "Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Huyện ủy, Chủ tịch Ủy ban "
     "MTTQ Việt Nam huyện", True, "member"),
    ("bl_pcttt", "bl", "Ủy viên Ban Thường vụ, Phó Chủ tịch Thường trực UBND huyện", False,
     "member"),
    ("bl_pct", "bl", "Ủy viên Ban Thường vụ, Phó Chủ tịch UBND huyện", True, "member"),
    ("bl_chqs", "bl", "Ủy viên Ban Thường vụ, Chỉ huy trưởng Ban Chỉ huy Quân sự huyện", False,
     "member"),
    ("bl_tca", "cabl", "Ủy viên Ban Thường vụ, Trưởng Công an huyện", False, "member"),
]
for k, o, t, f, role in BL_BTV:
    newperson(o, t, f, bl=True, key=k)
    seat("bl20", PERSON[k], "bch", role)
    seat("bl20", PERSON[k], "btv", role)
BL_BCH = [("bl_cvp", "bl_vp", "Huyện ủy viên, Chánh Văn phòng Huyện ủy"),
          ("bl_pcnubkt", "bl_ubkt", "Huyện ủy viên, Phó Chủ nhiệm Ủy ban Kiểm tra Huyện ủy"),
          ("bl_pbtc", "bl_btc", "Huyện ủy viên, Phó Trưởng Ban Tổ chức Huyện ủy")]
for k, n, _c in BL_GR:
    BL_BCH.append(("bl_bt_" + k, k, f"Huyện ủy viên, Bí thư Đảng ủy {n}"))
for t in ["Chủ tịch Liên đoàn Lao động huyện", "Bí thư Huyện đoàn",
          "Chủ tịch Hội Liên hiệp Phụ nữ huyện", "Chủ tịch Hội Nông dân huyện",
          "Chủ tịch Hội Cựu chiến binh huyện", "Phó Chủ tịch HĐND huyện",
          "Trưởng phòng Tài chính - Kế hoạch huyện",
          "Trưởng phòng Nông nghiệp và Phát triển nông thôn huyện",
          "Trưởng phòng Kinh tế và Hạ tầng huyện", "Trưởng phòng Dân tộc huyện",
          "Trưởng phòng Văn hóa và Thông tin huyện", "Trưởng phòng Giáo dục và Đào tạo huyện",
          "Trưởng phòng Tài nguyên và Môi trường huyện", "Giám đốc Trung tâm Y tế huyện",
          "Giám đốc Trung tâm Chính trị huyện"]:
    BL_BCH.append((None, "bl", "Huyện ủy viên, " + t))
for k, o, t in BL_BCH:
    female = t.endswith("Phụ nữ huyện") or None
    seat("bl20", newperson(o, t, female, bl=True, key=k), "bch")
seat("bl20", PERSON["bl_cnubkt"], "ubkt")
seat("bl20", PERSON["bl_pcnubkt"], "ubkt")
for t in ["Phó Chủ nhiệm Ủy ban Kiểm tra Huyện ủy", "Ủy viên Ủy ban Kiểm tra Huyện ủy",
          "Ủy viên Ủy ban Kiểm tra Huyện ủy", "Ủy viên Ủy ban Kiểm tra Huyện ủy (kiêm nhiệm)",
          "Ủy viên Ủy ban Kiểm tra Huyện ủy (kiêm nhiệm)"]:
    seat("bl20", newperson("bl_ubkt", t, bl=True), "ubkt")

# a few officials and members with personal plans
newperson("kl_k1", "Bí thư Chi bộ khu 1, Trưởng khu", False, key="kl_k1_bt")
newperson("kl_k1", "Đảng viên Chi bộ khu 1", True, key="kl_k1_dv")
newperson("hdong_kv", "Bí thư Chi bộ, Trưởng thôn Khe Vằn", False, bl=True, key="hdong_kv_bt")

# ---------------------------------------------------------------- assignments (phân công)
assign(PERSON["ky"], "qn15", ["phụ trách chung"], [])
assign(PERSON["thang"], "qn15", ["phụ trách chung"], [])
assign(PERSON["thanh"], "qn15", ["Thường trực Tỉnh ủy", XD, "công tác HĐND"], ["kcq"])
assign(PERSON["qn_pbt"], "qn15", [XD, "tổ chức, cán bộ"], ["hl", "cp"])
assign(PERSON["qn_pct"], "qn15", [KT, "quy hoạch, đầu tư"], ["mc", "hh"])
assign(PERSON["qn_pct2"], "qn15", [VH, MT], ["ty", "bl"])
assign(PERSON["qn_ubkt"], "qn15", ["kiểm tra, giám sát, kỷ luật đảng"], ["dh", "bc"])
assign(PERSON["qn_btc"], "qn15", ["tổ chức, cán bộ", "bảo vệ chính trị nội bộ"], ["ub", "kdn"])
assign(PERSON["qn_btg"], "qn15", ["tuyên giáo", VH], ["dt"])
assign(PERSON["qn_bdv"], "qn15", ["dân vận", "tôn giáo, dân tộc"], ["qy", "cto"])
assign(PERSON["qn_bnc"], "qn15", ["nội chính", "phòng, chống tham nhũng, tiêu cực"], ["hq"])
assign(PERSON["qn_mttq"], "qn15", ["Mặt trận, đoàn thể"], ["vd"])
assign(PERSON["qn_qs"], "qn15", [QP, "quân sự địa phương"], ["qs", "bp"])
assign(PERSON["qn_ca"], "qn15", [QP, "an ninh, trật tự"], ["ca"])
assign(PERSON["qn_bthl"], "qn15", [KT, "đô thị"], ["tqn"])
assign(PERSON["thang"], "qn16", ["phụ trách chung"], [])
assign(PERSON["thanh"], "qn16", ["Thường trực Tỉnh ủy", XD, "công tác HĐND"], [])
assign(PERSON["khang"], "qn16", [KT, VH, MT, "chính quyền"], [])
assign(PERSON["qn_btc"], "qn16", ["tổ chức, cán bộ", "bảo vệ chính trị nội bộ"], [])
assign(PERSON["qn_bnc"], "qn16", ["nội chính", "phòng, chống tham nhũng, lãng phí, tiêu cực"],
       [])
assign(PERSON["qn_qs"], "qn16", [QP], ["qs"])
assign(PERSON["qn_ca"], "qn16", [QP, "an ninh mạng"], ["ca"])
assign(PERSON["qn_btqn"], "qn16", [KT, "công nghiệp than"], ["tqn"])
assign(PERSON["qn16_tgdv"], "qn16", ["tuyên giáo", "dân vận", VH], [])

assign(PERSON["anh"], "mc20", ["phụ trách chung"], [])
for k, fields, orgs in [
        ("mc_pbttt", [XD, "công tác HĐND"], ["kl"]),
        ("mc_pbt", [KT, VH, MT], ["tp"]),
        ("mc_cnubkt", ["kiểm tra, giám sát, kỷ luật đảng"], ["hhoa"]),
        ("mc_tbtc", ["tổ chức, cán bộ", "bảo vệ chính trị nội bộ"], ["nd"]),
        ("mc_tbtg", ["tuyên giáo", VH], ["bn"]),
        ("mc_tbdv", ["dân vận", "tôn giáo, dân tộc"], ["hd"]),
        ("mc_mttq", ["Mặt trận, đoàn thể", "giám sát, phản biện xã hội"], ["vn"]),
        ("mc_pcttt", [KT, "kinh tế cửa khẩu", "quy hoạch, đô thị"], ["hlac"]),
        ("mc_pct", [VH, "nông thôn mới"], ["hx"]),
        ("mc_chqs", [QP, "quân sự địa phương"], ["qsmc"]),
        ("mc_tca", [QP, "an ninh, trật tự", "phòng, chống buôn lậu"], [])]:
    assign(PERSON[k], "mc20", fields, orgs)
assign(PERSON["cuong"], "bl20", ["phụ trách chung"], [])
for k, fields, orgs in [
        ("bl_pbttt", [XD, "công tác HĐND"], ["ttbl"]),
        ("bl_pbt", [KT, VH, MT], ["hm"]),
        ("bl_cnubkt", ["kiểm tra, giám sát, kỷ luật đảng"], ["vng"]),
        ("bl_tbtc", ["tổ chức, cán bộ", "bảo vệ chính trị nội bộ"], ["th"]),
        ("bl_tbtg", ["tuyên giáo", VH], ["dv"]),
        ("bl_tbdv", ["dân vận", "Mặt trận, đoàn thể", "công tác dân tộc"], ["lh"]),
        ("bl_pcttt", [KT, "kinh tế cửa khẩu", "nông thôn mới"], ["hdong"]),
        ("bl_pct", [VH, "giảm nghèo"], ["dtam"]),
        ("bl_chqs", [QP, "quân sự địa phương"], []),
        ("bl_tca", [QP, "an ninh, trật tự"], ["cabl"])]:
    assign(PERSON[k], "bl20", fields, orgs)

# ---------------------------------------------------------------- congress resolutions
doc("nq_qn15", "qn", "NQ", "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Quảng Ninh lần thứ XV, "
    "nhiệm kỳ 2020–2025", "2020-09-27", "Nguyễn Xuân Ký", number=15, issuer="ĐH", seq="ĐH-XV")
doc("nq_qn16", "qn", "NQ", "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Quảng Ninh lần thứ XVI, "
    "nhiệm kỳ 2025–2030", "2025-09-27", "Vũ Đại Thắng", number=14, issuer="ĐH", seq="ĐH-XVI")
doc("nq_mc", "mc", "NQ", "Nghị quyết Đại hội đại biểu Đảng bộ thành phố Móng Cái lần thứ XXIV, "
    "nhiệm kỳ 2020–2025", "2020-05-20", "Lê Văn Ánh", number=9, issuer="ĐH", seq="ĐH-XXIV")
doc("nq_bl", "bl", "NQ", "Nghị quyết Đại hội đại biểu Đảng bộ huyện Bình Liêu lần thứ XXVIII, "
    "nhiệm kỳ 2020–2025", "2020-06-10", "Dương Mạnh Cường", number=11, issuer="ĐH",
    seq="ĐH-XXVIII")
resolution("qn15", "qn15", D["documents"][DOC["nq_qn15"] - 1]["title"], "2020-09-27", "nq_qn15")
resolution("qn16", "qn16", D["documents"][DOC["nq_qn16"] - 1]["title"], "2025-09-27", "nq_qn16")
resolution("mc", "mc20", D["documents"][DOC["nq_mc"] - 1]["title"], "2020-05-20", "nq_mc")
resolution("bl", "bl20", D["documents"][DOC["nq_bl"] - 1]["title"], "2020-06-10", "nq_bl")

# ---- Nghị quyết Đại hội XV Đảng bộ tỉnh: 19 chỉ tiêu (3 xây dựng Đảng, 7 kinh tế, 5 xã hội,
# 4 môi trường). The economic ones are from the notes (§3.3); the others are plausible.
R = "qn15"
PROV = ["province"]
DIST = ["district"]
item(R, "I", "goal", "Mục tiêu tổng quát: Xây dựng Đảng bộ và hệ thống chính trị trong sạch, "
     "vững mạnh toàn diện; phát huy sức mạnh đại đoàn kết toàn dân tộc; đẩy mạnh đổi mới sáng "
     "tạo, chuyển đổi số; phát triển kinh tế nhanh, bền vững, hài hòa giữa kinh tế, xã hội và "
     "môi trường; xây dựng Quảng Ninh trở thành tỉnh dịch vụ, công nghiệp hiện đại, một trong "
     "những trung tâm phát triển năng động, toàn diện của miền Bắc; bảo đảm vững chắc quốc "
     "phòng, an ninh; nâng cao đời sống vật chất, tinh thần của nhân dân.", None)
item(R, "II", "goal", "Các chỉ tiêu chủ yếu đến năm 2025")
item(R, "II.1", "goal", "Về xây dựng Đảng và hệ thống chính trị", XD, "II")
item(R, "II.1.1", "indicator", "Đến năm 2025, toàn Đảng bộ có trên 100.000 đảng viên", XD,
     "II.1", unit="đảng viên", baseline=96500, baseline_year=2020, target=100000,
     rollup="sum", reported_by=PROV + DIST)
item(R, "II.1.2", "indicator", "Hằng năm có trên 90% đảng viên được đánh giá, xếp loại hoàn "
     "thành tốt nhiệm vụ trở lên", XD, "II.1", unit="%", baseline=88.6, baseline_year=2020,
     target=90, rollup="weighted_mean", weight="II.1.1", reported_by=PROV + DIST)
item(R, "II.1.3", "indicator", "Các chỉ số PCI, PAR Index, SIPAS, PAPI hằng năm thuộc nhóm dẫn "
     "đầu cả nước", XD, "II.1", unit="thứ hạng PCI", direction="lower", target=5,
     rollup="none", reported_by=PROV)
item(R, "II.2", "goal", "Về kinh tế", KT, "II")
item(R, "II.2.1", "indicator", "Tốc độ tăng trưởng GRDP bình quân giai đoạn 2021–2025 khoảng "
     "10%/năm", KT, "II.2", unit="%", target=10, rollup="none", reported_by=PROV)
item(R, "II.2.2", "indicator", "GRDP bình quân đầu người đến năm 2025 đạt trên 10.000 USD", KT,
     "II.2", unit="USD", target=10000, rollup="none", reported_by=PROV)
item(R, "II.2.3", "goal", "Cơ cấu kinh tế đến năm 2025", KT, "II.2")
item(R, "II.2.3.a", "indicator", "Công nghiệp - xây dựng chiếm 49–50%", KT, "II.2.3", unit="%",
     direction="exact", target=49.5, rollup="none", reported_by=PROV)
item(R, "II.2.3.b", "indicator", "Dịch vụ chiếm 46–47%", KT, "II.2.3", unit="%",
     direction="exact", target=46.5, rollup="none", reported_by=PROV)
item(R, "II.2.3.c", "indicator", "Nông, lâm nghiệp và thủy sản chiếm 3–5%", KT, "II.2.3",
     unit="%", direction="exact", target=4, rollup="none", reported_by=PROV)
item(R, "II.2.4", "indicator", "Tổng vốn đầu tư toàn xã hội tăng bình quân trên 10%/năm", KT,
     "II.2", unit="%", target=10, rollup="none", reported_by=PROV)
item(R, "II.2.5", "indicator", "Năng suất lao động tăng bình quân trên 11%/năm", KT, "II.2",
     unit="%", target=11, rollup="none", reported_by=PROV)
item(R, "II.2.6", "indicator", "Tỷ lệ đô thị hóa đến năm 2025 đạt trên 75%", KT, "II.2",
     unit="%", baseline=67.9, baseline_year=2020, target=75, rollup="none", reported_by=PROV)
item(R, "II.2.7", "indicator", "Đóng góp của năng suất các nhân tố tổng hợp (TFP) vào tăng "
     "trưởng kinh tế đạt trên 50%", KT, "II.2", unit="%", target=50, rollup="none",
     reported_by=PROV)
item(R, "II.3", "goal", "Về xã hội", VH, "II")
item(R, "II.3.1", "indicator", "Tỷ lệ lao động qua đào tạo đạt trên 85%", VH, "II.3", unit="%",
     baseline=77.5, baseline_year=2020, target=85, rollup="none", reported_by=PROV)
item(R, "II.3.2", "indicator", "Tỷ lệ dân số tham gia bảo hiểm y tế đạt trên 98%", VH, "II.3",
     unit="%", baseline=95.2, baseline_year=2020, target=98, rollup="none", reported_by=PROV)
item(R, "II.3.3", "indicator", "Đến năm 2025 không còn hộ nghèo theo chuẩn nghèo của tỉnh", VH,
     "II.3", unit="%", direction="lower", baseline=0.6, baseline_year=2020, target=0,
     rollup="none", reported_by=PROV)
item(R, "II.3.4", "indicator", "Đạt trên 14 bác sĩ trên 1 vạn dân", VH, "II.3",
     unit="bác sĩ/vạn dân", baseline=11.8, baseline_year=2020, target=14, rollup="none",
     reported_by=PROV)
item(R, "II.3.5", "indicator", "Tỷ lệ trường học đạt chuẩn quốc gia đạt trên 80%", VH, "II.3",
     unit="%", baseline=71, baseline_year=2020, target=80, rollup="none", reported_by=PROV)
item(R, "II.4", "goal", "Về môi trường", MT, "II")
item(R, "II.4.1", "indicator", "Tỷ lệ che phủ rừng duy trì ổn định trên 55%", MT, "II.4",
     unit="%", baseline=55, baseline_year=2020, target=55, rollup="none", reported_by=PROV)
item(R, "II.4.2", "indicator", "Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý đạt "
     "100%", MT, "II.4", unit="%", baseline=96, baseline_year=2020, target=100, rollup="none",
     reported_by=PROV)
item(R, "II.4.3", "indicator", "Tỷ lệ dân số đô thị được sử dụng nước sạch đạt 100%", MT,
     "II.4", unit="%", baseline=98, baseline_year=2020, target=100, rollup="none",
     reported_by=PROV)
item(R, "II.4.4", "indicator", "100% khu công nghiệp đang hoạt động có hệ thống xử lý nước thải "
     "tập trung đạt chuẩn", MT, "II.4", unit="%", baseline=85, baseline_year=2020, target=100,
     rollup="none", reported_by=PROV)
item(R, "III", "goal", "Nhiệm vụ trọng tâm")
item(R, "III.1", "key_task", "Xây dựng Đảng bộ và hệ thống chính trị trong sạch, vững mạnh toàn "
     "diện; sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả", XD, "III")
item(R, "III.2", "key_task", "Đẩy mạnh chuyển đổi mô hình tăng trưởng từ \u201cnâu\u201d sang "
     "\u201cxanh\u201d; phát triển dịch vụ, du lịch và công nghiệp chế biến, chế tạo thành trụ "
     "cột tăng trưởng", KT, "III")
item(R, "III.3", "key_task", "Phát triển văn hóa, xã hội, xây dựng con người Quảng Ninh; bảo đảm "
     "an sinh xã hội, nâng cao đời sống nhân dân", VH, "III")
item(R, "III.4", "key_task", "Bảo đảm vững chắc quốc phòng, an ninh, chủ quyền biên giới, biển "
     "đảo; nâng cao hiệu quả đối ngoại", QP, "III")
item(R, "IV", "goal", "Các đột phá chiến lược")
item(R, "IV.1", "breakthrough", "Tiếp tục cải cách hành chính, nâng cao chất lượng môi trường "
     "đầu tư kinh doanh và năng lực cạnh tranh", KT, "IV")
item(R, "IV.2", "breakthrough", "Phát triển hệ thống kết cấu hạ tầng chiến lược đồng bộ, hiện "
     "đại, kết nối nội tỉnh, liên vùng và quốc tế", KT, "IV")
item(R, "IV.3", "breakthrough", "Phát triển nguồn nhân lực chất lượng cao, thu hút nhân tài",
     VH, "IV")

# ---- Nghị quyết Đại hội XVI Đảng bộ tỉnh: targets from the notes (§3.3)
R = "qn16"
item(R, "I", "goal", "Mục tiêu tổng quát: Xây dựng Đảng bộ và hệ thống chính trị trong sạch, "
     "vững mạnh; đột phá phát triển nhanh, bền vững dựa trên khoa học, công nghệ, đổi mới "
     "sáng tạo và chuyển đổi số; xây dựng Quảng Ninh trở thành thành phố trực thuộc Trung ương "
     "trước năm 2030.", None)
item(R, "II", "goal", "Các chỉ tiêu chủ yếu giai đoạn 2026–2030")
item(R, "II.1", "goal", "Về xây dựng Đảng", XD, "II")
item(R, "II.1.1", "indicator", "Hằng năm có trên 90% tổ chức cơ sở đảng được đánh giá, xếp loại "
     "hoàn thành tốt nhiệm vụ trở lên", XD, "II.1", unit="%", target=90, rollup="none",
     reported_by=PROV)
item(R, "II.1.2", "indicator", "Hằng năm có trên 90% đảng viên được đánh giá, xếp loại hoàn thành "
     "tốt nhiệm vụ trở lên", XD, "II.1", unit="%", target=90, rollup="none", reported_by=PROV)
item(R, "II.1.3", "indicator", "Kết nạp mới hằng năm đạt 3–3,5% tổng số đảng viên", XD, "II.1",
     unit="%", target=3, rollup="none", reported_by=PROV)
item(R, "II.2", "goal", "Về kinh tế", KT, "II")
for code, text, unit, target, dirn, base in [
        ("II.2.1", "Tốc độ tăng trưởng GRDP bình quân 12%/năm giai đoạn 2026–2030", "%", 12,
         "higher", 10.4),
        ("II.2.2", "Công nghiệp chế biến, chế tạo chiếm trên 18% GRDP", "%", 18, "higher", None),
        ("II.2.3", "GRDP bình quân đầu người đến năm 2030 đạt 20.000 USD", "USD", 20000,
         "higher", 11000),
        ("II.2.4", "Kinh tế số chiếm 30% GRDP", "%", 30, "higher", None),
        ("II.2.5", "Đóng góp của TFP vào tăng trưởng kinh tế đạt trên 55%", "%", 55, "higher",
         None),
        ("II.2.6", "Mỗi năm có 2.000 doanh nghiệp thành lập mới", "doanh nghiệp", 2000,
         "higher", None),
        ("II.2.7", "Khu vực kinh tế tư nhân đóng góp 40–45% GRDP", "%", 42.5, "exact", None),
        ("II.2.8", "Tổng vốn đầu tư toàn xã hội tăng bình quân trên 12%/năm", "%", 12, "higher",
         None),
        ("II.2.9", "Năng suất lao động tăng bình quân 12%/năm", "%", 12, "higher", None),
        ("II.2.10", "Tỷ lệ đô thị hóa đạt trên 75%", "%", 75, "higher", None)]:
    item(R, code, "indicator", text, KT, "II.2", unit=unit, direction=dirn,
         baseline=base, baseline_year=2025 if base is not None else None, target=target,
         rollup="none", reported_by=PROV)
item(R, "II.3", "goal", "Về xã hội", VH, "II")
for code, text, unit, target, dirn in [
        ("II.3.1", "Tỷ lệ lao động qua đào tạo đạt trên 90%, trong đó có bằng cấp, chứng chỉ "
         "đạt 48%", "%", 90, "higher"),
        ("II.3.2", "Tỷ lệ thất nghiệp dưới 2%", "%", 2, "lower"),
        ("II.3.3", "Tuổi thọ trung bình đạt trên 76 tuổi", "tuổi", 76, "higher"),
        ("II.3.4", "Tỷ lệ dân số tham gia bảo hiểm y tế đạt 100%", "%", 100, "higher"),
        ("II.3.5", "Không còn hộ nghèo theo chuẩn nghèo đa chiều", "%", 0, "lower")]:
    item(R, code, "indicator", text, VH, "II.3", unit=unit, direction=dirn, target=target,
         rollup="none", reported_by=PROV)
item(R, "II.4", "goal", "Về môi trường", MT, "II")
item(R, "II.4.1", "indicator", "Tỷ lệ dân số đô thị được sử dụng nước sạch đạt trên 99%", MT,
     "II.4", unit="%", target=99, rollup="none", reported_by=PROV)
item(R, "II.4.2", "indicator", "Tỷ lệ dân số nông thôn được sử dụng nước sạch đạt trên 85%", MT,
     "II.4", unit="%", target=85, rollup="none", reported_by=PROV)
item(R, "III", "goal", "Nhiệm vụ trọng tâm và đột phá")
item(R, "III.1", "key_task", "Hoàn thiện các tiêu chí, xây dựng Quảng Ninh trở thành thành phố "
     "trực thuộc Trung ương trước năm 2030", KT, "III")
item(R, "III.2", "key_task", "Nâng cao năng lực lãnh đạo, sức chiến đấu của các tổ chức đảng sau "
     "sắp xếp; vận hành hiệu quả mô hình chính quyền địa phương hai cấp", XD, "III")
item(R, "III.3", "key_task", "Phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và "
     "kinh tế số", KT, "III")
item(R, "III.4", "key_task", "Phát triển văn hóa, xã hội; giảm nghèo đa chiều bền vững; bảo vệ "
     "môi trường", VH, "III")
item(R, "III.5", "key_task", "Bảo đảm quốc phòng, an ninh, trật tự an toàn xã hội; chủ động hội "
     "nhập quốc tế", QP, "III")
item(R, "III.6", "breakthrough", "Đột phá về phát triển khu vực kinh tế tư nhân và thu hút đầu "
     "tư", KT, "III")
item(R, "III.7", "breakthrough", "Đột phá về hạ tầng chiến lược: cảng biển, logistics, giao "
     "thông kết nối", KT, "III")

# ---- Nghị quyết Đại hội XXIV Đảng bộ thành phố Móng Cái (key tasks from the 14/7/2020
# report; 55% / 20% nông thôn mới and 100% nước sạch from the notes; other targets plausible)
R = "mc"
GR = ["grassroots"]
item(R, "I", "goal", "Mục tiêu tổng quát: Xây dựng Đảng bộ và hệ thống chính trị trong sạch, "
     "vững mạnh; phát huy sức mạnh đại đoàn kết toàn dân; khai thác hiệu quả tiềm năng, lợi thế "
     "khu kinh tế cửa khẩu; xây dựng Móng Cái trở thành thành phố cửa khẩu quốc tế hiện đại, "
     "ngang tầm khu vực, đô thị cửa khẩu kiểu mẫu, thành phố thông minh.", None)
item(R, "II", "goal", "Các chỉ tiêu chủ yếu đến năm 2025")
item(R, "II.1", "goal", "Về xây dựng Đảng và hệ thống chính trị", XD, "II")
item(R, "II.1.1", "indicator", "Đến năm 2025, toàn Đảng bộ có trên 4.500 đảng viên", XD,
     "II.1", unit="đảng viên", baseline=3988, baseline_year=2020, target=4500, rollup="sum",
     reported_by=GR)
item(R, "II.1.2", "indicator", "Hằng năm có trên 90% đảng viên được đánh giá, xếp loại hoàn "
     "thành tốt nhiệm vụ trở lên", XD, "II.1", unit="%", baseline=87.4, baseline_year=2020,
     target=90, rollup="weighted_mean", weight="II.1.1", reported_by=GR)
item(R, "II.1.3", "indicator", "Kết nạp mới từ 600 đảng viên trở lên trong nhiệm kỳ", XD,
     "II.1", unit="đảng viên", baseline=0, baseline_year=2020, target=600, rollup="sum",
     reported_by=GR)
item(R, "II.2", "goal", "Về kinh tế", KT, "II")
item(R, "II.2.1", "indicator", "Tốc độ tăng trưởng giá trị sản xuất bình quân đạt 12%/năm trở "
     "lên", KT, "II.2", unit="%", baseline=15.02, baseline_year=2020, target=12,
     rollup="none", reported_by=DIST)
item(R, "II.2.2", "indicator", "Đến năm 2025, tỷ trọng ngành dịch vụ chiếm trên 60% cơ cấu kinh "
     "tế", KT, "II.2", unit="%", baseline=55.9, baseline_year=2020, target=60, rollup="none",
     reported_by=DIST)
item(R, "II.2.3", "indicator", "Thu ngân sách nhà nước trên địa bàn tăng bình quân 8%/năm", KT,
     "II.2", unit="%", target=8, rollup="none", reported_by=DIST)
item(R, "II.3", "goal", "Về văn hóa - xã hội", VH, "II")
item(R, "II.3.1", "indicator", "55% số xã đạt chuẩn nông thôn mới nâng cao", VH, "II.3",
     unit="%", baseline=0, baseline_year=2020, target=55, rollup="none", reported_by=DIST)
item(R, "II.3.2", "indicator", "20% số xã đạt chuẩn nông thôn mới kiểu mẫu", VH, "II.3",
     unit="%", baseline=0, baseline_year=2020, target=20, rollup="none", reported_by=DIST)
item(R, "II.3.3", "indicator", "Tỷ lệ hộ nghèo theo chuẩn của tỉnh giảm xuống dưới 0,5%", VH,
     "II.3", unit="%", direction="lower", baseline=1.2, baseline_year=2020, target=0.5,
     rollup="mean", reported_by=GR)
item(R, "II.4", "goal", "Về môi trường", MT, "II")
item(R, "II.4.1", "indicator", "100% dân cư đô thị được sử dụng nước sạch", MT, "II.4",
     unit="%", baseline=96.5, baseline_year=2020, target=100, rollup="none", reported_by=DIST)
item(R, "II.4.2", "indicator", "100% chất thải rắn sinh hoạt đô thị được thu gom, xử lý đúng "
     "quy định", MT, "II.4", unit="%", baseline=95, baseline_year=2020, target=100,
     rollup="none", reported_by=DIST)
item(R, "III", "goal", "Nhiệm vụ trọng tâm")
item(R, "III.1", "key_task", "Khai thác hiệu quả tiềm năng, lợi thế khu kinh tế cửa khẩu", KT,
     "III")
item(R, "III.2", "key_task", "Phát triển hệ thống kết cấu hạ tầng đồng bộ, hiện đại", KT, "III")
item(R, "III.3", "key_task", "Phát triển lĩnh vực văn hóa - xã hội, nâng cao đời sống vật chất và "
     "tinh thần của nhân dân", VH, "III")
item(R, "III.4", "key_task", "Bảo đảm vững chắc quốc phòng - an ninh, nâng cao hiệu quả quan hệ "
     "đối ngoại và hội nhập quốc tế, xây dựng khu vực biên giới hòa bình, hữu nghị, hợp tác cùng "
     "phát triển", QP, "III")
item(R, "III.5", "key_task", "Xây dựng Móng Cái trở thành trung tâm dịch vụ thương mại, du lịch, "
     "cảng biển trọng điểm của tỉnh", KT, "III")
item(R, "IV", "goal", "Các đột phá")
item(R, "IV.1", "breakthrough", "Thực hiện tốt hai quy hoạch chiến lược: Quy hoạch tổng thể phát "
     "triển Khu kinh tế cửa khẩu Móng Cái và Quy hoạch chung xây dựng thành phố Móng Cái đã được "
     "Thủ tướng Chính phủ phê duyệt", KT, "IV")
item(R, "IV.2", "breakthrough", "Đẩy mạnh đầu tư cơ sở hạ tầng, thu hút các dự án lớn, dự án "
     "động lực", KT, "IV")
item(R, "IV.3", "breakthrough", "Thực hiện tốt cải cách hành chính, phát triển nguồn nhân lực "
     "Khu kinh tế cửa khẩu", XD, "IV")
item(R, "V", "goal", "Nhiệm vụ, giải pháp chủ yếu")
item(R, "V.1", "solution", "Nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức đảng; xây dựng "
     "đội ngũ cán bộ, nhất là người đứng đầu, đủ phẩm chất, năng lực, uy tín", XD, "V")
item(R, "V.2", "solution", "Nâng cao hiệu lực, hiệu quả hoạt động của chính quyền; phát huy vai "
     "trò của Mặt trận Tổ quốc và các đoàn thể; thực hiện tốt công tác dân vận", XD, "V")
item(R, "V.3", "solution", "Phát triển kinh tế cửa khẩu, thương mại biên giới, dịch vụ "
     "logistics", KT, "V")
item(R, "V.4", "solution", "Phát triển du lịch biển, du lịch mua sắm; hình thành sản phẩm du "
     "lịch đặc trưng Trà Cổ - Bình Ngọc", KT, "V")
item(R, "V.5", "solution", "Tăng cường quản lý quy hoạch, đô thị; xây dựng thành phố thông minh, "
     "đô thị cửa khẩu kiểu mẫu", KT, "V")
item(R, "V.6", "solution", "Phát triển nông nghiệp, xây dựng nông thôn mới nâng cao, nông thôn "
     "mới kiểu mẫu", KT, "V")
item(R, "V.7", "solution", "Phát triển giáo dục, y tế, văn hóa; bảo đảm an sinh xã hội", VH, "V")
item(R, "V.8", "solution", "Quản lý chặt chẽ tài nguyên, bảo vệ môi trường khu vực cửa khẩu, "
     "bãi biển và khu dân cư", MT, "V")
item(R, "V.9", "solution", "Xây dựng khu vực phòng thủ vững chắc; giữ vững an ninh chính trị, "
     "trật tự an toàn xã hội; quản lý, bảo vệ chủ quyền biên giới", QP, "V")

# ---- Nghị quyết Đại hội XXVIII Đảng bộ huyện Bình Liêu (directions from the report; the
# numeric targets are not available, so all of them are plausible)
R = "bl"
item(R, "I", "goal", "Mục tiêu tổng quát: Xây dựng Đảng bộ và hệ thống chính trị trong sạch, "
     "vững mạnh; phát huy sức mạnh khối đại đoàn kết các dân tộc; phát triển nông nghiệp hàng "
     "hóa gắn với nâng cao chất lượng nông thôn mới, khai thác tiềm năng cửa khẩu Hoành Mô - "
     "Động Trung và du lịch; giữ vững chủ quyền biên giới; nâng cao đời sống nhân dân.", None)
item(R, "II", "goal", "Các chỉ tiêu chủ yếu đến năm 2025")
item(R, "II.1", "indicator", "Tốc độ tăng trưởng giá trị sản xuất bình quân đạt 10%/năm trở lên",
     KT, "II", unit="%", baseline=13.5, baseline_year=2020, target=10, rollup="none",
     reported_by=DIST)
item(R, "II.2", "indicator", "Thu nhập bình quân đầu người đến năm 2025 đạt trên 60 triệu "
     "đồng/năm", KT, "II", unit="triệu đồng", baseline=42, baseline_year=2020, target=60,
     rollup="none", reported_by=DIST)
item(R, "II.3", "indicator", "Tỷ lệ hộ nghèo giảm bình quân 1%/năm; đến năm 2025 dưới 1%", VH,
     "II", unit="%", direction="lower", baseline=4.1, baseline_year=2020, target=1,
     rollup="mean", reported_by=GR)
item(R, "II.4", "indicator", "100% số xã (7/7 xã) đạt chuẩn nông thôn mới", KT, "II", unit="xã",
     baseline=4, baseline_year=2020, target=7, rollup="count_meeting", threshold=19,
     reported_by=GR)
item(R, "II.5", "indicator", "Tỷ lệ che phủ rừng đạt trên 70%", MT, "II", unit="%",
     baseline=67.5, baseline_year=2020, target=70, rollup="none", reported_by=DIST)
item(R, "II.6", "indicator", "Tỷ lệ dân cư nông thôn được sử dụng nước sạch đạt trên 80%", MT,
     "II", unit="%", baseline=62, baseline_year=2020, target=80, rollup="none",
     reported_by=DIST)
item(R, "II.7", "indicator", "Kết nạp mới trên 200 đảng viên trong nhiệm kỳ", XD, "II",
     unit="đảng viên", baseline=0, baseline_year=2020, target=200, rollup="sum",
     reported_by=GR)
item(R, "II.8", "indicator", "Tỷ lệ dân số tham gia bảo hiểm y tế đạt trên 98%", VH, "II",
     unit="%", baseline=96, baseline_year=2020, target=98, rollup="none", reported_by=DIST)
item(R, "III", "goal", "Nhiệm vụ trọng tâm")
item(R, "III.1", "key_task", "Phát triển nông nghiệp hàng hóa gắn với nâng cao chất lượng chương "
     "trình xây dựng nông thôn mới", KT, "III")
item(R, "III.2", "key_task", "Xây dựng, phát triển cửa khẩu Hoành Mô - Động Trung; kết nối giao "
     "thông với tuyến cao tốc Vân Đồn - Móng Cái", KT, "III")
item(R, "III.3", "key_task", "Phát triển du lịch gắn với bảo tồn, phát huy bản sắc văn hóa các "
     "dân tộc", VH, "III")
item(R, "III.4", "key_task", "Đẩy mạnh tuyên truyền, vận động nhân dân tham gia các phong trào "
     "thi đua, hoàn thành các mục tiêu của nhiệm kỳ", XD, "III")
item(R, "III.5", "key_task", "Giữ vững chủ quyền biên giới, an ninh chính trị, trật tự an toàn "
     "xã hội khu vực biên giới", QP, "III")
item(R, "IV", "goal", "Các khâu đột phá")
item(R, "IV.1", "breakthrough", "Đầu tư hạ tầng giao thông kết nối trung tâm huyện với cửa khẩu "
     "và các khu dân cư biên giới", KT, "IV")
item(R, "IV.2", "breakthrough", "Phát triển nguồn nhân lực, nhất là cán bộ người dân tộc thiểu "
     "số tại chỗ", XD, "IV")
item(R, "V", "goal", "Nhiệm vụ, giải pháp chủ yếu")
item(R, "V.1", "solution", "Nâng cao chất lượng tổ chức cơ sở đảng và đội ngũ đảng viên; xóa thôn "
     "chưa có đảng viên là người tại chỗ", XD, "V")
item(R, "V.2", "solution", "Thực hiện tốt công tác dân vận, củng cố khối đại đoàn kết các dân "
     "tộc", XD, "V")
item(R, "V.3", "solution", "Phát triển lâm nghiệp bền vững, cây hồi, cây quế, dong riềng; xây "
     "dựng sản phẩm OCOP miến dong Bình Liêu", KT, "V")
item(R, "V.4", "solution", "Phát triển giáo dục, y tế; giảm nghèo bền vững; nâng cao chất lượng "
     "nguồn nhân lực", VH, "V")
item(R, "V.5", "solution", "Bảo vệ môi trường, chủ động phòng, chống thiên tai, sạt lở đất", MT,
     "V")
item(R, "V.6", "solution", "Củng cố quốc phòng, an ninh; mở rộng quan hệ hữu nghị với chính quyền "
     "địa phương bên kia biên giới", QP, "V")
