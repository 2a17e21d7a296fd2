import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import nodejieba from 'nodejieba';
import {
  createAnalyzer,
  cut,
  defaultAnalyzer,
  hasSharedData,
  isSharedValidation,
  isTelecomValidation,
  JiebaCutter,
  loadDictText,
  loadHmmModel,
  readSharedRows,
  readTelecomRows,
  REPO_ROOT,
  sentimentMetrics,
  sharedSlices,
  type SliceMetrics,
  train,
  userDictText,
  WordTrie,
} from '../../nlp/index.ts';
import type { BenchContext, BenchGroup, BenchResult } from '../types.ts';

/** Typical 140-character posts built from our telecom corpus (in the repo, so no ../shared needed). */
function posts(n: number): string[] {
  const texts = readTelecomRows().map((r) => r.text);
  const out: string[] = [];
  for (let i = 0; out.length < n && texts.length; i++) {
    let t = texts[i % texts.length] ?? '';
    while (t.length < 140) t += `，${texts[(i * 7 + t.length) % texts.length] ?? ''}`;
    out.push(t.slice(0, 140));
  }
  return out;
}

/**
 * Items per second of CPU time on this thread (process.cpuUsage: user + system), best of three runs,
 * so other processes on a shared machine do not count against us. Wall-clock figures are noted.
 */
function perSecond(items: readonly string[], fn: (s: string) => unknown): number {
  for (const s of items.slice(0, 500)) fn(s);
  let best = 0;
  for (let run = 0; run < 3; run++) {
    const cpu = process.cpuUsage();
    for (const s of items) fn(s);
    const used = process.cpuUsage(cpu);
    best = Math.max(best, items.length / ((used.user + used.system) / 1e6));
  }
  return best;
}

function speed(ctx: BenchContext): BenchResult[] {
  const items = posts(Math.max(2000, Math.round(20_000 * ctx.scale)));
  const analyzer = defaultAnalyzer();
  const probe = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts/nlp-load-probe.ts')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trim(),
  ) as { importMs: number; modelLoadMs: number; readyMs: number; rssMb: number; analyzed: number };
  return [
    {
      name: 'nlp.analyze.throughput',
      value: perSecond(items, (s) => analyzer.analyze(s)),
      unit: 'mentions/s',
      target: 10_000,
      better: 'higher',
      note: `${items.length} 140-char posts from the telecom corpus, per CPU-second of one thread (best of 3)`,
    },
    {
      name: 'nlp.model.load',
      value: probe.modelLoadMs,
      unit: 'ms',
      target: 2000,
      better: 'lower',
      note: 'loadModel() in a fresh process',
    },
    {
      name: 'nlp.analyzer.ready',
      value: probe.readyMs,
      unit: 'ms',
      target: 2000,
      better: 'lower',
      note: 'import + load + first analyze, fresh process',
    },
    {
      name: 'nlp.analyzer.rss',
      value: probe.rssMb,
      unit: 'MB',
      target: 400,
      better: 'lower',
      note: `fresh process after ${probe.analyzed} analyses`,
    },
  ];
}

