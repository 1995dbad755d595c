#!/usr/bin/env python3
import os, sys, re
D = os.path.dirname(os.path.abspath(__file__))
C = os.path.join(D, 'corpus')
FORBID = "澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼".split()
PLACES = ["琯汧", "璠潆", "璘涔", "瑄崌", "瑨灃", "璩浍", "琬湑", "瑭峄", "璠汭", "璩淯"]
TRAD = set("補貼請縣歲個麼養雞豬還會領這們錢審幾臺灃問題電話哪裡家裡遲時間")
err = []
names = sorted(f for f in os.listdir(C) if f.endswith('.txt'))
want = ['n%02d.txt' % i for i in range(1, 11)]
if names != want: err.append('corpus files: %s' % names)
docs = {}
for f in names:
    t = open(os.path.join(C, f), encoding='utf-8').read()
    docs[f] = t
    if not 900 <= len(t) <= 2500: err.append('%s length %d' % (f, len(t)))
tables = sum(1 for t in docs.values() if re.search(r'^[^\n]*｜[^\n]*｜', t, re.M))
if tables < 3: err.append('only %d notices with tables' % tables)
lines = open(os.path.join(D, 'qs.tsv'), encoding='utf-8').read().rstrip('\n').split('\n')
if len(lines) != 60: err.append('qs.tsv has %d lines' % len(lines))
ans = ref = trad = 0
for i, l in enumerate(lines, 1):
    p = l.split('\t')
    if len(p) != 3 or not all(x.strip() for x in p):
        err.append('line %d: bad fields' % i); continue
    q, a, f = p
    if a == 'REFUSE':
        if f != 'REFUSE': err.append('line %d: REFUSE file' % i)
        ref += 1
        if not any(pl in q for pl in PLACES): err.append('line %d: REFUSE names no corpus place' % i)
        continue
    ans += 1
    if f not in docs: err.append('line %d: no file %s' % (i, f)); continue
    for alt in a.split('|'):
        if alt not in docs[f]: err.append('line %d: %r not in %s' % (i, alt, f))
        if len(alt) > 20: err.append('line %d: span >20 chars' % i)
    if f in ('n03.txt', 'n05.txt') and TRAD & set(q): trad += 1
if ans != 50 or ref != 10: err.append('answerable %d refuse %d' % (ans, ref))
if trad < 5: err.append('only %d Traditional questions' % trad)
alltext = ''.join(docs.values()) + '\n'.join(lines)
for n in FORBID:
    if n in alltext: err.append('forbidden name %s' % n)
for pl in PLACES:
    if pl[0] not in '琯璠瑄璩琬瑭璘瑨': err.append('bad place %s' % pl)
if err:
    print('\n'.join(err)); sys.exit(1)
print('OK: 10 notices, %d with tables; 60 questions (%d answerable, %d REFUSE, %d Traditional)' % (tables, ans, ref, trad))
