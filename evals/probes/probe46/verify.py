#!/usr/bin/env python3
"""Checks the probe46 corpus and question file. Prints OK when all checks pass."""
import os
import re
import sys

DIR = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(DIR, "corpus")
QS = os.path.join(DIR, "qs.tsv")

FORBIDDEN = """澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼 琯汧 璠潆 璘涔 瑄崌 瑨灃 璩浍 琬湑 瑭峄 璠汭 璩淯 淯岚 沩屺 滟汀 溱嵎 潆畈 澴琦 湫垭 淯泷 溦琈 湫瑀 郗渫 鄠垣 郛峪 郯湍 鄞漈 邗淇 鄣圻 郏崦 鄞峒 硖渟 碚溇 砀浛 碣泺 磐湍 砻瀼 硖峃 礁垚 磻涘 碣瀞 岽沄 岿潾 岣淼 嵛琇 峋瀧 崦滃 巇嶠 嵬澧 翊漷 翎峁 翥泠 翕岢 翮溍 翦垟 羿峧 翛湲 翎瀍 翦湉 旸澥 昉溱 晔泷 晗嶠 曜浉 昀瀛 暄沣 曦漭 苕崆 荻滹 莒崶 菀浈 萁泂 蓁埭 蔺滉 薏澉 鸾沚 鹭潏 鹤塬 鶴塬 鸥滍 鹊澨 鵲澨 鹂崮 鸢洑 鹞埝 鰲嵫 鳌嵫 鰻瀹 鳗瀹 鲈漖 鲑湔 鲟埇 鲥埗 鲲澂 鲸垌 霽湖""".split()

# Invented place names used in this probe; first char must be in ALLOWED_FIRST.
PLACES = ["雯峤市", "霏沄县", "霖岵区", "霓汭市", "霆埗县", "霈溆区", "霄崌市",
          "雱湑县", "霏嵐市", "霈崙縣"]
ALLOWED_FIRST = set("雯霏霖霓霆霈霄雱")

# Characters that appear only in Traditional script (not used in Simplified text).
TRAD_ONLY = set("們個來說時間電話這還錢區縣點麼會開調資補費幾車樓當請數應與為從對關發買賣後號處規證條廳勞動戶續臺塊闆閉嗎離職該撥碼議償機維護參權務準")

errors = []


def err(msg):
    errors.append(msg)


# 1. corpus files
expected = ["n%02d.txt" % i for i in range(1, 11)]
present = sorted(f for f in os.listdir(CORPUS))
if present != expected:
    err("corpus files: %r" % present)
texts = {}
for f in expected:
    p = os.path.join(CORPUS, f)
    if not os.path.exists(p):
        continue
    with open(p, encoding="utf-8") as fh:
        t = fh.read()
    texts[f] = t
    n = len(t)
    if not (900 <= n <= 2500):
        err("%s length %d outside 900-2500" % (f, n))

table_files = [f for f, t in texts.items()
               if sum(1 for line in t.splitlines() if line.count("｜") >= 1 or "\t" in line) >= 3]
if len(table_files) < 3:
    err("fewer than 3 notices with tables: %r" % table_files)
range_rows = [f for f, t in texts.items()
              if any("｜" in line and re.search(r"\d[—\-至]\d|以上|以下|不满|不滿", line)
                     for line in t.splitlines())]
if len(range_rows) < 2:
    err("fewer than 2 notices with range rows in tables: %r" % range_rows)

trad_files = [f for f, t in texts.items() if sum(c in TRAD_ONLY for c in t) > 30]
if len(trad_files) != 2:
    err("expected 2 Traditional notices, found %r" % trad_files)

# 2. questions
with open(QS, encoding="utf-8") as fh:
    lines = fh.read().split("\n")
if lines and lines[-1] == "":
    lines = lines[:-1]
if len(lines) != 60:
    err("qs.tsv has %d lines, expected 60" % len(lines))
n_ans = n_ref = n_trad = 0
seen_q = set()
for i, line in enumerate(lines, 1):
    parts = line.split("\t")
    if len(parts) != 3:
        err("line %d: %d fields" % (i, len(parts)))
        continue
    q, a, f = parts
    if not q.strip() or not a.strip():
        err("line %d: empty field" % i)
    if q in seen_q:
        err("line %d: duplicate question" % i)
    seen_q.add(q)
    if any(c in TRAD_ONLY for c in q):
        n_trad += 1
    if not any(p[:2] in q for p in PLACES):
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
    for alt in a.split("|"):
        if not alt:
            err("line %d: empty alternative" % i)
        elif alt not in texts[f]:
            err("line %d: answer %r not verbatim in %s" % (i, alt, f))
        if len(alt) > 25:
            err("line %d: answer alternative too long: %r" % (i, alt))
if n_ans != 50:
    err("answerable count %d != 50" % n_ans)
if n_ref != 10:
    err("REFUSE count %d != 10" % n_ref)
if n_trad < 5:
    err("Traditional questions %d < 5" % n_trad)

# 3. forbidden / place-name checks
alltext = "\n".join(texts.values()) + "\n" + "\n".join(lines)
for name in FORBIDDEN:
    if name in alltext:
        err("forbidden place name found: %s" % name)
for p in PLACES:
    if p[0] not in ALLOWED_FIRST:
        err("place %s has disallowed first char" % p)
    if p not in "\n".join(texts.values()):
        err("place %s not in corpus" % p)

if errors:
    for e in errors:
        print("ERROR:", e)
    sys.exit(1)
print("files=%d lines=%d answerable=%d refuse=%d traditional_q=%d tables=%s trad_notices=%s"
      % (len(texts), len(lines), n_ans, n_ref, n_trad, ",".join(sorted(table_files)),
         ",".join(sorted(trad_files))))
print("OK")
