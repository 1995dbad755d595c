#!/usr/bin/env python3
"""Checks the probe: corpus files, qs.tsv format, answer spans, forbidden names, Traditional questions."""
import os, sys

DIR = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(DIR, "corpus")
FORBIDDEN = """澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼 琯汧 璠潆 璘涔 瑄崌 瑨灃 璩浍 琬湑 瑭峄 璠汭 璩淯 淯岚 沩屺 滟汀 溱嵎 潆畈 澴琦 湫垭 淯泷 溦琈 湫瑀 郗渫 鄠垣 郛峪 郯湍 鄞漈 邗淇 鄣圻 郏崦 鄞峒 硖渟 碚溇 砀浛 碣泺 磐湍 砻瀼 硖峃 礁垚 磻涘 碣瀞 岽沄 岿潾 岣淼 嵛琇 峋瀧 崦滃 巇嶠 嵬澧 翊漷 翎峁 翥泠 翕岢 翮溍 翦垟 羿峧 翛湲 翎瀍 翦湉 旸澥 昉溱 晔泷 晗嶠 曜浉 昀瀛 暄沣 曦漭 苕崆 荻滹 莒崶 菀浈 萁泂 蓁埭 蔺滉 薏澉 鸾沚 鹭潏 鹤塬 鶴塬 鸥滍 鹊澨 鵲澨 鹂崮 鸢洑 鹞埝 鰲嵫 鳌嵫 鰻瀹 鳗瀹 鲈漖 鲑湔 鲟埇 鲥埗 鲲澂 鲸垌 骅浯 骐岵 驍埔 骁埔 骊沱 骏岑 骢潼 骥淞 骧渭 驥寮 骥寮 骁汶 雯峤 霏沄 霖岵 霓汭 霆埗 霈溆 霄崌 雱湑 霏嵐 霏岚 霈崙 霈崙""".split()
# characters that only occur in Traditional script (not used in Simplified)
TRAD = set("們個這麼簽醫師幾補貼縣臺錢請問時間費額會還對創業貸歲審達補機關區衛嗎麼裡來評鑑證書寫過該給領營養")
errors = []

files = sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt"))
expected = ["n%02d.txt" % i for i in range(1, 11)]
if files != expected:
    errors.append("corpus files %r != %r" % (files, expected))
texts = {}
for f in files:
    t = open(os.path.join(CORPUS, f), encoding="utf-8").read()
    texts[f] = t
    n = len("".join(t.split()))
    if not (900 <= n <= 2500):
        errors.append("%s length %d (non-space chars) outside 900-2500" % (f, n))
    for name in FORBIDDEN:
        if name in t:
            errors.append("forbidden name %s in %s" % (name, f))
tables = sum(1 for t in texts.values() if any(("｜" in l or "\t" in l) for l in t.splitlines()))
if tables < 3:
    errors.append("only %d notices with tables" % tables)

lines = open(os.path.join(DIR, "qs.tsv"), encoding="utf-8").read().split("\n")
if lines and lines[-1] == "":
    lines = lines[:-1]
if len(lines) != 60:
    errors.append("qs.tsv has %d lines, expected 60" % len(lines))
ans = ref = trad = 0
for i, line in enumerate(lines, 1):
    parts = line.split("\t")
    if len(parts) != 3:
        errors.append("line %d: %d fields" % (i, len(parts)))
        continue
    q, a, f = parts
    if not q.strip() or not a.strip():
        errors.append("line %d: empty field" % i)
    for name in FORBIDDEN:
        if name in q:
            errors.append("line %d: forbidden name %s in question" % (i, name))
    is_trad = any(c in TRAD for c in q)
    if a == "REFUSE":
        if f != "REFUSE":
            errors.append("line %d: REFUSE answer but file %s" % (i, f))
        ref += 1
        continue
    ans += 1
    if is_trad:
        trad += 1
    if f not in texts:
        errors.append("line %d: unknown file %s" % (i, f))
        continue
    for alt in a.split("|"):
        if not alt or alt not in texts[f]:
            errors.append("line %d: answer %r not found in %s" % (i, alt, f))
        if len(alt) > 20:
            errors.append("line %d: answer %r longer than 20 chars" % (i, alt))
if ans != 50 or ref != 10:
    errors.append("answerable %d / REFUSE %d (expected 50/10)" % (ans, ref))
if trad < 5:
    errors.append("only %d answerable Traditional questions" % trad)

if errors:
    print("\n".join(errors))
    sys.exit(1)
print("OK: 10 files, %d notices with tables, 60 lines (%d answerable, %d REFUSE), %d answerable Traditional questions" % (tables, ans, ref, trad))
