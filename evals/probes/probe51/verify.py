#!/usr/bin/env python3
"""Verify probe51: corpus + qs.tsv consistency checks (stdlib only)."""
import os, re, sys

BASE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(BASE, "corpus")
QS = os.path.join(BASE, "qs.tsv")

FORBIDDEN = """东兴 内江 天济 岍宁 岣淼 岷港 岽沄 岿潾 峋瀧 峣溪 崟阳 崤原 崦滃 嵙寮 嵛琇 嵬澧 嶸港 巇嶠 并济 旸澥 旻崧 昀瀛 昉溱 昶陂 晔泷 晗嶠 暄沣 曜浉 曦漭 柘漪 栎溟 桤埤 桤岙 棠湄 棻州 椤汀 楸泖 榉埕 榉滘 樗岑 沅嶂 沩屺 泸崃 洮埕 洮嶙 浔岈 涪濑 淯岚 淯泷 湄溆 湜陵 湫垭 湫瑀 湳岫 溦琈 溧城 溱嵎 滟汀 滢舟 漳岵 漳渼 潆畈 潍陵 澐崁 澔濱 澴琦 澶屿 濉崙 玙峤 玳岨 珂渌 珈崞 珈溠 珏渑 珣峬 珣汜 珧淝 珩洧 珮嵚 珲阳 珹溪 珺岙 琛泐 琛灝 琠山 琤原 琨涑 琬湑 琮湫 琮溪 琯汧 琰南 琳峓 瑄崌 瑜嶔 瑜淏 瑢埔 瑨灃 瑭峄 瑱桐 瑾沨 璀岺 璆川 璘涔 璜桐 璞嵊 璟塘 璠汭 璠潆 璨垕 璩浍 璩淯 瓒峪 瓚漻 瓴峧 瓿溁 甄岧 甄澋 甍溦 甏垱 甑嵘 甓浥 皎岘 皑湋 皑潺 皓嵝 皓淠 皙浐 皛埏 皞沭 皤嵻 皦澪 砀浛 砚溪 砻瀼 硖峃 硖渟 碚溇 碣泺 碣瀞 磐湍 磻涘 礁垚 竑港 羿峧 翊漷 翎峁 翎瀍 翕岢 翙溟 翙阳 翚渚 翛湲 翥泠 翦垟 翦湉 翮溍 翯阳 翾平 芃溆 苕崆 荻滹 莒崶 菀浈 萁泂 萸江 蓁埭 蔚川 蔺滉 蕤安 薏澉 邗淇 邶阳 郏崦 郗渫 郛峪 郯湍 鄀阳 鄞峒 鄞漈 鄠垣 鄣圻 雯峤 雱湑 霄崌 霆埗 霈崙 霈溆 霏岚 霏嵐 霏沄 霓汭 霖岵 霽湖 青梧 驍埔 驥寮 骁埔 骁汶 骃湟 骅浯 骊沱 骏岑 骐岵 骢潼 骥寮 骥淞 骧渭 鰲嵫 鰻瀹 鲈漖 鲑湔 鲟埇 鲥埗 鲲澂 鲸垌 鳌嵫 鳗瀹 鵲澨 鶴塬 鸢洑 鸥滍 鸾沚 鹂崮 鹊澨 鹞埝 鹤塬 鹭潏""".split()
REAL_CITIES = "北京 上海 天津 重庆 广州 深圳 杭州 南京 苏州 成都 武汉 西安 长沙 郑州 济南 青岛 沈阳 大连 厦门 福州 合肥 南昌 昆明 贵阳 南宁 海口 兰州 银川 西宁 拉萨 乌鲁木齐 呼和浩特 太原 石家庄 哈尔滨 长春 宁波 无锡 常德 宝鸡 台北 臺北 台中 臺中 高雄 台南 臺南 新竹 苗栗 嘉义 嘉義 桃园 桃園".split()
# characters that exist only in Traditional script (not used in Simplified text)
TRAD_ONLY = set("賚贄崙縣們這個領額補幾話電時麼為請問證書審機資張與實報過經際獎勵錢臺認術業獲規頭筆續單區們發約們議參覽難當從號寄館傳貼費務處")

errors = []
def err(m):
    errors.append(m)

files = sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt"))
expected = ["n%02d.txt" % i for i in range(1, 11)]
if files != expected:
    err("corpus files: %r (expected %r)" % (files, expected))
texts = {}
for f in files:
    with open(os.path.join(CORPUS, f), encoding="utf-8") as fh:
        t = fh.read()
    texts[f] = t
    n = len(re.sub(r"\s", "", t))
    if not (900 <= n <= 2500):
        err("%s: %d non-space characters (need 900-2500)" % (f, n))

with open(QS, encoding="utf-8") as fh:
    lines = fh.read().rstrip("\n").split("\n")
if len(lines) != 60:
    err("qs.tsv has %d lines (need 60)" % len(lines))
answerable = refuse = trad = 0
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
        trad += 1
    if a == "REFUSE" or f == "REFUSE":
        if not (a == "REFUSE" and f == "REFUSE"):
            err("line %d: REFUSE must be in both answer and file" % i)
        refuse += 1
        continue
    answerable += 1
    if f not in texts:
        err("line %d: unknown file %s" % (i, f))
        continue
    for alt in a.split("|"):
        if not alt:
            err("line %d: empty alternative" % i)
        elif alt not in texts[f]:
            err("line %d: answer %r not found verbatim in %s" % (i, alt, f))
        elif len(alt) > 30:
            err("line %d: answer %r too long" % (i, alt))
if answerable != 50:
    err("answerable = %d (need 50)" % answerable)
if refuse != 10:
    err("REFUSE = %d (need 10)" % refuse)
if trad < 5:
    err("Traditional questions = %d (need 5+)" % trad)

alltext = "\n".join(texts.values()) + "\n" + "\n".join(lines)
for name in FORBIDDEN + REAL_CITIES:
    if name in alltext:
        err("forbidden/real place name found: %s" % name)

if errors:
    for e in errors:
        print("ERROR:", e)
    sys.exit(1)
print("OK: %d notices, %d questions (%d answerable, %d REFUSE, %d Traditional)"
      % (len(files), len(lines), answerable, refuse, trad))
