#!/usr/bin/env python3
"""Verify the probe: corpus/n01..n10.txt and qs.tsv (question<TAB>answer<TAB>file)."""
import os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
QS = os.path.join(HERE, "qs.tsv")

FORBIDDEN = """澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼 琯汧 璠潆 璘涔 瑄崌 瑨灃 璩浍 琬湑 瑭峄 璠汭 璩淯 淯岚 沩屺 滟汀 溱嵎 潆畈 澴琦 湫垭 淯泷 溦琈 湫瑀 郗渫 鄠垣 郛峪 郯湍 鄞漈 邗淇 鄣圻 郏崦 鄞峒 硖渟 碚溇 砀浛 碣泺 磐湍 砻瀼 硖峃 礁垚 磻涘 碣瀞 岽沄 岿潾 岣淼 嵛琇 峋瀧 崦滃 巇嶠 嵬澧 翊漷 翎峁 翥泠 翕岢 翮溍 翦垟 羿峧 翛湲 翎瀍 翦湉 旸澥 昉溱 晔泷 晗嶠 曜浉 昀瀛 暄沣 曦漭 苕崆 荻滹 莒崶 菀浈 萁泂 蓁埭 蔺滉 薏澉 鸾沚 鹭潏 鹤塬 鶴塬 鸥滍 鹊澨 鵲澨 鹂崮 鸢洑 鹞埝 鰲嵫 鳌嵫 鰻瀹 鳗瀹 鲈漖 鲑湔 鲟埇 鲥埗 鲲澂 鲸垌 骅浯 骐岵 驍埔 骁埔 骊沱 骏岑 骢潼 骥淞 骧渭 驥寮 骥寮 骁汶 雯峤 霏沄 霖岵 霓汭 霆埗 霈溆 霄崌 雱湑 霏嵐 霏岚 霈崙 霈崙 皓淠 皑潺 皎岘 皙浐 皛埏 皞沭 皓嵝 皑湋 皤嵻 皦澪 甄澋 瓴峧 瓿溁 甏垱 甍溦 甑嵘 甓浥 瓒峪 甄岧 瓚漻 琨涑 瑾沨 璞嵊 璨垕 璀岺 琳峓 琛泐 瑜淏 琛灝 瑜嶔 珂渌 珈崞 珩洧 珮嵚 珣汜 珧淝 玳岨 珏渑 珈溠 珣峬 舫崾 舫渼 舳嵫 舳瀠 舴峂 舸浈 艄澂 艋漖 艟嶧 艨浛 賚淞 贄崙 贽澂 赆岈 赉浔 赍嵘 赑沄 赓溆 赜峤 赟岵 瑶汊 璐濛 瑷滠 璇埕 璎垸 瑗岍 瑙涠 璋潢 驿潢 驺崿 驽嵋 驷滏 驹洹 駘珥 骀珥 驻岜 驸琊 钰淜 铂岯 铮溎 錚溎 铎瀺 铖峘 铠洇 铨峮 銓峮 铧嶅 桉溆 梓沄 楠埕 榕岙 椿泷 楝淇 槿峄 槿嶧 楹潾 鹇漋 鹉湋 鹌峃 鹑泖 鶚屺 鹗屺 鹖沇 鹘涘 鶖瀔 鹙瀔 杉沩 桦浍 檀嵎 柏涔 楷灃 楷沣 栩滘 楣淼 桧汭 骒浠 骓涞 骕嵩 驂洵 骖洵 鹧洺 鹪峪 鷦湳 鹨崧 鹩潕 鷯埔""".split()
# a sample of real Chinese city / county names that must not appear
REAL = """北京 上海 天津 重庆 广州 深圳 杭州 南京 苏州 武汉 成都 西安 长沙 郑州 济南 青岛 沈阳 大连 哈尔滨
长春 石家庄 太原 合肥 南昌 福州 厦门 昆明 贵阳 南宁 海口 兰州 西宁 银川 乌鲁木齐 拉萨 呼和浩特 宁波 无锡
佛山 东莞 温州 绍兴 嘉兴 台州 金华 常州 徐州 扬州 洛阳 桂林 珠海 中山 汕头 惠州 台北 新北 桃园 台中 台南
高雄 基隆 新竹 嘉义 苗栗 彰化 南投 云林 屏东 宜兰 花莲 台东 澎湖 臺北 臺中 臺南 臺東 雲林""".split()
PLACE_FIRST = set("骘骛骜骝骠骟骣骦")
# characters that only occur in Traditional script (common ones)
TRAD = set("縣臺請補幾錢個們區為與會電話時間門開關長體費資額車書證戶歲數條種當從應對說過還發經辦單處勞業訓練設輔導這裡貸最礙創務員機構議點醫療給專線撥");

