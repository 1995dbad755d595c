#!/usr/bin/env python3
"""Verify probe34: corpus files, qs.tsv format, answer spans, forbidden names."""
import os, sys, re

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
QS = os.path.join(HERE, "qs.tsv")

FORBIDDEN = ("澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 "
             "天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 "
             "琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟").split()
# Traditional forms of a few forbidden names, checked too
FORBIDDEN += ["東興", "內江", "並濟", "天濟", "青梧", "澶嶼", "琿陽", "濰陵", "岷港", "溧城"]
PLACES = {"n01.txt": "沅嶂市", "n02.txt": "涪濑县", "n03.txt": "濉崙市", "n04.txt": "漳岵市",
          "n05.txt": "湄溆区", "n06.txt": "泸崃县", "n07.txt": "洮埕縣", "n08.txt": "浔岈市",
          "n09.txt": "洮嶙县", "n10.txt": "漳渼区"}
ALLOWED_FIRST = set("洮沅涪漳湄浔泸濉")
TRAD_NOTICES = {"n03.txt", "n07.txt"}
TRAD_CHARS = set("個們這來說時會對麼後裡還補請電話領臺歲縣區寵號問辦絕隻結紮飼罰鍰萬條額費與實應發證書館營業關於見")

errors = []

def err(msg):
    errors.append(msg)

# corpus
files = sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt"))
expected = ["n%02d.txt" % i for i in range(1, 11)]
if files != expected:
    err("corpus files %s != %s" % (files, expected))
texts = {}
for f in expected:
    p = os.path.join(CORPUS, f)
    if not os.path.exists(p):
        continue
    t = open(p, encoding="utf-8").read()
    texts[f] = t
    n = len(t)
    if not 900 <= n <= 2500:
        err("%s length %d not in 900-2500" % (f, n))
    if PLACES[f] not in t:
        err("%s does not mention its place %s" % (f, PLACES[f]))
    trad_hits = sum(1 for c in t if c in TRAD_CHARS)
    if f in TRAD_NOTICES and trad_hits < 20:
        err("%s should be Traditional (only %d trad chars)" % (f, trad_hits))
    if f not in TRAD_NOTICES and trad_hits > 0:
        err("%s should be Simplified (has %d trad chars)" % (f, trad_hits))
for pl in PLACES.values():
    if pl[0] not in ALLOWED_FIRST:
        err("place %s does not start with an allowed character" % pl)
table_files = [f for f, t in texts.items() if sum(1 for l in t.splitlines() if l.count("｜") >= 1) >= 3]
if len(table_files) < 3:
    err("only %d notices with ｜ tables" % len(table_files))
range_rows = [f for f, t in texts.items() if any("｜" in l and "—" in l for l in t.splitlines())]
if not range_rows:
    err("no table rows with ranges")

# questions
lines = open(QS, encoding="utf-8").read().split("\n")
if lines and lines[-1] == "":
    lines = lines[:-1]
if len(lines) != 60:
    err("qs.tsv has %d lines, expected 60" % len(lines))
n_ans = n_ref = n_trad = 0
seen_q = set()
for i, line in enumerate(lines, 1):
    parts = line.split("\t")
    if len(parts) != 3 or not all(p.strip() for p in parts):
        err("line %d: not 3 non-empty fields: %r" % (i, line))
        continue
    q, a, f = parts
    if q in seen_q:
        err("line %d: duplicate question" % i)
    seen_q.add(q)
    if any(c in TRAD_CHARS for c in q):
        n_trad += 1
    if a == "REFUSE" or f == "REFUSE":
        if not (a == "REFUSE" and f == "REFUSE"):
            err("line %d: REFUSE must be in both answer and file" % i)
        n_ref += 1
    else:
        n_ans += 1
        if f not in texts:
            err("line %d: unknown file %s" % (i, f))
            continue
        for alt in a.split("|"):
            if not alt:
                err("line %d: empty alternative" % i)
            elif alt not in texts[f]:
                err("line %d: answer %r not found in %s" % (i, alt, f))
            elif len(alt) > 25:
                err("line %d: answer %r too long" % (i, alt))
    # place named in question must be a corpus place
    if not any(pl[:2] in q for pl in PLACES.values()):
        err("line %d: question names no corpus place" % i)
if n_ans != 50:
    err("%d answerable, expected 50" % n_ans)
if n_ref != 10:
    err("%d REFUSE, expected 10" % n_ref)
if n_trad < 5:
    err("only %d Traditional questions" % n_trad)

# forbidden names
alltext = "\n".join(texts.values()) + "\n" + "\n".join(lines)
for name in FORBIDDEN:
    if name in alltext:
        err("forbidden name %s found" % name)

if errors:
    for e in errors:
        print("ERROR:", e)
    sys.exit(1)
print("files=%d answerable=%d refuse=%d traditional_qs=%d table_notices=%s" %
      (len(texts), n_ans, n_ref, n_trad, ",".join(sorted(table_files))))
print("OK")
