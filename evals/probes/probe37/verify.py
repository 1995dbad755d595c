#!/usr/bin/env python3
"""Check the probe: corpus files, qs.tsv format, verbatim spans, forbidden names, Traditional count."""
import os, sys

DIR = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(DIR, "corpus")
FORBIDDEN = ("澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 "
             "青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 "
             "琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 "
             "棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼 "
             "琯汧 璠潆 璘涔 瑄崌 瑨灃 璩浍 琬湑 瑭峄 璠汭 璩淯 淯岚 沩屺 滟汀 溱嵎 潆畈 澴琦 湫垭 淯泷 "
             "溦琈 湫瑀").split()
# real places sharing the allowed first characters
REAL = ["鄞州", "邗江", "郏县", "郯城", "鄠邑", "户县"]
# characters that appear only in Traditional script
TRAD = set("這見車個麼錢嗎間區寶電話裡號領額補請場週與處罰鍰臺萬續辦證應該點從後來們對時會過於為義務縣鎮規費業勞單團體機構職畢學歷國內數資參計劃習輔導絡說開載調帶單")

errors = []
def err(m): errors.append(m)

names = [f"n{i:02d}.txt" for i in range(1, 11)]
files = sorted(f for f in os.listdir(CORPUS))
if files != names:
    err(f"corpus files {files} != {names}")
texts = {}
for n in names:
    p = os.path.join(CORPUS, n)
    if not os.path.exists(p):
        continue
    t = open(p, encoding="utf-8").read()
    texts[n] = t
    if not (900 <= len(t) <= 2500):
        err(f"{n}: length {len(t)} outside 900-2500")
tables = [n for n, t in texts.items() if any(l.count("｜") >= 1 or "\t" in l for l in t.splitlines())]
if len(tables) < 3:
    err(f"only {len(tables)} notices with tables")
trad_docs = [n for n, t in texts.items() if sum(c in TRAD for c in t) > 30]
if len(trad_docs) != 2:
    err(f"expected 2 Traditional notices, got {trad_docs}")

lines = open(os.path.join(DIR, "qs.tsv"), encoding="utf-8").read().splitlines()
if len(lines) != 60:
    err(f"qs.tsv has {len(lines)} lines, expected 60")
ans = ref = trad_q = 0
qs = []
for i, line in enumerate(lines, 1):
    parts = line.split("\t")
    if len(parts) != 3 or not all(p.strip() for p in parts):
        err(f"line {i}: expected 3 non-empty fields: {line!r}")
        continue
    q, a, f = parts
    qs.append(q)
    if a == "REFUSE" or f == "REFUSE":
        if not (a == "REFUSE" and f == "REFUSE"):
            err(f"line {i}: REFUSE must be in both answer and file")
        ref += 1
    else:
        ans += 1
        if f not in texts:
            err(f"line {i}: unknown file {f}")
            continue
        for alt in a.split("|"):
            if not alt:
                err(f"line {i}: empty alternative")
            elif alt not in texts[f]:
                err(f"line {i}: {alt!r} not found in {f}")
            elif len(alt) > 20:
                err(f"line {i}: {alt!r} longer than 20 chars")
    if sum(c in TRAD for c in q) >= 2:
        trad_q += 1
if ans != 50 or ref != 10:
    err(f"answerable={ans} refuse={ref}, expected 50/10")
if trad_q < 5:
    err(f"only {trad_q} Traditional questions")
if len(set(qs)) != len(qs):
    err("duplicate questions")

alltext = "\n".join(texts.values()) + "\n" + "\n".join(lines)
for name in FORBIDDEN + REAL:
    if name in alltext:
        err(f"forbidden/real place name found: {name}")

if errors:
    print("\n".join(errors))
    sys.exit(1)
print(f"OK: 10 notices ({len(tables)} with tables, Traditional: {', '.join(sorted(trad_docs))}); "
      f"60 questions = {ans} answerable + {ref} REFUSE; {trad_q} Traditional questions")
