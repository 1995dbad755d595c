#!/usr/bin/env python3
"""Verify probe45: corpus + qs.tsv consistency (stdlib only)."""
import os, re, sys

BASE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(BASE, "corpus")
FORBIDDEN = """澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼 琯汧 璠潆 璘涔 瑄崌 瑨灃 璩浍 琬湑 瑭峄 璠汭 璩淯 淯岚 沩屺 滟汀 溱嵎 潆畈 澴琦 湫垭 淯泷 溦琈 湫瑀 郗渫 鄠垣 郛峪 郯湍 鄞漈 邗淇 鄣圻 郏崦 鄞峒 硖渟 碚溇 砀浛 碣泺 磐湍 砻瀼 硖峃 礁垚 磻涘 碣瀞 岽沄 岿潾 岣淼 嵛琇 峋瀧 崦滃 巇嶠 嵬澧 翊漷 翎峁 翥泠 翕岢 翮溍 翦垟 羿峧 翛湲 翎瀍 翦湉 旸澥 昉溱 晔泷 晗嶠 曜浉 昀瀛 暄沣 曦漭 苕崆 荻滹 莒崶 菀浈 萁泂 蓁埭 蔺滉 薏澉 鸾沚 鹭潏 鹤塬 鶴塬 鸥滍 鹊澨 鵲澨 鹂崮 鸢洑 鹞埝 鰲嵫 鳌嵫 鰻瀹 鳗瀹 鲈漖 鲑湔 鲟埇 鲥埗 鲲澂 鲸垌""".split()
PLACES = ["骅浯市", "骐岵县", "驍埔市", "骊沱市", "骏岑县", "骢潼区", "骥淞市", "骧渭区", "驥寮縣", "骁汶区"]
ALLOWED_FIRST = set("骅骐骁骊骏骢骥骧驊騏驍驪駿驄驥驤")
TRAD_NOTICES = {"n03.txt", "n09.txt"}
# characters that only occur in Traditional script
TRAD_CHARS = set("與個們這來為會時說國長補幾嗎點號請應驍驥臺費錢電話歲嬤戶區縣關擋鍰檢過還裝顆幾處罰額紀錄")

errors = []
def err(m): errors.append(m)

files = sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt"))
expected = ["n%02d.txt" % i for i in range(1, 11)]
if files != expected:
    err("corpus files %s != %s" % (files, expected))
texts = {}
for f in files:
    t = open(os.path.join(CORPUS, f), encoding="utf-8").read()
    texts[f] = t
    if not 900 <= len(t) <= 2500:
        err("%s length %d outside 900-2500" % (f, len(t)))
    is_trad = len(set(t) & TRAD_CHARS) >= 5
    if is_trad != (f in TRAD_NOTICES):
        err("%s script detection mismatch (trad=%s)" % (f, is_trad))
tables = [f for f, t in texts.items() if re.search(r"^[^\n]*｜[^\n]*｜", t, re.M)]
if len(tables) < 3:
    err("only %d notices with tables" % len(tables))
if not any(re.search(r"^[^\n]*\d+—\d+[^\n]*｜", t, re.M) for t in texts.values()):
    err("no range rows in tables")
for p in PLACES:
    if p[0] not in ALLOWED_FIRST:
        err("place %s first char not allowed" % p)
    if not any(p in t for t in texts.values()):
        err("place %s not in corpus" % p)

lines = open(os.path.join(BASE, "qs.tsv"), encoding="utf-8").read().split("\n")
if lines and lines[-1] == "":
    lines = lines[:-1]
if len(lines) != 60:
    err("qs.tsv has %d lines, expected 60" % len(lines))
n_ans = n_ref = n_trad = 0
for i, line in enumerate(lines, 1):
    parts = line.split("\t")
    if len(parts) != 3:
        err("line %d: %d fields" % (i, len(parts))); continue
    q, a, f = parts
    if not q or not a or not f:
        err("line %d: empty field" % i)
    if not any(p in q for p in PLACES):
        err("line %d: question names no corpus place" % i)
    if set(q) & TRAD_CHARS:
        n_trad += 1
    if a == "REFUSE" or f == "REFUSE":
        if not (a == "REFUSE" and f == "REFUSE"):
            err("line %d: half REFUSE" % i)
        n_ref += 1
        continue
    n_ans += 1
    if f not in texts:
        err("line %d: unknown file %s" % (i, f)); continue
    for alt in a.split("|"):
        if not alt or alt not in texts[f]:
            err("line %d: answer %r not in %s" % (i, alt, f))
        if len(alt) > 20:
            err("line %d: answer %r longer than 20" % (i, alt))
if n_ans != 50: err("answerable = %d, expected 50" % n_ans)
if n_ref != 10: err("REFUSE = %d, expected 10" % n_ref)
if n_trad < 5: err("Traditional questions = %d, expected >=5" % n_trad)

alltext = "".join(texts.values()) + "\n".join(lines)
for name in FORBIDDEN:
    if name in alltext:
        err("forbidden name %s found" % name)

if errors:
    print("\n".join(errors)); print("FAIL (%d)" % len(errors)); sys.exit(1)
print("files=%d tables=%d answerable=%d refuse=%d traditional_q=%d" % (len(files), len(tables), n_ans, n_ref, n_trad))
print("OK")