function jiebaComparison(ctx: BenchContext): BenchResult[] {
  const items = posts(Math.max(2000, Math.round(20_000 * ctx.scale)));
  const dir = mkdtempSync(join(tmpdir(), 'koubei-jieba-'));
  try {
    const userDict = join(dir, 'user.dict.utf8');
    writeFileSync(userDict, userDictText());
    let t = performance.now();
    nodejieba.load({ userDict });
    const njLoad = performance.now() - t;
    t = performance.now();
    const rs = Jieba.withDict(dict);
    rs.loadDict(Buffer.from(userDictText()));
    const rsLoad = performance.now() - t;
    t = performance.now();
    const trie = new WordTrie();
    loadDictText(trie, new TextDecoder().decode(dict));
    loadDictText(trie, userDictText());
    const ours = new JiebaCutter(trie, loadHmmModel());
    ours.cut('预热');
    const oursLoad = performance.now() - t;
    const agree =
      items.slice(0, 500).filter((s) => nodejieba.cut(s, true).join('/') === rs.cut(s, true).join('/'))
        .length / 500;
    const oursAgree =
      items.filter((s) => ours.cut(s).join('/') === rs.cut(s, true).join('/')).length / items.length;
    return [
      {
        name: 'nlp.jieba.nodejieba.throughput',
        value: perSecond(items, (s) => nodejieba.cut(s, true)),
        unit: 'posts/s',
        target: null,
        better: 'higher',
        note: 'cut(), HMM, telecom user dict',
      },
      {
        name: 'nlp.jieba.node-rs.throughput',
        value: perSecond(items, (s) => rs.cut(s, true)),
        unit: 'posts/s',
        target: null,
        better: 'higher',
        note: 'cut(text, hmm=true), telecom user dict',
      },
      {
        name: 'nlp.jieba.segmenter.throughput',
        value: perSecond(items, cut),
        unit: 'posts/s',
        target: null,
        better: 'higher',
        note: 'nlp/segment.ts as shipped (our jieba port in TypeScript, whitespace tokens dropped)',
      },
      {
        name: 'nlp.jieba.ours.throughput',
        value: perSecond(items, (s) => ours.cut(s)),
        unit: 'posts/s',
        target: null,
        better: 'higher',
        note: 'JiebaCutter.cut alone (nlp/jieba-cut.ts), telecom user dict',
      },
      { name: 'nlp.jieba.nodejieba.load', value: njLoad, unit: 'ms', target: null, better: 'lower' },
      { name: 'nlp.jieba.node-rs.load', value: rsLoad, unit: 'ms', target: null, better: 'lower' },
      { name: 'nlp.jieba.ours.load', value: oursLoad, unit: 'ms', target: null, better: 'lower' },
      {
        name: 'nlp.jieba.ours.agreement',
        value: oursAgree,
        unit: 'ratio',
        target: null,
        better: 'higher',
        note: `share of ${items.length} posts our port cuts exactly as @node-rs/jieba`,
      },
      {
        name: 'nlp.jieba.agreement',
        value: agree,
        unit: 'ratio',
        target: null,
        better: 'higher',
        note: 'share of 500 posts nodejieba and @node-rs/jieba segment identically',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The part of natural's API we use. Its own typings ship a .ts file that fails under strict ESM. */
interface NaturalBayes {
  addDocument(tokens: string[], label: string): void;
  train(): void;
  classify(tokens: string[]): string;
}
type Natural = { BayesClassifier: new () => NaturalBayes };
let naturalModule: Natural | undefined;
/** Loaded on first use: natural's bundled dotenv prints a banner on import, in every bench process. */
function natural(): Natural {
  naturalModule ??= createRequire(import.meta.url)('natural') as Natural;
  return naturalModule;
}

interface Labelled {
  text: string;
  label: 'neg' | 'neu' | 'pos';
}

/** natural's BayesClassifier on a train/val split: accuracy and classification speed. */
function naturalBayes(
  prefix: string,
  trainRows: readonly Labelled[],
  val: readonly Labelled[],
): BenchResult[] {
  const bayes = new (natural().BayesClassifier)();
  let t = performance.now();
  for (const r of trainRows) if (r.label !== 'neu') bayes.addDocument(cut(r.text), r.label);
  bayes.train();
  const trainMs = performance.now() - t;
  const polar = val.filter((r) => r.label !== 'neu');
  t = performance.now();
  const ok = polar.filter((r) => bayes.classify(cut(r.text)) === r.label).length;
  const rate = polar.length / ((performance.now() - t) / 1000);
  return [
    {
      name: `${prefix}.natural-bayes.accuracy`,
      value: ok / (polar.length || 1),
      unit: 'ratio',
      target: null,
      better: 'higher',
      note: `${trainRows.length} training rows`,
    },
    {
      name: `${prefix}.natural-bayes.speed`,
      value: rate,
      unit: 'texts/s',
      target: null,
      better: 'higher',
      note: `train ${trainMs.toFixed(0)} ms`,
    },
  ];
}

function ours(prefix: string, m: SliceMetrics, rate: number, note: string): BenchResult[] {
  return [
    {
      name: `${prefix}.ours.accuracy`,
      value: m.accuracy,
      unit: 'ratio',
      target: null,
      better: 'higher',
      note,
    },
    {
      name: `${prefix}.ours.speed`,
      value: rate,
      unit: 'texts/s',
      target: null,
      better: 'higher',
      note: 'full analyze()',
    },
  ];
}

async function classifierComparison(ctx: BenchContext): Promise<BenchResult[]> {
  const rows = readTelecomRows().map((r) => ({ id: r.id, text: r.text, label: r.sentiment }));
  const trainRows = rows.filter((r) => !isTelecomValidation(r.id));
  const val = rows.filter((r) => isTelecomValidation(r.id));
  // Our classifier trained on exactly the same rows (no shared data), for a like-for-like comparison.
  const own = await train({
    sharedDir: join(tmpdir(), 'koubei-no-shared'),
    evaluate: false,
    polarity: { bits: 20 },
  });
  const same = createAnalyzer({ model: own.model, piiSalt: 'bench' });
  const t = performance.now();
  const m = sentimentMetrics(same, val);
  const rate = val.length / ((performance.now() - t) / 1000);
  const out = [
    ...naturalBayes('nlp.classifier.telecom', trainRows, val),
    ...ours('nlp.classifier.telecom', m, rate, 'same split, telecom rows only'),
  ];
  if (!hasSharedData()) return out;
  const shared = readSharedRows();
  const n = Math.max(500, Math.round(3000 * ctx.scale));
  const sTrain = shared
    .filter((r) => !isSharedValidation(r.text) && r.label !== 'neu')
    .filter((_, i) => i % 40 === 0)
    .slice(0, n);
  const sVal = shared
    .filter((r) => isSharedValidation(r.text) && r.label !== 'neu')
    .filter((_, i) => i % 10 === 0)
    .slice(0, n / 3);
  const t2 = performance.now();
  const committed = sentimentMetrics(defaultAnalyzer(), sVal);
  const rate2 = sVal.length / ((performance.now() - t2) / 1000);
  return [
    ...out,
    ...naturalBayes('nlp.classifier.shared', sTrain, sVal),
    ...ours('nlp.classifier.shared', committed, rate2, 'committed model (full training split)'),
  ];
}

const TARGETS: Record<string, number> = {
  smp2020: 0.82,
  'weibo_senti_100k (emoticons stripped)': 0.85,
  chnsenticorp_hotel: 0.92,
};

function accuracy(ctx: BenchContext): BenchResult[] {
  const analyzer = defaultAnalyzer();
  const tel = readTelecomRows()
    .filter((r) => isTelecomValidation(r.id))
    .map((r) => ({ text: r.text, label: r.sentiment }));
  const t = sentimentMetrics(analyzer, tel);
  const out: BenchResult[] = [
    {
      name: 'nlp.accuracy.telecom',
      value: t.accuracy,
      unit: 'ratio',
      target: 0.88,
      better: 'higher',
      note: `${t.n} pos/neg val rows (id split)`,
    },
    {
      name: 'nlp.accuracy.telecom.negRecall',
      value: t.negRecall,
      unit: 'ratio',
      target: 0.92,
      better: 'higher',
    },
  ];
  if (!hasSharedData()) {
    ctx.logger.info('nlp bench: ../shared is absent, skipping accuracy on the shared validation split');
    return out;
  }
  const val = readSharedRows().filter((r) => isSharedValidation(r.text));
  const step = ctx.scale >= 1 ? 1 : Math.max(1, Math.round(1 / ctx.scale));
  const slices = sharedSlices(val.filter((_, i) => i % step === 0));
  let ok = t.accuracy * t.n;
  let n = t.n;
  for (const [name, rows] of Object.entries(slices)) {
    const m = sentimentMetrics(analyzer, rows);
    out.push({
      name: `nlp.accuracy.${name}`,
      value: m.accuracy,
      unit: 'ratio',
      target: TARGETS[name] ?? null,
      better: 'higher',
      note: `${m.n} val rows`,
    });
    if (name !== 'online_shopping:手机') {
      ok += m.accuracy * m.n;
      n += m.n;
    }
  }
  out.push({
    name: 'nlp.accuracy.overall',
    value: ok / n,
    unit: 'ratio',
    target: 0.9,
    better: 'higher',
    note: 'pooled over all validation slices',
  });
  return out;
}

/** NLP: analyze() speed, model load and memory, jieba and classifier comparisons, validation accuracy. */
const group: BenchGroup = {
  name: 'nlp',
  description:
    'analyze() throughput, load time, RSS; nodejieba vs @node-rs/jieba; natural Bayes vs our classifier; accuracy',
  async run(ctx) {
    const results = [
      ...speed(ctx),
      ...jiebaComparison(ctx),
      ...(await classifierComparison(ctx)),
      ...accuracy(ctx),
    ];
    for (const r of results) ctx.logger.info({ bench: r.name, value: r.value, unit: r.unit }, 'nlp bench');
    return results;
  },
};
export default group;
