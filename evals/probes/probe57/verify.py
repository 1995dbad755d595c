#!/usr/bin/env python3
"""Check the probe: corpus/n01..n10.txt and qs.tsv (question<TAB>answer<TAB>file)."""
import os, sys, re
D = os.path.dirname(os.path.abspath(__file__))
FORBIDDEN = ['东兴', '内江', '天济', '岍宁', '岣淼', '岷港', '岽沄', '岿潾', '峋瀧', '峣溪', '崟阳', '崤原', '崦滃', '嵙寮', '嵛琇', '嵬澧', '嶸港', '巇嶠', '并济', '旸澥', '旻崧', '昀瀛', '昉溱', '昶陂', '晔泷', '晗嶠', '暄沣', '曜浉', '曦漭', '柘漪', '栎溟', '桉溆', '桤埤', '桤岙', '梓沄', '棠湄', '棻州', '椤汀', '椿泷', '楝淇', '楠埕', '楸泖', '楹潾', '榉埕', '榉滘', '榕岙', '槿峄', '槿嶧', '樗岑', '沅嶂', '沩屺', '泸崃', '洮埕', '洮嶙', '浔岈', '涪濑', '淯岚', '淯泷', '湄溆', '湜陵', '湫垭', '湫瑀', '湳岫', '溦琈', '溧城', '溱嵎', '滟汀', '滢舟', '漳岵', '漳渼', '潆畈', '潍陵', '澐崁', '澔濱', '澴琦', '澶屿', '濉崙', '玙峤', '玳岨', '珂渌', '珈崞', '珈溠', '珏渑', '珣峬', '珣汜', '珧淝', '珩洧', '珮嵚', '珲阳', '珹溪', '珺岙', '琛泐', '琛灝', '琠山', '琤原', '琨涑', '琬湑', '琮湫', '琮溪', '琯汧', '琰南', '琳峓', '瑄崌', '瑗岍', '瑙涠', '瑜嶔', '瑜淏', '瑢埔', '瑨灃', '瑭峄', '瑱桐', '瑶汊', '瑷滠', '瑾沨', '璀岺', '璆川', '璇埕', '璋潢', '璎垸', '璐濛', '璘涔', '璜桐', '璞嵊', '璟塘', '璠汭', '璠潆', '璨垕', '璩浍', '璩淯', '瓒峪', '瓚漻', '瓴峧', '瓿溁', '甄岧', '甄澋', '甍溦', '甏垱', '甑嵘', '甓浥', '皎岘', '皑湋', '皑潺', '皓嵝', '皓淠', '皙浐', '皛埏', '皞沭', '皤嵻', '皦澪', '砀浛', '砚溪', '砻瀼', '硖峃', '硖渟', '碚溇', '碣泺', '碣瀞', '磐湍', '磻涘', '礁垚', '竑港', '羿峧', '翊漷', '翎峁', '翎瀍', '翕岢', '翙溟', '翙阳', '翚渚', '翛湲', '翥泠', '翦垟', '翦湉', '翮溍', '翯阳', '翾平', '舫崾', '舫渼', '舳嵫', '舳瀠', '舴峂', '舸浈', '艄澂', '艋漖', '艟嶧', '艨浛', '芃溆', '苕崆', '荻滹', '莒崶', '菀浈', '萁泂', '萸江', '蓁埭', '蔚川', '蔺滉', '蕤安', '薏澉', '賚淞', '贄崙', '贽澂', '赆岈', '赉浔', '赍嵘', '赑沄', '赓溆', '赜峤', '赟岵', '邗淇', '邶阳', '郏崦', '郗渫', '郛峪', '郯湍', '鄀阳', '鄞峒', '鄞漈', '鄠垣', '鄣圻', '銓峮', '錚溎', '钰淜', '铂岯', '铎瀺', '铖峘', '铠洇', '铧嶅', '铨峮', '铮溎', '雯峤', '雱湑', '霄崌', '霆埗', '霈崙', '霈溆', '霏岚', '霏嵐', '霏沄', '霓汭', '霖岵', '霽湖', '青梧', '駘珥', '驍埔', '驥寮', '驷滏', '驸琊', '驹洹', '驺崿', '驻岜', '驽嵋', '驿潢', '骀珥', '骁埔', '骁汶', '骃湟', '骅浯', '骊沱', '骏岑', '骐岵', '骢潼', '骥寮', '骥淞', '骧渭', '鰲嵫', '鰻瀹', '鲈漖', '鲑湔', '鲟埇', '鲥埗', '鲲澂', '鲸垌', '鳌嵫', '鳗瀹', '鵲澨', '鶴塬', '鸢洑', '鸥滍', '鸾沚', '鹂崮', '鹊澨', '鹞埝', '鹤塬', '鹭潏']
# characters that only occur in Traditional script (a heuristic set)
TRAD = set("臺灣補請應於時間裝備幾個這麼錢處罰鍰號與為們會說還發縣設辦費規營業業務內後關麼沒開繳登記兒嗎屬併聯電漢產審瓩儲設撥開訊網線證樓題問單")
SIMP_ONLY = set("补请应时间装备几个这么钱处罚号与为们会说还发县设办费规营业务内后关没开缴记儿吗属并联电产审储拨讯网线证楼题问单")
errs = []
files = ["n%02d.txt" % i for i in range(1, 11)]
have = sorted(f for f in os.listdir(os.path.join(D, "corpus")))
if have != files:
    errs.append("corpus files: %s" % have)
