#!/usr/bin/env python3
"""Checks the probe: corpus/n01..n10.txt and qs.tsv (question<TAB>answer<TAB>file)."""
import os, sys, re

DIR = os.path.dirname(os.path.abspath(__file__))
FORBIDDEN = """澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼 琯汧 璠潆 璘涔 瑄崌 瑨灃 璩浍 琬湑 瑭峄 璠汭 璩淯 淯岚 沩屺 滟汀 溱嵎 潆畈 澴琦 湫垭 淯泷 溦琈 湫瑀 郗渫 鄠垣 郛峪 郯湍 鄞漈 邗淇 鄣圻 郏崦 鄞峒 硖渟 碚溇 砀浛 碣泺 磐湍 砻瀼 硖峃 礁垚 磻涘 碣瀞 岽沄 岿潾 岣淼 嵛琇 峋瀧 崦滃 巇嶠 嵬澧 翊漷 翎峁 翥泠 翕岢 翮溍 翦垟 羿峧 翛湲 翎瀍 翦湉 旸澥 昉溱 晔泷 晗嶠 曜浉 昀瀛 暄沣 曦漭 苕崆 荻滹 莒崶 菀浈 萁泂 蓁埭 蔺滉 薏澉 鸾沚 鹭潏 鹤塬 鶴塬 鸥滍 鹊澨 鵲澨 鹂崮 鸢洑 鹞埝 鰲嵫 鳌嵫 鰻瀹 鳗瀹 鲈漖 鲑湔 鲟埇 鲥埗 鲲澂 鲸垌 骅浯 骐岵 驍埔 骁埔 骊沱 骏岑 骢潼 骥淞 骧渭 驥寮 骥寮 骁汶 雯峤 霏沄 霖岵 霓汭 霆埗 霈溆 霄崌 雱湑 霏嵐 霏岚 霈崙 霈崙 皓淠 皑潺 皎岘 皙浐 皛埏 皞沭 皓嵝 皑湋 皤嵻 皦澪 甄澋 瓴峧 瓿溁 甏垱 甍溦 甑嵘 甓浥 瓒峪 甄岧 瓚漻 琨涑 瑾沨 璞嵊 璨垕 璀岺 琳峓 琛泐 瑜淏 琛灝 瑜嶔 珂渌 珈崞 珩洧 珮嵚 珣汜 珧淝 玳岨 珏渑 珈溠 珣峬 舫崾 舫渼 舳嵫 舳瀠 舴峂 舸浈 艄澂 艋漖 艟嶧 艨浛 賚淞 贄崙 贽澂 赆岈 赉浔 赍嵘 赑沄 赓溆 赜峤 赟岵""".split()
REAL_CITIES = "北京 上海 天津 重庆 广州 深圳 杭州 南京 成都 武汉 西安 长沙 郑州 济南 沈阳 哈尔滨 昆明 贵阳 南宁 福州 厦门 合肥 南昌 太原 石家庄 兰州 西宁 银川 拉萨 乌鲁木齐 呼和浩特 海口 台北 臺北 新竹 台中 臺中 高雄 台南 臺南 南投 苗栗 宜兰 宜蘭 花莲 花蓮 台东 臺東 屏东 屏東 嘉义 嘉義 彰化 云林 雲林 桃园 桃園 基隆".split()
# characters that exist only in Traditional script (common ones)
TRAD = set("縣臺幾錢請與書機關長點車費歲屆區廣設許證習處將發號於條項務舊擬補貼應據審裡這們說麼還麼會無為從個問題對時間達經過開閉訂約錄續歷業權稅規範辦數額學資報單導鄉鎮遺損撥內訪記讀給鐘線陪讓遷們歡銷證張頭聯絡電話屬紀買賣層樓樹簽標準須檢齊驗離災")
errors = []

def err(m):
    errors.append(m)

corpus = os.path.join(DIR, "corpus")
expected = ["n%02d.txt" % i for i in range(1, 11)]
files = sorted(f for f in os.listdir(corpus) if f.endswith(".txt"))
if files != expected:
    err("corpus files are %r, expected n01..n10.txt" % files)
texts = {}
for f in expected:
    p = os.path.join(corpus, f)
    if not os.path.exists(p):
        continue
    t = open(p, encoding="utf-8").read()
    texts[f] = t
    n = len(t)
    if not 900 <= n <= 2500:
        err("%s has %d chars (need 900-2500)" % (f, n))

def is_trad(s, k=2):
    return sum(1 for c in s if c in TRAD) >= k

trad_files = [f for f, t in texts.items() if is_trad(t, 30)]
if len(trad_files) != 2:
    err("expected 2 Traditional notices, found %r" % trad_files)
tables = [f for f, t in texts.items() if sum(1 for l in t.splitlines() if l.count("\uff5c") >= 2 or l.count("\t") >= 2) >= 3]
if len(tables) < 3:
    err("need >=3 notices with tables, found %r" % tables)

lines = open(os.path.join(DIR, "qs.tsv"), encoding="utf-8").read().split("\n")
if lines and lines[-1] == "":
    lines = lines[:-1]
if len(lines) != 60:
    err("qs.tsv has %d lines, expected 60" % len(lines))
ans = ref = trad_q = 0
seen = set()
for i, l in enumerate(lines, 1):
    parts = l.split("\t")
    if len(parts) != 3 or not all(p.strip() for p in parts):
        err("line %d: need 3 non-empty fields: %r" % (i, l))
        continue
    q, a, f = parts
    if q in seen:
        err("line %d: duplicate question" % i)
    seen.add(q)
    if a == "REFUSE" or f == "REFUSE":
        if not (a == "REFUSE" and f == "REFUSE"):
            err("line %d: REFUSE must be in both answer and file" % i)
        ref += 1
        continue
    ans += 1
    if f not in texts:
        err("line %d: unknown file %s" % (i, f))
        continue
    for alt in a.split("|"):
        if not alt or alt not in texts[f]:
            err("line %d: answer %r not found verbatim in %s" % (i, alt, f))
        if len(alt) > 20:
            err("line %d: answer span %r longer than 20 chars" % (i, alt))
    if is_trad(q) and f in trad_files:
        trad_q += 1
if ans != 50:
    err("answerable questions: %d, expected 50" % ans)
if ref != 10:
    err("REFUSE questions: %d, expected 10" % ref)
if trad_q < 5:
    err("Traditional questions about Traditional notices: %d, expected >=5" % trad_q)

alltext = "\n".join(texts.values()) + "\n" + "\n".join(lines)
for nm in FORBIDDEN:
    if nm in alltext:
        err("forbidden place name %s used" % nm)
for nm in REAL_CITIES:
    if nm in alltext:
        err("real city name %s used" % nm)

if errors:
    print("\n".join(errors))
    print("FAIL (%d problems)" % len(errors))
    sys.exit(1)
print("files=10 lines=60 answerable=%d refuse=%d trad_questions=%d tables=%s trad_notices=%s" % (ans, ref, trad_q, ",".join(tables), ",".join(trad_files)))
print("OK")
