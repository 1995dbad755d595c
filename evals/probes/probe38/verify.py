#!/usr/bin/env python3
"""Checks the probe: corpus files, qs.tsv format, answer spans, forbidden names, Traditional questions."""
import os, sys, re

DIR = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(DIR, "corpus")
FORBIDDEN = ("澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 "
             "岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 "
             "璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 "
             "柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼 琯汧 璠潆 璘涔 瑄崌 瑨灃 璩浍 琬湑 "
             "瑭峄 璠汭 璩淯 淯岚 沩屺 滟汀 溱嵎 潆畈 澴琦 湫垭 淯泷 溦琈 湫瑀").split()
# invented places actually used (must start with an allowed character)
PLACES = ["硖渟", "碚溇", "砀浛", "碣泺", "磐湍", "砻瀼", "硖峃", "礁垚", "磻涘", "碣瀞"]
ALLOWED_FIRST = set("硖砀碚磐碣礁磻砻")
# characters that only occur in Traditional script (for counting Traditional questions)
TRAD = set("補貼請麼幾還個們說縣農險費電話號臺務種這會來歲對錢買養豬裡領兩問劃處業產銷額滿齡辦當時區關於為與")
TRAD_FILES = {"n09.txt", "n10.txt"}

errs = []
def err(m): errs.append(m)

files = sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt"))
expected = ["n%02d.txt" % i for i in range(1, 11)]
if files != expected:
    err("corpus files: %r" % files)
texts = {}
for f in files:
    t = open(os.path.join(CORPUS, f), encoding="utf-8").read()
    texts[f] = t
    n = len(re.sub(r"\s", "", t))
    if not 900 <= n <= 2500:
        err("%s: length %d (non-space chars) outside 900-2500" % (f, n))
tables = [f for f, t in texts.items() if sum(1 for l in t.splitlines() if l.count("｜") >= 1 or l.count("\t") >= 1) >= 3]
if len(tables) < 3:
    err("only %d notices with tables" % len(tables))
for p in PLACES:
    if p[0] not in ALLOWED_FIRST:
        err("place %s has disallowed first char" % p)
for f in TRAD_FILES:
    if sum(1 for c in texts.get(f, "") if c in TRAD) < 30:
        err("%s does not look Traditional" % f)

lines = open(os.path.join(DIR, "qs.tsv"), encoding="utf-8").read().split("\n")
if lines and lines[-1] == "":
    lines = lines[:-1]
if len(lines) != 60:
    err("qs.tsv has %d lines" % len(lines))
n_ans = n_ref = n_trad = 0
seen_q = set()
for i, line in enumerate(lines, 1):
    parts = line.split("\t")
    if len(parts) != 3:
        err("line %d: %d fields" % (i, len(parts))); continue
    q, a, f = parts
    if not q or q in seen_q:
        err("line %d: empty/duplicate question" % i)
    seen_q.add(q)
    if a == "REFUSE" or f == "REFUSE":
        if not (a == "REFUSE" and f == "REFUSE"):
            err("line %d: half REFUSE" % i)
        n_ref += 1
        if not any(p in q for p in PLACES):
            err("line %d: REFUSE question names no corpus place" % i)
        continue
    n_ans += 1
    if f not in texts:
        err("line %d: unknown file %s" % (i, f)); continue
    for alt in a.split("|"):
        if not alt:
            err("line %d: empty alternative" % i)
        elif alt not in texts[f]:
            err("line %d: %r not in %s" % (i, alt, f))
        elif len(alt) > 20:
            err("line %d: answer %r longer than 20 chars" % (i, alt))
    if f in TRAD_FILES and any(c in TRAD for c in q):
        n_trad += 1
if n_ans != 50: err("answerable = %d" % n_ans)
if n_ref != 10: err("REFUSE = %d" % n_ref)
if n_trad < 5: err("Traditional questions = %d" % n_trad)

alltext = "\n".join(texts.values()) + "\n" + "\n".join(lines)
for name in FORBIDDEN:
    if name in alltext:
        err("forbidden name %s found" % name)

if errs:
    print("\n".join(errs)); print("FAIL (%d)" % len(errs)); sys.exit(1)
print("files=%d answerable=%d refuse=%d traditional_q=%d tables=%d" % (len(files), n_ans, n_ref, n_trad, len(tables)))
print("OK")
