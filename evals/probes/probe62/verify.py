#!/usr/bin/env python3
"""Verify probe62: corpus + qs.tsv consistency (stdlib only)."""
import os, sys, re

D = os.path.dirname(os.path.abspath(__file__))
C = os.path.join(D, "corpus")
errs = []

FORBIDDEN = """东兴 内江 天济 岍宁 岣淼 岷港 岽沄 岿潾 峋瀧 峣溪 崟阳 崤原 崦滃 嵙寮 嵛琇 嵬澧 嶸港 巇嶠 并济 旸澥 旻崧 昀瀛 昉溱 昶陂 晔泷 晗嶠 暄沣 曜浉 曦漭 杉沩 柏涔 柘漪 栎溟 栩滘 桉溆 桤埤 桤岙 桦浍 桧汭 梓沄 棠湄 棻州 椤汀 椿泷 楝淇 楠埕 楣淼 楷沣 楷灃 楸泖 楹潾 榉埕 榉滘 榕岙 槿峄 槿嶧 樗岑 檀嵎 沅嶂 沩屺 泸崃 洮埕 洮嶙 浔岈 涪濑 淯岚 淯泷 湄溆 湜陵 湫垭 湫瑀 湳岫 溦琈 溧城 溱嵎 滟汀 滢舟 漳岵 漳渼 潆畈 潍陵 澐崁 澔濱 澴琦 澶屿 濉崙 玙峤 玳岨 珂渌 珈崞 珈溠 珏渑 珣峬 珣汜 珧淝 珩洧 珮嵚 珲阳 珹溪 珺岙 琛泐 琛灝 琠山 琤原 琨涑 琬湑 琮湫 琮溪 琯汧 琰南 琳峓 瑄崌 瑗岍 瑙涠 瑜嶔 瑜淏 瑢埔 瑨灃 瑭峄 瑱桐 瑶汊 瑷滠 瑾沨 璀岺 璆川 璇埕 璋潢 璎垸 璐濛 璘涔 璜桐 璞嵊 璟塘 璠汭 璠潆 璨垕 璩浍 璩淯 瓒峪 瓚漻 瓴峧 瓿溁 甄岧 甄澋 甍溦 甏垱 甑嵘 甓浥 皎岘 皑湋 皑潺 皓嵝 皓淠 皙浐 皛埏 皞沭 皤嵻 皦澪 砀浛 砚溪 砻瀼 硖峃 硖渟 碚溇 碣泺 碣瀞 磐湍 磻涘 礁垚 竑港 羿峧 翊漷 翎峁 翎瀍 翕岢 翙溟 翙阳 翚渚 翛湲 翥泠 翦垟 翦湉 翮溍 翯阳 翾平 舫崾 舫渼 舳嵫 舳瀠 舴峂 舸浈 艄澂 艋漖 艟嶧 艨浛 芃溆 苕崆 荻滹 莒崶 菀浈 萁泂 萸江 蓁埭 蔚川 蔺滉 蕤安 薏澉 賚淞 贄崙 贽澂 赆岈 赉浔 赍嵘 赑沄 赓溆 赜峤 赟岵 邗淇 邶阳 郏崦 郗渫 郛峪 郯湍 鄀阳 鄞峒 鄞漈 鄠垣 鄣圻 銓峮 錚溎 钰淜 铂岯 铎瀺 铖峘 铠洇 铧嶅 铨峮 铮溎 雯峤 雱湑 霄崌 霆埗 霈崙 霈溆 霏岚 霏嵐 霏沄 霓汭 霖岵 霽湖 青梧 駘珥 驂洵 驍埔 驥寮 驷滏 驸琊 驹洹 驺崿 驻岜 驽嵋 驿潢 骀珥 骁埔 骁汶 骃湟 骅浯 骊沱 骏岑 骐岵 骒浠 骓涞 骕嵩 骖洵 骢潼 骥寮 骥淞 骧渭 鰲嵫 鰻瀹 鲈漖 鲑湔 鲟埇 鲥埗 鲲澂 鲸垌 鳌嵫 鳗瀹 鵲澨 鶖瀔 鶚屺 鶴塬 鷦湳 鷯埔 鸢洑 鸥滍 鸾沚 鹂崮 鹇漋 鹉湋 鹊澨 鹌峃 鹑泖 鹖沇 鹗屺 鹘涘 鹙瀔 鹞埝 鹤塬 鹧洺 鹨崧 鹩潕 鹪峪 鹭潏""".split()

