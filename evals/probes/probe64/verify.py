#!/usr/bin/env python3
"""Checks probe64: corpus files, qs.tsv format, answer spans, forbidden names, Traditional questions."""
import os, sys, re
D = os.path.dirname(os.path.abspath(__file__))
FORBIDDEN = ['东兴', '内江', '天济', '岍宁', '岣淼', '岷港', '岽沄', '岿潾', '峋瀧', '峣溪', '崟阳', '崤原', '崦滃', '嵙寮', '嵛琇', '嵬澧', '嶸港', '巇嶠', '并济', '旸澥', '旻崧', '昀瀛', '昉溱', '昶陂', '晔泷', '晗嶠', '暄沣', '曜浉', '曦漭', '杉沩', '柏涔', '柘漪', '栎溟', '栩滘', '桉溆', '桤埤', '桤岙', '桦浍', '桧汭', '梓沄', '棠湄', '棻州', '椤汀', '椿泷', '楝淇', '楠埕', '楣淼', '楷沣', '楷灃', '楸泖', '楹潾', '榉埕', '榉滘', '榕岙', '槿峄', '槿嶧', '樗岑', '檀嵎', '沅嶂', '沩屺', '泸崃', '洮埕', '洮嶙', '浔岈', '涪濑', '淯岚', '淯泷', '湄溆', '湜陵', '湫垭', '湫瑀', '湳岫', '溦琈', '溧城', '溱嵎', '滟汀', '滢舟', '漳岵', '漳渼', '潆畈', '潍陵', '澐崁', '澔濱', '澴琦', '澶屿', '濉崙', '玙峤', '玳岨', '珂渌', '珈崞', '珈溠', '珏渑', '珣峬', '珣汜', '珧淝', '珩洧', '珮嵚', '珲阳', '珹溪', '珺岙', '琛泐', '琛灝', '琠山', '琤原', '琨涑', '琬湑', '琮湫', '琮溪', '琯汧', '琰南', '琳峓', '瑄崌', '瑗岍', '瑙涠', '瑜嶔', '瑜淏', '瑢埔', '瑨灃', '瑭峄', '瑱桐', '瑶汊', '瑷滠', '瑾沨', '璀岺', '璆川', '璇埕', '璋潢', '璎垸', '璐濛', '璘涔', '璜桐', '璞嵊', '璟塘', '璠汭', '璠潆', '璨垕', '璩浍', '璩淯', '瓒峪', '瓚漻', '瓴峧', '瓿溁', '甄岧', '甄澋', '甍溦', '甏垱', '甑嵘', '甓浥', '皎岘', '皑湋', '皑潺', '皓嵝', '皓淠', '皙浐', '皛埏', '皞沭', '皤嵻', '皦澪', '砀浛', '砚溪', '砻瀼', '硖峃', '硖渟', '碚溇', '碣泺', '碣瀞', '磐湍', '磻涘', '礁垚', '竑港', '羿峧', '翊漷', '翎峁', '翎瀍', '翕岢', '翙溟', '翙阳', '翚渚', '翛湲', '翥泠', '翦垟', '翦湉', '翮溍', '翯阳', '翾平', '舫崾', '舫渼', '舳嵫', '舳瀠', '舴峂', '舸浈', '艄澂', '艋漖', '艟嶧', '艨浛', '芃溆', '苕崆', '荻滹', '莒崶', '菀浈', '萁泂', '萸江', '蓁埭', '蔚川', '蔺滉', '蕤安', '薏澉', '賚淞', '贄崙', '贽澂', '赆岈', '赉浔', '赍嵘', '赑沄', '赓溆', '赜峤', '赟岵', '邗淇', '邶阳', '郏崦', '郗渫', '郛峪', '郯湍', '鄀阳', '鄞峒', '鄞漈', '鄠垣', '鄣圻', '銓峮', '錚溎', '钰淜', '铂岯', '铎瀺', '铖峘', '铠洇', '铧嶅', '铨峮', '铮溎', '雯峤', '雱湑', '霄崌', '霆埗', '霈崙', '霈溆', '霏岚', '霏嵐', '霏沄', '霓汭', '霖岵', '霽湖', '青梧', '駘珥', '驂洵', '驍埔', '驏嶒', '驥寮', '驦潓', '驷滏', '驸琊', '驹洹', '驺崿', '驻岜', '驽嵋', '驿潢', '骀珥', '骁埔', '骁汶', '骃湟', '骅浯', '骊沱', '骏岑', '骐岵', '骒浠', '骓涞', '骕嵩', '骖洵', '骘沔', '骛漴', '骜浃', '骜涢', '骝坨', '骟淖', '骟漶', '骠嵖', '骢潼', '骣嶒', '骥寮', '骥淞', '骦潓', '骧渭', '鰲嵫', '鰻瀹', '鲈漖', '鲑湔', '鲟埇', '鲥埗', '鲲澂', '鲸垌', '鳌嵫', '鳗瀹', '鵲澨', '鶖瀔', '鶚屺', '鶴塬', '鷦湳', '鷯埔', '鷹汐', '鸛崡', '鸢洑', '鸥滍', '鸾沚', '鹂崮', '鹇漋', '鹉湋', '鹊澨', '鹌峃', '鹑泖', '鹖沇', '鹗屺', '鹘涘', '鹙瀔', '鹞埝', '鹡濞', '鹣洙', '鹤塬', '鹦涫', '鹧洺', '鹨崧', '鹩潕', '鹪峪', '鹫嵯', '鹬泫', '鹭潏', '鹮埒', '鹮峦', '鹰汐', '鹳岖', '鹳崡']
REAL = ["北京","上海","天津","重庆","广州","深圳","杭州","南京","成都","武汉","西安","长沙","郑州","济南","青岛","苏州","合肥","福州","厦门","南昌","昆明","贵阳","南宁","沈阳","长春","太原","石家庄","兰州","银川","西宁","乌鲁木齐","拉萨","呼和浩特","海口","台北","台中","高雄","新竹","桃园","台南"]
TRAD = set("縣貸補認養臺萬麼費幾歲領開間請週這說們錢區與辦條屬體應隻從")
errs = []
cdir = os.path.join(D, "corpus")
want = ["n%02d.txt" % i for i in range(1, 11)]
have = sorted(f for f in os.listdir(cdir) if f.endswith(".txt"))
if have != want: errs.append("corpus files: %s" % have)
texts = {}
for f in want:
    p = os.path.join(cdir, f)
    if not os.path.exists(p): continue
    t = open(p, encoding="utf-8").read(); texts[f] = t
    if not (900 <= len(t) <= 2500): errs.append("%s length %d" % (f, len(t)))
