#!/usr/bin/env python3
"""Checks probe33: corpus files, qs.tsv format, answer spans, forbidden names, Traditional questions."""
import os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
QS = os.path.join(HERE, "qs.tsv")

FORBIDDEN = ("澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 "
             "天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 "
             "琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟").split()
PLACES = ["栎溟市", "桤岙区", "棠湄縣", "椤汀市", "榉滘区", "楸泖县", "樗岑市", "柘漪区", "榉埕市", "桤埤市"]
ALLOWED_FIRST = set("栎桤椤榉楸樗柘棠")
# characters that only occur in Traditional script (not used in Simplified)
TRAD = set("臺縣們領請補貼錢麼機電費歲嗎還給幾時間問為與關號書證務處條辦過後應單醫險線話區學難實點")

errors = []
def err(m): errors.append(m)

files = sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt"))
expected = ["n%02d.txt" % i for i in range(1, 11)]
if files != expected:
    err("corpus files %r != %r" % (files, expected))
texts = {}
for f in files:
    with open(os.path.join(CORPUS, f), encoding="utf-8") as fh:
        t = fh.read()
    texts[f] = t
    n = len(t)
    if not 900 <= n <= 2500:
        err("%s length %d outside 900-2500" % (f, n))
    for bad in FORBIDDEN:
        if bad in t:
            err("%s contains forbidden name %s" % (f, bad))
trad_files = [f for f, t in texts.items() if sum(c in TRAD for c in t) > 30]
if len(trad_files) != 2:
    err("expected 2 Traditional notices, got %r" % trad_files)
tables = [f for f, t in texts.items() if len(re.findall(r"^.+(｜|\t).+$", t, re.M)) >= 3]
if len(tables) < 3:
    err("fewer than 3 notices with tables: %r" % tables)
for p in PLACES:
    if p[0] not in ALLOWED_FIRST:
        err("place %s has disallowed first character" % p)
    if not any(p in t for t in texts.values()):
        err("place %s not in corpus" % p)

with open(QS, encoding="utf-8") as fh:
    lines = fh.read().rstrip("\n").split("\n")
if len(lines) != 60:
    err("qs.tsv has %d lines, expected 60" % len(lines))
n_ans = n_ref = n_trad = 0
seen = set()
for i, line in enumerate(lines, 1):
    parts = line.split("\t")
    if len(parts) != 3:
        err("line %d: %d fields" % (i, len(parts)))
        continue
    q, a, f = parts
    if q in seen:
        err("line %d: duplicate question" % i)
    seen.add(q)
    for bad in FORBIDDEN:
        if bad in q:
            err("line %d: forbidden name %s in question" % (i, bad))
    if not any(p in q for p in PLACES) and not any(p[:2] in q for p in PLACES):
        err("line %d: question names no corpus place" % i)
    if a == "REFUSE" or f == "REFUSE":
        if not (a == "REFUSE" and f == "REFUSE"):
            err("line %d: REFUSE must be in both answer and file" % i)
        n_ref += 1
        continue
    n_ans += 1
    if f not in texts:
        err("line %d: unknown file %s" % (i, f))
        continue
    if f in trad_files and sum(c in TRAD for c in q) >= 2:
        n_trad += 1
    for alt in a.split("|"):
        if not alt or alt not in texts[f]:
            err("line %d: answer %r not found verbatim in %s" % (i, alt, f))
        if len(alt) > 20:
            err("line %d: answer %r longer than 20 chars" % (i, alt))
if n_ans != 50:
    err("answerable = %d, expected 50" % n_ans)
if n_ref != 10:
    err("REFUSE = %d, expected 10" % n_ref)
if n_trad < 5:
    err("Traditional questions = %d, expected 5+" % n_trad)

if errors:
    print("\n".join(errors))
    sys.exit(1)
print("OK: %d notices (Traditional: %s; tables: %s), %d answerable, %d REFUSE, %d Traditional questions"
      % (len(texts), ",".join(trad_files), ",".join(tables), n_ans, n_ref, n_trad))
