#!/usr/bin/env python3
"""Verify the probe: corpus/n01..n10.txt and qs.tsv."""
import os, re, sys

D = os.path.dirname(os.path.abspath(__file__))
C = os.path.join(D, "corpus")
errs = []

FORBIDDEN = """澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼 琯汧 璠潆 璘涔 瑄崌 瑨灃 璩浍 琬湑 瑭峄 璠汭 璩淯 淯岚 沩屺 滟汀 溱嵎 潆畈 澴琦 湫垭 淯泷 溦琈 湫瑀 郗渫 鄠垣 郛峪 郯湍 鄞漈 邗淇 鄣圻 郏崦 鄞峒 硖渟 碚溇 砀浛 碣泺 磐湍 砻瀼 硖峃 礁垚 磻涘 碣瀞 岽沄 岿潾 岣淼 嵛琇 峋瀧 崦滃 巇嶠 嵬澧 翊漷 翎峁 翥泠 翕岢 翮溍 翦垟 羿峧 翛湲 翎瀍 翦湉 旸澥 昉溱 晔泷 晗嶠 曜浉 昀瀛 暄沣 曦漭 苕崆 荻滹 莒崶 菀浈 萁泂 蓁埭 蔺滉 薏澉 鸾沚 鹭潏 鹤塬 鶴塬 鸥滍 鹊澨 鵲澨 鹂崮 鸢洑 鹞埝 鰲嵫 鳌嵫 鰻瀹 鳗瀹 鲈漖 鲑湔 鲟埇 鲥埗 鲲澂 鲸垌 骅浯 骐岵 驍埔 骁埔 骊沱 骏岑 骢潼 骥淞 骧渭 驥寮 骥寮 骁汶 雯峤 霏沄 霖岵 霓汭 霆埗 霈溆 霄崌 雱湑 霏嵐 霏岚 霈崙 霈崙 皓淠 皑潺 皎岘 皙浐 皛埏 皞沭 皓嵝 皑湋 皤嵻 皦澪 甄澋 瓴峧 瓿溁 甏垱 甍溦 甑嵘 甓浥 瓒峪 甄岧 瓚漻 琨涑 瑾沨 璞嵊 璨垕 璀岺 琳峓 琛泐 瑜淏 琛灝 瑜嶔 珂渌 珈崞 珩洧 珮嵚 珣汜 珧淝 玳岨 珏渑 珈溠 珣峬 舫崾 舫渼 舳嵫 舳瀠 舴峂 舸浈 艄澂 艋漖 艟嶧 艨浛 賚淞 贄崙 贽澂 赆岈 赉浔 赍嵘 赑沄 赓溆 赜峤 赟岵 瑶汊 璐濛 瑷滠 璇埕 璎垸 瑗岍 瑙涠 璋潢 驿潢 驺崿 驽嵋 驷滏 驹洹 駘珥 骀珥 驻岜 驸琊 钰淜 铂岯 铮溎 錚溎 铎瀺 铖峘 铠洇 铨峮 銓峮 铧嶅 桉溆 梓沄 楠埕 榕岙 椿泷 楝淇 槿峄 槿嶧 楹潾 鹇漋 鹉湋 鹌峃 鹑泖 鶚屺 鹗屺 鹖沇 鹘涘 鶖瀔 鹙瀔 杉沩 桦浍 檀嵎 柏涔 楷灃 楷沣 栩滘 楣淼 桧汭""".split()