tables = sum(1 for t in texts.values() if "\uff5c" in t or "\t" in t)
if tables < 3: errs.append("only %d notices with tables" % tables)
trad_docs = sum(1 for t in texts.values() if sum(c in TRAD for c in t) > 20)
if trad_docs != 2: errs.append("traditional notices: %d" % trad_docs)
lines = open(os.path.join(D, "qs.tsv"), encoding="utf-8").read().split("\n")
if lines and lines[-1] == "": lines = lines[:-1]
if len(lines) != 60: errs.append("qs.tsv has %d lines" % len(lines))
ans = ref = trad_q = 0
qs = []
for i, l in enumerate(lines, 1):
    fs = l.split("\t")
    if len(fs) != 3: errs.append("line %d: %d fields" % (i, len(fs))); continue
    q, a, f = fs; qs.append(q)
    if a == "REFUSE" or f == "REFUSE":
        if not (a == "REFUSE" and f == "REFUSE"): errs.append("line %d: half REFUSE" % i)
        ref += 1; continue
    ans += 1
    if f not in texts: errs.append("line %d: bad file %s" % (i, f)); continue
    for alt in a.split("|"):
        if not alt or alt not in texts[f]: errs.append("line %d: span not in %s: %s" % (i, f, alt))
        if len(alt) > 20: errs.append("line %d: span too long" % i)
    if any(c in TRAD for c in q) and f in ("n09.txt", "n10.txt"): trad_q += 1
if ans != 50 or ref != 10: errs.append("answerable %d, refuse %d" % (ans, ref))
if trad_q < 5: errs.append("traditional questions: %d" % trad_q)
if len(set(qs)) != len(qs): errs.append("duplicate questions")
alltext = "\n".join(texts.values()) + "\n" + "\n".join(lines)
for n in FORBIDDEN + REAL:
    if n in alltext: errs.append("forbidden/real name: %s" % n)
if errs:
    print("\n".join(errs)); sys.exit(1)
print("OK: 10 notices (%d with tables, %d Traditional), 60 questions (%d answerable, %d REFUSE, %d Traditional)" % (tables, trad_docs, ans, ref, trad_q))
