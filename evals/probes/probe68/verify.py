#!/usr/bin/env python3
"""Check the p68 probe: corpus files, qs.tsv format, answer spans, forbidden names."""
import os, re, sys

BASE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(BASE, "corpus")
QS = os.path.join(BASE, "qs.tsv")

FORBIDDEN = """东兴 内江 天济 岍宁 岣淼 岷港 岽沄 岿潾 峋瀧 峣溪 崟阳 崤原 崦滃 嵙寮 嵛琇 嵬澧 嶸港 巇嶠 并济 旸澥 旻崧 昀瀛 昉溱 昶陂 晔泷 晗嶠 暄沣 曜浉 曦漭 杉沩 柏涔 柘漪 栎溟 栩滘 桉溆 桤埤 桤岙 桦浍 桧汭 梓沄 棠湄 棻州 椤汀 椿泷 楝淇 楠埕 楣淼 楷沣 楷灃 楸泖 楹潾 榉埕 榉滘 榕岙 槿峄 槿嶧 樗岑 檀嵎 沅嶂 沩屺 泸崃 洮埕 洮嶙 浔岈 涪濑 淯岚 淯泷 湄溆 湜陵 湫垭 湫瑀 湳岫 溦琈 溧城 溱嵎 滟汀 滢舟 漳岵 漳渼 潆畈 潍陵 澐崁 澔濱 澴琦 澶屿 濉崙 玙峤 玳岨 珂渌 珈崞 珈溠 珏渑 珣峬 珣汜 珧淝 珩洧 珮嵚 珲阳 珹溪 珺岙 琛泐 琛灝 琠山 琤原 琨涑 琬湑 琮湫 琮溪 琯汧 琰南 琳峓 瑄崌 瑗岍 瑙涠 瑜嶔 瑜淏 瑢埔 瑨灃 瑭峄 瑱桐 瑶汊 瑷滠 瑾沨 璀岺 璆川 璇埕 璋潢 璎垸 璐濛 璘涔 璜桐 璞嵊 璟塘 璠汭 璠潆 璨垕 璩浍 璩淯 瓒峪 瓚漻 瓴峧 瓿溁 甄岧 甄澋 甍溦 甏垱 甑嵘 甓浥 皎岘 皑湋 皑潺 皓嵝 皓淠 皙浐 皛埏 皞沭 皤嵻 皦澪 砀浛 砚溪 砻瀼 硖峃 硖渟 碚溇 碣泺 碣瀞 磐湍 磻涘 礁垚 竑港 絎溟 綰溪 縝沘 縹湟 绗溟 绛浯 绡泖 绶磡 绺沄 绻岚 绾湟 绾溪 缁澴 缃塍 缃岑 缇嵫 缗浰 缙岠 缛湑 缜沘 缟峒 缥湟 羿峧 翊漷 翎峁 翎瀍 翕岢 翙溟 翙阳 翚渚 翛湲 翥泠 翦垟 翦湉 翮溍 翯阳 翾平 舫崾 舫渼 舳嵫 舳瀠 舴峂 舸浈 艄澂 艋漖 艟嶧 艨浛 芃溆 苕崆 荻滹 莒崶 菀浈 萁泂 萸江 蓁埭 蔚川 蔺滉 蕤安 薏澉 蘅峿 蘖岏 蘘涴 蘩埼 蘼浰 賚淞 贄崙 贽澂 赆岈 赉浔 赍嵘 赑沄 赓溆 赜峤 赟岵 邗淇 邶阳 郏崦 郗渫 郛峪 郯湍 鄀阳 鄞峒 鄞漈 鄠垣 鄣圻 銓峮 錚溎 钰淜 铂岯 铎瀺 铖峘 铠洇 铧嶅 铨峮 铮溎 雯峤 雱湑 霄崌 霆埗 霈崙 霈溆 霏岚 霏嵐 霏沄 霓汭 霖岵 霽湖 青梧 駘珥 驂洵 驍埔 驏嶒 驥寮 驦潓 驷滏 驸琊 驹洹 驺崿 驻岜 驽嵋 驿潢 骀珥 骁埔 骁汶 骃湟 骅浯 骈嵂 骉汍 骊沱 骍湓 骏岑 骐岵 骒浠 骓涞 骕嵩 骖洵 骘沔 骛漴 骜浃 骜涢 骝坨 骟淖 骟漶 骠嵖 骢潼 骣嶒 骥寮 骥淞 骦潓 骧渭 鯪嵁 鯰滈 鰲嵫 鰻瀹 鲈漖 鲑湔 鲛澌 鲟埇 鲣峿 鲥埗 鲦沺 鲩垿 鲮嵁 鲲澂 鲶滈 鲸垌 鳅浡 鳊嵺 鳌嵫 鳗瀹 鵲澨 鶖瀔 鶚屺 鶴塬 鷦湳 鷯埔 鷹汐 鸛崡 鸢洑 鸥滍 鸾沚 鹂崮 鹇漋 鹉湋 鹊澨 鹌峃 鹑泖 鹖沇 鹗屺 鹘涘 鹙瀔 鹞埝 鹡濞 鹣洙 鹤塬 鹦涫 鹧洺 鹨崧 鹩潕 鹪峪 鹫嵯 鹬泫 鹭潏 鹮埒 鹮峦 鹰汐 鹳岖 鹳崡""".split()
# real Chinese / Taiwanese city names (not exhaustive; common ones and ones that look like words)
REAL_CITIES = """北京 上海 天津 重庆 广州 深圳 成都 杭州 南京 武汉 西安 苏州 郑州 长沙 沈阳 青岛 宁波
东莞 无锡 济南 合肥 福州 厦门 昆明 大连 哈尔滨 长春 石家庄 太原 南昌 南宁 贵阳 兰州 银川 西宁 拉萨
乌鲁木齐 呼和浩特 海口 三亚 珠海 佛山 中山 江门 惠州 汕头 湛江 温州 嘉兴 绍兴 金华 台州 常州 徐州
扬州 泰州 南通 镇江 盐城 烟台 潍坊 临沂 淄博 济宁 洛阳 开封 保定 唐山 邯郸 大同 包头 鄂尔多斯 吉林
大庆 齐齐哈尔 丹东 锦州 鞍山 抚顺 本溪 芜湖 蚌埠 安庆 黄山 九江 赣州 景德镇 宜昌 襄阳 岳阳 常德
株洲 湘潭 衡阳 桂林 柳州 北海 遵义 大理 丽江 绵阳 宜宾 乐山 泸州 德阳 南充 宝鸡 咸阳 延安 天水
嘉峪关 克拉玛依 喀什 安宁 东方 新民 大安 安达 海伦 长寿 永安 福安 长乐 瑞安 义乌 仙桃 天门 潜江
台北 臺北 新北 桃园 桃園 台中 臺中 台南 臺南 高雄 基隆 新竹 嘉义 嘉義 宜兰 宜蘭 花莲 花蓮 屏东 屏東
苗栗 彰化 南投 云林 雲林 台东 臺東 澎湖 金门 金門 香港 澳门 澳門""".split()

