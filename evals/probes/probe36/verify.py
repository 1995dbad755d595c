#!/usr/bin/env python3
import os, re, sys
D = os.path.dirname(os.path.abspath(__file__))
C = os.path.join(D, 'corpus')
FORBID = "澶屿 珲阳 蔚川 崤原 潍陵 琰南 萸江 溧城 岷港 璜桐 瑱桐 砚溪 湜陵 蕤安 东兴 内江 并济 天济 青梧 岍宁 峣溪 崟阳 嵙寮 嶸港 旻崧 昶陂 棻州 湳岫 滢舟 澐崁 澔濱 玙峤 珹溪 珺岙 琠山 琤原 琮湫 琮溪 瑢埔 璆川 璟塘 竑港 翙溟 翙阳 翚渚 翯阳 翾平 芃溆 邶阳 鄀阳 霽湖 骃湟 栎溟 桤岙 棠湄 椤汀 榉滘 楸泖 樗岑 柘漪 榉埕 桤埤 沅嶂 涪濑 濉崙 漳岵 湄溆 泸崃 洮埕 浔岈 洮嶙 漳渼".split()
PLACES = {'n01.txt':'淯岚市','n02.txt':'沩屺市','n03.txt':'滟汀区','n04.txt':'溱嵎市','n05.txt':'潆畈县',
          'n06.txt':'澴琦县','n07.txt':'湫垭区','n08.txt':'淯泷县','n09.txt':'溦琈縣','n10.txt':'湫瑀市'}
TRAD = set('臺灣縣區費補們個這麼幾錢歲請啟會發與為經開後時間東樣總從過還數條業學場處機構號間應於')
err = []
files = sorted(os.listdir(C))
if files != ['n%02d.txt' % i for i in range(1, 11)]: err.append('corpus files: %s' % files)
texts = {f: open(os.path.join(C, f), encoding='utf-8').read() for f in files}
ntab = 0
for f, t in texts.items():
    if not 900 <= len(t) <= 2500: err.append('%s length %d' % (f, len(t)))
    if sum(1 for l in t.splitlines() if l.count('｜') >= 1 or '\t' in l) >= 3: ntab += 1
    if PLACES.get(f) and PLACES[f] not in t: err.append('%s lacks place %s' % (f, PLACES[f]))
if ntab < 3: err.append('only %d notices with tables' % ntab)
ntrad_docs = sum(1 for t in texts.values() if sum(c in TRAD for c in t) > 30)
if ntrad_docs != 2: err.append('traditional notices: %d' % ntrad_docs)
lines = open(os.path.join(D, 'qs.tsv'), encoding='utf-8').read().split('\n')
if lines and lines[-1] == '': lines.pop()
if len(lines) != 60: err.append('qs lines: %d' % len(lines))
nans = nref = ntrad = 0
qs = []
for i, l in enumerate(lines, 1):
    p = l.split('\t')
    if len(p) != 3 or not all(x.strip() for x in p): err.append('line %d fields: %r' % (i, l)); continue
    q, a, f = p
    qs.append(q)
    if a == 'REFUSE' or f == 'REFUSE':
        if not (a == 'REFUSE' and f == 'REFUSE'): err.append('line %d half REFUSE' % i)
        nref += 1
        if not any(pl in q for pl in PLACES.values()): err.append('line %d REFUSE names no corpus place' % i)
    else:
        nans += 1
        if f not in texts: err.append('line %d bad file %s' % (i, f)); continue
        for alt in a.split('|'):
            if not alt or alt not in texts[f]: err.append('line %d answer %r not in %s' % (i, alt, f))
            if len(alt) > 20: err.append('line %d answer too long %r' % (i, alt))
        if PLACES[f] not in q: err.append('line %d question does not name %s' % (i, PLACES[f]))
        if q in texts[f]: err.append('line %d question copied from notice' % i)
    if sum(c in TRAD for c in q) >= 2: ntrad += 1
if nans != 50 or nref != 10: err.append('answerable %d refuse %d' % (nans, nref))
if ntrad < 5: err.append('traditional questions %d' % ntrad)
if len(set(qs)) != len(qs): err.append('duplicate questions')
alltext = ''.join(texts.values()) + '\n'.join(lines)
for n in FORBID:
    if n in alltext: err.append('forbidden name %s' % n)
if err:
    print('\n'.join(err)); sys.exit(1)
print('OK: 10 notices (%d with tables, %d Traditional), 60 questions (%d answerable, %d REFUSE, %d Traditional)' % (ntab, ntrad_docs, nans, nref, ntrad))