texts = {}
for f in files:
    p = os.path.join(D, "corpus", f)
    if os.path.exists(p):
        t = open(p, encoding="utf-8").read()
        texts[f] = t
        n = len(t)
        if not 900 <= n <= 2500:
            errs.append("%s length %d not in 900-2500" % (f, n))
tables = sum(1 for t in texts.values() if len(re.findall(r"^[^\n｜\t]+[｜\t][^\n]+$", t, re.M)) >= 3)
if tables < 3:
    errs.append("only %d notices with 「｜」 tables" % tables)
trad_files = [f for f, t in texts.items() if len(set(t) & TRAD) > 20]
if len(trad_files) != 2:
    errs.append("traditional notices: %s (want 2)" % trad_files)
lines = open(os.path.join(D, "qs.tsv"), encoding="utf-8").read().rstrip("\n").split("\n")
if len(lines) != 60:
    errs.append("qs.tsv has %d lines" % len(lines))
ans = ref = trad_q = 0
for i, line in enumerate(lines, 1):
    parts = line.split("\t")
    if len(parts) != 3 or not all(x.strip() for x in parts):
        errs.append("line %d: not 3 fields" % i); continue
    q, a, f = parts
    if a == "REFUSE" or f == "REFUSE":
        if not (a == "REFUSE" and f == "REFUSE"):
            errs.append("line %d: REFUSE must be in both fields" % i)
        ref += 1
        continue
    ans += 1
    if f not in texts:
        errs.append("line %d: unknown file %s" % (i, f)); continue
    for alt in a.split("|"):
        if not alt or alt not in texts[f]:
            errs.append("line %d: answer %r not verbatim in %s" % (i, alt, f))
        if len(alt) > 20:
            errs.append("line %d: answer %r longer than 20 chars" % (i, alt))
    if f in trad_files and set(q) & TRAD and not set(q) & SIMP_ONLY:
        trad_q += 1
if ans != 50 or ref != 10:
    errs.append("answerable %d / REFUSE %d (want 50/10)" % (ans, ref))
if trad_q < 5:
    errs.append("only %d Traditional questions" % trad_q)
alltext = "\n".join(texts.values()) + "\n" + "\n".join(lines)
for name in FORBIDDEN:
    if name in alltext:
        errs.append("forbidden place name %s" % name)
if errs:
    print("\n".join(errs)); sys.exit(1)
print("OK: 10 notices (%d with tables, traditional: %s), %d answerable + %d REFUSE, %d Traditional questions" % (tables, ",".join(trad_files), ans, ref, trad_q))
