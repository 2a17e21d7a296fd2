/**
 * Measures a fresh analyzer process: import + model load time, first analysis, and RSS after
 * analyzing the telecom corpus. Prints one JSON line. Used by bench/groups/nlp.ts.
 *   node --import tsx scripts/nlp-load-probe.ts
 */
const t0 = performance.now();
const nlp = await import('../nlp/index.ts');
const imported = performance.now();
const model = nlp.loadModel();
const loaded = performance.now();
const analyzer = nlp.createAnalyzer({ model, piiSalt: 'probe' });
analyzer.analyze('联通宽带又断网了');
const ready = performance.now();
const texts = nlp.readTelecomRows().map((r) => r.text);
for (let round = 0; round < 3; round++) for (const t of texts) analyzer.analyze(t);
console.log(
  JSON.stringify({
    importMs: imported - t0,
    modelLoadMs: loaded - imported,
    readyMs: ready - t0,
    analyzed: texts.length * 3,
    rssMb: process.memoryUsage().rss / 1024 / 1024,
  }),
);