# characters that only occur in Traditional script (common ones)
TRAD = set("縣臺個嗎錢後繳攤獎請們這農領給還夠撥發處條車電話區時間開關單點會辦為與業務規範證歲協議並從應對無備費業鄉鎮課戶謄簿書達經營檢場長與實應續約廢違罰鍰燈號樓禮堂籤攤視聯絡養貼補劃類飲遊戲貨衛觀")
SIMP_ONLY = set("县台个吗钱后缴摊奖请们这农领给还够拨发处条车电话区时间开关单点会办为与业务规范证岁协议并从应对无备费乡镇课户誊簿书达经营检场长实续约废违罚锾灯号楼礼堂签视联络养贴补划类饮游戏货卫观")

def is_trad(s):
    t = sum(c in TRAD for c in s); z = sum(c in SIMP_ONLY for c in s)
    return t > z

ALLOWED_FIRST = set("鹬鹮鹫鹰鹡鹣鹦鹳鷸䴉鷲鷹鶺鶼鸚鸛")
PLACES = ["鹬泫市", "鹮峦县", "鹫嵯市", "鹡濞县", "鷹汐縣", "鹣洙区", "鹦涫区", "鹳岖市", "鹮埒市", "鸛崡市"]
REAL = ["北京", "上海", "天津", "重庆", "广州", "深圳", "杭州", "南京", "成都", "武汉", "西安", "长沙", "郑州",
        "济南", "青岛", "苏州", "太原", "沈阳", "昆明", "福州", "厦门", "合肥", "南昌", "贵阳", "兰州",
        "臺北", "台北", "臺中", "台中", "高雄", "臺南", "台南", "新竹", "桃園", "嘉義", "花蓮", "宜蘭"]

files = ["n%02d.txt" % i for i in range(1, 11)]
present = sorted(f for f in os.listdir(C) if f.endswith(".txt"))
if present != files:
    errs.append("corpus files: %r" % present)
texts = {}
for f in files:
    p = os.path.join(C, f)
    if not os.path.exists(p):
        continue
    t = open(p, encoding="utf-8").read()
    texts[f] = t
    n = len(t)
    if not 900 <= n <= 2500:
        errs.append("%s length %d" % (f, n))
trad_files = [f for f, t in texts.items() if is_trad(t)]
if len(trad_files) != 2:
    errs.append("traditional notices: %r" % trad_files)
tables = [f for f, t in texts.items() if sum(1 for l in t.splitlines() if l.count("｜") >= 1 or l.count("\t") >= 1) >= 3]
if len(tables) < 3:
    errs.append("notices with tables: %r" % tables)
if not any(re.search(r"\d+[—-]\d+[^｜\n]*｜", t) for t in texts.values()):
    errs.append("no range rows in tables")
for pl in PLACES:
    if pl[0] not in ALLOWED_FIRST:
        errs.append("place first char " + pl)
    if not any(pl in t for t in texts.values()):
        errs.append("place not used " + pl)

lines = open(os.path.join(D, "qs.tsv"), encoding="utf-8").read().split("\n")
if lines and lines[-1] == "":
    lines = lines[:-1]
if len(lines) != 60:
    errs.append("qs lines %d" % len(lines))
ans = ref = tq = 0
qs = set()
for k, l in enumerate(lines, 1):
    parts = l.split("\t")
    if len(parts) != 3:
        errs.append("line %d fields %d" % (k, len(parts))); continue
    q, a, f = parts
    if q in qs:
        errs.append("dup question %d" % k)
    qs.add(q)
    if a == "REFUSE" or f == "REFUSE":
        if not (a == "REFUSE" and f == "REFUSE"):
            errs.append("line %d half REFUSE" % k)
        ref += 1
        if not any(pl in q or pl[:2] in q for pl in PLACES) and not any(
                x in q for x in ["鹰汐", "鹳崡"]):
            errs.append("line %d REFUSE names no corpus place" % k)
        if is_trad(q):
            tq += 1
        continue
    ans += 1
    if f not in texts:
        errs.append("line %d bad file %s" % (k, f)); continue
    for alt in a.split("|"):
        if not alt or alt not in texts[f]:
            errs.append("line %d answer %r not in %s" % (k, alt, f))
        if len(alt) > 20:
            errs.append("line %d answer too long %r" % (k, alt))
    if is_trad(q):
        tq += 1
        if f not in trad_files:
            errs.append("line %d traditional question on simplified notice" % k)
if ans != 50 or ref != 10:
    errs.append("answerable %d refuse %d" % (ans, ref))
if tq < 5:
    errs.append("traditional questions %d" % tq)

alltext = "\n".join(texts.values()) + "\n" + "\n".join(lines)
for n in FORBIDDEN:
    if n in alltext:
        errs.append("forbidden name " + n)
for n in REAL:
    if n in alltext:
        errs.append("real city name " + n)

if errs:
    print("\n".join(errs)); sys.exit(1)
print("OK: 10 notices (trad: %s), tables in %s, 60 questions (%d answerable, %d REFUSE, %d Traditional)"
      % (",".join(trad_files), ",".join(tables), ans, ref, tq))