TRAD_CHARS = set("縣們個補麼電費嗎請裝區號幾錢進繳獎樁車這為與會實從對應額臺遲給聯單點還輛員僱請讓廳業後")
errs = []

# 1. corpus
files = sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt"))
want = ["n%02d.txt" % i for i in range(1, 11)]
if files != want:
    errs.append("corpus files %s != %s" % (files, want))
texts = {}
for f in files:
    t = open(os.path.join(CORPUS, f), encoding="utf-8").read()
    texts[f] = t
    n = len(t.strip())
    if not 900 <= n <= 2500:
        errs.append("%s length %d not in 900-2500" % (f, n))
tables = [f for f, t in texts.items() if len(re.findall(r"^[^\n]*[｜\t][^\n]*[｜\t][^\n]*$", t, re.M)) >= 3]
if len(tables) < 3:
    errs.append("only %d notices with tables" % len(tables))
trad_notices = [f for f, t in texts.items() if sum(c in TRAD_CHARS for c in t) > 30]
if len(trad_notices) != 2:
    errs.append("Traditional notices: %s (want 2)" % trad_notices)

# 2. questions
lines = open(QS, encoding="utf-8").read().rstrip("\n").split("\n")
if len(lines) != 60:
    errs.append("qs.tsv has %d lines, want 60" % len(lines))
n_ans = n_ref = n_trad = 0
seen = set()
for i, line in enumerate(lines, 1):
    parts = line.split("\t")
    if len(parts) != 3 or not all(p.strip() for p in parts):
        errs.append("line %d: not 3 non-empty fields: %r" % (i, line))
        continue
    q, a, f = parts
    if q in seen:
        errs.append("line %d: duplicate question" % i)
    seen.add(q)
    if a == "REFUSE" or f == "REFUSE":
        if not (a == "REFUSE" and f == "REFUSE"):
            errs.append("line %d: REFUSE must be in both answer and file" % i)
        n_ref += 1
        continue
    n_ans += 1
    if f not in texts:
        errs.append("line %d: unknown file %s" % (i, f))
        continue
    for alt in a.split("|"):
        if not alt:
            errs.append("line %d: empty alternative" % i)
        elif alt not in texts[f]:
            errs.append("line %d: answer %r not in %s" % (i, alt, f))
        elif len(alt) > 20:
            errs.append("line %d: answer %r longer than 20 chars" % (i, alt))
    if any(c in TRAD_CHARS for c in q):
        n_trad += 1
if n_ans != 50 or n_ref != 10:
    errs.append("answerable %d / REFUSE %d, want 50 / 10" % (n_ans, n_ref))
if n_trad < 5:
    errs.append("only %d Traditional answerable questions" % n_trad)

# 3. forbidden and real place names
allq = open(QS, encoding="utf-8").read()
for name in FORBIDDEN + REAL_CITIES:
    for f, t in list(texts.items()) + [("qs.tsv", allq)]:
        if name in t:
            errs.append("name %s found in %s" % (name, f))

if errs:
    print("\n".join(errs))
    sys.exit(1)
print("OK: 10 notices (tables in %d, Traditional: %s); 60 questions = %d answerable + %d REFUSE; %d Traditional answerable"
      % (len(tables), ",".join(trad_notices), n_ans, n_ref, n_trad))
