#!/usr/bin/env python3
"""Verify the probe: corpus files, qs.tsv format, answer spans, forbidden names, Traditional count."""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
QS = os.path.join(HERE, "qs.tsv")

FORBIDDEN = '东兴 内江 天济 岍宁 岣淼 岷港 岽沄 岿潾 峋瀧 峣溪 崟阳 崤原 崦滃 嵙寮 嵛琇 嵬澧 嶸港 巇嶠 并济 旸澥 旻崧 昀瀛 昉溱 昶陂 晔泷 晗嶠 暄沣 曜浉 曦漭 柘漪 栎溟 桤埤 桤岙 棠湄 棻州 椤汀 楸泖 榉埕 榉滘 樗岑 沅嶂 沩屺 泸崃 洮埕 洮嶙 浔岈 涪濑 淯岚 淯泷 湄溆 湜陵 湫垭 湫瑀 湳岫 溦琈 溧城 溱嵎 滟汀 滢舟 漳岵 漳渼 潆畈 潍陵 澐崁 澔濱 澴琦 澶屿 濉崙 玙峤 玳岨 珂渌 珈崞 珈溠 珏渑 珣峬 珣汜 珧淝 珩洧 珮嵚 珲阳 珹溪 珺岙 琛泐 琛灝 琠山 琤原 琨涑 琬湑 琮湫 琮溪 琯汧 琰南 琳峓 瑄崌 瑗岍 瑙涠 瑜嶔 瑜淏 瑢埔 瑨灃 瑭峄 瑱桐 瑶汊 瑷滠 瑾沨 璀岺 璆川 璇埕 璋潢 璎垸 璐濛 璘涔 璜桐 璞嵊 璟塘 璠汭 璠潆 璨垕 璩浍 璩淯 瓒峪 瓚漻 瓴峧 瓿溁 甄岧 甄澋 甍溦 甏垱 甑嵘 甓浥 皎岘 皑湋 皑潺 皓嵝 皓淠 皙浐 皛埏 皞沭 皤嵻 皦澪 砀浛 砚溪 砻瀼 硖峃 硖渟 碚溇 碣泺 碣瀞 磐湍 磻涘 礁垚 竑港 羿峧 翊漷 翎峁 翎瀍 翕岢 翙溟 翙阳 翚渚 翛湲 翥泠 翦垟 翦湉 翮溍 翯阳 翾平 舫崾 舫渼 舳嵫 舳瀠 舴峂 舸浈 艄澂 艋漖 艟嶧 艨浛 芃溆 苕崆 荻滹 莒崶 菀浈 萁泂 萸江 蓁埭 蔚川 蔺滉 蕤安 薏澉 賚淞 贄崙 贽澂 赆岈 赉浔 赍嵘 赑沄 赓溆 赜峤 赟岵 邗淇 邶阳 郏崦 郗渫 郛峪 郯湍 鄀阳 鄞峒 鄞漈 鄠垣 鄣圻 雯峤 雱湑 霄崌 霆埗 霈崙 霈溆 霏岚 霏嵐 霏沄 霓汭 霖岵 霽湖 青梧 駘珥 驍埔 驥寮 驷滏 驸琊 驹洹 驺崿 驻岜 驽嵋 驿潢 骀珥 骁埔 骁汶 骃湟 骅浯 骊沱 骏岑 骐岵 骢潼 骥寮 骥淞 骧渭 鰲嵫 鰻瀹 鲈漖 鲑湔 鲟埇 鲥埗 鲲澂 鲸垌 鳌嵫 鳗瀹 鵲澨 鶴塬 鸢洑 鸥滍 鸾沚 鹂崮 鹊澨 鹞埝 鹤塬 鹭潏'.split()
# a small sample of real city / county names that must not appear as place names
REAL = "北京 上海 天津 重庆 广州 深圳 杭州 南京 苏州 武汉 成都 西安 长沙 郑州 济南 青岛 大连 沈阳 长春 哈尔滨 福州 厦门 南昌 合肥 昆明 贵阳 南宁 海口 兰州 银川 西宁 拉萨 乌鲁木齐 呼和浩特 太原 石家庄 宁波 温州 无锡 佛山 东莞 珠海 汕头 中山 台北 臺北 台中 臺中 高雄 新竹 台南 臺南 桃園 基隆 嘉義 花蓮 宜蘭 屏東 苗栗 彰化 南投 雲林 台東 臺東 澎湖 金門".split()
TRAD_CHARS = set("們這個來時會說對國過還點樣讓請機關補費錢幾嗎麼當發縣區換審繳險證單號碼電話瓦斯樹頃處罰萬舊線屋齡內買賣熱實會親網縣鄉鎮採權")
SIMP_ONLY = set("们这个来时会说对国过还点样让请机关补费钱几吗么当发县区换审缴险证单号码电话处罚万旧线龄买卖热实亲网乡镇采权")

errs = []
files = sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt"))
expected = ["n%02d.txt" % i for i in range(1, 11)]
if files != expected:
    errs.append("corpus files: %r" % files)
texts = {}
for f in files:
    t = open(os.path.join(CORPUS, f), encoding="utf-8").read()
    texts[f] = t
    n = len(t)
    if not 900 <= n <= 2500:
        errs.append("%s length %d outside 900-2500" % (f, n))

lines = open(QS, encoding="utf-8").read().split("\n")
if lines and lines[-1] == "":
    lines = lines[:-1]
if len(lines) != 60:
    errs.append("qs.tsv has %d lines" % len(lines))
ans = ref = trad = 0
seen = set()
for i, line in enumerate(lines, 1):
    parts = line.split("\t")
    if len(parts) != 3 or not all(p.strip() for p in parts):
        errs.append("line %d: not 3 fields" % i)
        continue
    q, a, f = parts
    if q in seen:
        errs.append("line %d: duplicate question" % i)
    seen.add(q)
    if a == "REFUSE" or f == "REFUSE":
        if not (a == "REFUSE" and f == "REFUSE"):
            errs.append("line %d: half REFUSE" % i)
        ref += 1
        continue
    ans += 1
    if f not in texts:
        errs.append("line %d: unknown file %s" % (i, f))
        continue
    for alt in a.split("|"):
        if not alt or alt not in texts[f]:
            errs.append("line %d: span %r not in %s" % (i, alt, f))
        if len(alt) > 20:
            errs.append("line %d: span %r longer than 20 chars" % (i, alt))
    if any(c in TRAD_CHARS for c in q) and not any(c in SIMP_ONLY for c in q):
        trad += 1
if ans != 50 or ref != 10:
    errs.append("answerable=%d refuse=%d (want 50/10)" % (ans, ref))
if trad < 5:
    errs.append("only %d Traditional questions" % trad)

alltext = "\n".join(texts.values()) + "\n" + "\n".join(lines)
for name in FORBIDDEN:
    if name in alltext:
        errs.append("forbidden place name %s found" % name)
for name in REAL:
    if name in alltext:
        errs.append("real city name %s found" % name)

if errs:
    print("\n".join(errs))
    sys.exit(1)
print("answerable=%d refuse=%d traditional_questions=%d" % (ans, ref, trad))
print("OK")