errs = []
def err(m): errs.append(m)

files = sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt"))
want = ["n%02d.txt" % i for i in range(1, 11)]
if files != want:
    err("corpus files: %r" % files)
texts = {}
for f in files:
    t = open(os.path.join(CORPUS, f), encoding="utf-8").read()
    texts[f] = t
    n = len(t)
    if not 900 <= n <= 2500:
        err("%s length %d not in 900-2500" % (f, n))
n_table = sum(1 for t in texts.values() if sum(1 for l in t.splitlines() if l.count("｜") >= 1 or "\t" in l) >= 3)
if n_table < 3:
    err("only %d notices with tables" % n_table)
trad_files = [f for f, t in texts.items() if sum(c in TRAD for c in t) > 30]
if len(trad_files) != 2:
    err("traditional notices: %r (want 2)" % trad_files)

lines = open(QS, encoding="utf-8").read().split("\n")
if lines and lines[-1] == "":
    lines = lines[:-1]
if len(lines) != 60:
    err("qs.tsv has %d lines" % len(lines))
n_ans = n_ref = n_trad = 0
seenq = set()
for i, line in enumerate(lines, 1):
    parts = line.split("\t")
    if len(parts) != 3:
        err("line %d: %d fields" % (i, len(parts))); continue
    q, a, f = parts
    if not q.strip() or q in seenq:
        err("line %d: empty/duplicate question" % i)
    seenq.add(q)
    if not any(c in PLACE_FIRST for c in q):
        err("line %d: question names no place" % i)
    if a == "REFUSE" or f == "REFUSE":
        if not (a == "REFUSE" and f == "REFUSE"):
            err("line %d: REFUSE must be in both answer and file" % i)
        n_ref += 1
        continue
    n_ans += 1
    if f not in texts:
        err("line %d: unknown file %s" % (i, f)); continue
    for alt in a.split("|"):
        if not alt:
            err("line %d: empty alternative" % i)
        elif alt not in texts[f]:
            err("line %d: %r not in %s" % (i, alt, f))
        elif len(alt) > 40:
            err("line %d: answer too long" % i)
    if sum(c in TRAD for c in q) >= 2:
        n_trad += 1
        if f not in trad_files:
            err("line %d: traditional question on simplified notice" % i)
if n_ans != 50 or n_ref != 10:
    err("answerable %d / refuse %d (want 50/10)" % (n_ans, n_ref))
if n_trad < 5:
    err("only %d traditional answerable questions" % n_trad)

alltext = "\n".join(texts.values()) + "\n" + "\n".join(lines)
for name in FORBIDDEN + REAL:
    if name in alltext:
        err("forbidden/real place name %r occurs" % name)
# every invented place (2 chars before 市/区/县/縣) must start with an allowed char
for m in re.finditer(r"(.)(.)(?:市|区|县|縣|區)", alltext):
    if m.group(1) in PLACE_FIRST or m.group(2) in PLACE_FIRST:
        if m.group(1) not in PLACE_FIRST:
            err("bad place name %r" % m.group(0))

if errs:
    print("\n".join(errs)); print("FAIL (%d problems)" % len(errs)); sys.exit(1)
print("OK: 10 notices (%d with tables, traditional %s), 60 questions (%d answerable, %d REFUSE, %d traditional)"
      % (n_table, ",".join(trad_files), n_ans, n_ref, n_trad))