# a sample of real city names (incl. ones that look like ordinary words)
REAL = """北京 上海 天津 重庆 广州 深圳 杭州 南京 武汉 成都 西安 长沙 南昌 福州 厦门 济南 青岛 合肥
昆明 贵阳 南宁 兰州 银川 西宁 拉萨 哈尔滨 长春 沈阳 大连 石家庄 郑州 太原 呼和浩特 乌鲁木齐 苏州 无锡
宁波 温州 海口 三亚 中山 东莞 佛山 珠海 江门 惠州 汕头 湛江 茂名 清远 北海 桂林 柳州 东方 安宁 大庆
来宾 阳春 长治 大同 白银 安康 文昌 新民 永安 长乐 五常 沙河 安国 新乐 江山 龙井 开平 凤城 海城 兴化
东台 无为 天门 仙桃 宜都 丰城 津市 宁国 广水 集安 安达 北安 福安 金华 丽江 大理 黄山 延安 遵义 宜宾
宜昌 襄阳 九江 吉安 吉林 四平 通化 白山 松原 临江 朝阳 台山 恩平 宁德 莆田 三明 龙岩 泉州 漳州 玉溪
曲靖 保山 承德 保定 廊坊 沧州 衡水 邢台 邯郸 唐山 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭
合作 平湖 义乌 昆山 江阴 常熟 太仓 永康 东阳 临海 温岭 瑞安 乐清 海宁 桐乡 余姚 慈溪 诸暨
台北 臺北 台中 臺中 台南 臺南 高雄 新竹 桃園 桃园 嘉義 嘉义 基隆 花蓮 花莲 宜蘭 宜兰 屏東 屏东 彰化 南投 苗栗 台東 臺東 澎湖 金門""".split()

# characters that occur only in Traditional script (not in Simplified)
TRAD = set("臺補請嗎檢幾錢麼媽歲鷯鷦縣們裡這個為問與區號電話報醫衛屬親週費額鄉鎮診攝嬰婦從應駁訴願單沒關")

files = [f"n{i:02d}.txt" for i in range(1, 11)]
present = sorted(f for f in os.listdir(C) if f.endswith(".txt"))
if present != files:
    errs.append(f"corpus files {present} != {files}")
texts = {}
for f in files:
    p = os.path.join(C, f)
    if not os.path.exists(p):
        errs.append(f"missing {f}"); continue
    t = open(p, encoding="utf-8").read()
    texts[f] = t
    n = len(t)
    if not 900 <= n <= 2500:
        errs.append(f"{f}: length {n} out of 900-2500")
tables = sum(1 for t in texts.values() if re.search(r"^[^\n]*｜[^\n]*｜?[^\n]*$", t, re.M))
if tables < 3:
    errs.append(f"only {tables} notices with tables")

lines = open(os.path.join(D, "qs.tsv"), encoding="utf-8").read().rstrip("\n").split("\n")
if len(lines) != 60:
    errs.append(f"qs.tsv has {len(lines)} lines, want 60")
ans = ref = trad = 0
for i, ln in enumerate(lines, 1):
    parts = ln.split("\t")
    if len(parts) != 3 or not all(x.strip() for x in parts):
        errs.append(f"line {i}: need 3 non-empty fields"); continue
    q, a, f = parts
    if a == "REFUSE" or f == "REFUSE":
        if not (a == "REFUSE" and f == "REFUSE"):
            errs.append(f"line {i}: REFUSE must be in both answer and file")
        ref += 1
    else:
        ans += 1
        if f not in texts:
            errs.append(f"line {i}: unknown file {f}"); continue
        for alt in a.split("|"):
            if not alt or alt not in texts[f]:
                errs.append(f"line {i}: answer part {alt!r} not found in {f}")
            if len(alt) > 20:
                errs.append(f"line {i}: answer part {alt!r} longer than 20 chars")
        if any(c in TRAD for c in q):
            trad += 1
if ans != 50: errs.append(f"{ans} answerable, want 50")
if ref != 10: errs.append(f"{ref} REFUSE, want 10")
if trad < 5: errs.append(f"only {trad} Traditional answerable questions")

alltext = "\n".join(texts.values()) + "\n" + "\n".join(lines)
for name in FORBIDDEN:
    if name in alltext:
        errs.append(f"forbidden place name {name} found")
for name in REAL:
    if name in alltext:
        errs.append(f"real city name {name} found")

if errs:
    print("\n".join(errs)); sys.exit(1)
print(f"OK: 10 files, 60 lines, {ans} answerable + {ref} REFUSE, {trad} Traditional questions, {tables} notices with tables")
