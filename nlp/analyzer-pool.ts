import { Worker } from 'node:worker_threads';
import { TransientError, ValidationError } from '../core/index.ts';
import type { Analyzer, AnalyzerOptions } from './analyzer.ts';
import type { Analysis, AnalyzeMeta } from './types.ts';

/** One text to analyze, with its meta. */
export interface AnalyzeItem {
  text: string;
  meta?: AnalyzeMeta;
}

/** Analyzes batches of texts, in this thread or in worker threads. */
export interface BatchAnalyzer {
  /** Analyses in input order. Rejects with a `ValidationError` naming the first bad item. */
  analyzeMany(items: readonly AnalyzeItem[]): Promise<Analysis[]>;
  /** Stop taking batches, let those in flight finish, then stop the threads. */
  close(): Promise<void>;
}

/** Options for {@link createAnalyzerPool}: the analyzer's, minus a loaded model (each thread loads its own). */
export interface AnalyzerPoolOptions extends Omit<AnalyzerOptions, 'model'> {
  /** Worker threads. Default 1: analysis leaves the event loop free for database and queue traffic. */
  threads?: number;
  /** Called with each thread the pool starts, replacements included (tests kill one through it). Default: none. */
  onThread?: (worker: Worker) => void;
}

/** @internal What a thread is started with. */
export type ThreadInit = Omit<AnalyzerPoolOptions, 'threads' | 'onThread'>;
/** @internal A batch sent to a thread. */
export interface ThreadTask {
  id: number;
  items: readonly AnalyzeItem[];
}
/** @internal A thread's answer: one result per item. */
export interface ThreadReply {
  id: number;
  results: ({ ok: Analysis } | { error: string })[];
}

/** Batches on the calling thread (no worker threads). */
export function inProcessBatchAnalyzer(analyzer: Analyzer): BatchAnalyzer {
  return {
    async analyzeMany(items) {
      return items.map((it) => analyzer.analyze(it.text, it.meta));
    },
    async close() {},
  };
}

function unpack(reply: ThreadReply): Analysis[] {
  return reply.results.map((r, i) => {
    if ('ok' in r) return r.ok;
    throw new ValidationError(`item ${i}: ${r.error}`);
  });
}

interface Pending {
  resolve(v: Analysis[]): void;
  reject(e: Error): void;
}

class ThreadSlot {
  worker: Worker;
  readonly pending = new Map<number, Pending>();
  readonly ready: Promise<void>;

  constructor(init: ThreadInit, onThread?: (worker: Worker) => void) {
    this.worker = new Worker(new URL('./analyzer-thread.mjs', import.meta.url), {
      workerData: init,
    });
    onThread?.(this.worker);
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('message', () => resolve());
      this.worker.once('error', reject);
    });
    // A replacement thread's start-up is not awaited: its failure reaches the batches it was given.
    this.ready.catch(() => {});
    this.worker.on('message', (m: ThreadReply | { ready: true }) => {
      if (!('id' in m)) return;
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      try {
        p?.resolve(unpack(m));
      } catch (err) {
        p?.reject(err as Error);
      }
    });
    // A thread that dies fails its batches as retryable; the pool starts a new thread for the next.
    const fail = (why: string) => {
      for (const p of this.pending.values()) p.reject(new TransientError(`analyzer thread ${why}`));
      this.pending.clear();
    };
    this.worker.on('error', (err) => fail(`failed: ${err.message}`));
    this.worker.on('exit', (code) => fail(`exited with code ${code}`));
  }
}

/**
 * A pool of analyzer threads, each with its own copy of the model (about 240 MB). Batches go to the
 * thread with the fewest pending batches. Resolves once every thread has loaded its model.
 */
export async function createAnalyzerPool(opts: AnalyzerPoolOptions = {}): Promise<BatchAnalyzer> {
  const { threads = 1, onThread, ...init } = opts;
  const slots = Array.from({ length: Math.max(1, threads) }, () => new ThreadSlot(init, onThread));
  const inflight = new Set<Promise<unknown>>();
  let closed = false;
  let seq = 0;
  try {
    await Promise.all(slots.map((s) => s.ready));
  } catch (err) {
    await Promise.all(slots.map((s) => s.worker.terminate()));
    throw err;
  }
  /** The live thread with the fewest pending batches; a dead one is replaced first. */
  const pick = (): ThreadSlot => {
    let k = 0;
    for (let i = 1; i < slots.length; i++)
      if ((slots[i]?.pending.size ?? 0) < (slots[k]?.pending.size ?? 0)) k = i;
    const slot = slots[k] as ThreadSlot;
    if (slot.worker.threadId !== -1) return slot;
    const fresh = new ThreadSlot(init, onThread);
    slots[k] = fresh;
    return fresh;
  };
  return {
    analyzeMany(items) {
      if (closed) return Promise.reject(new TransientError('analyzer pool is closed'));
      if (items.length === 0) return Promise.resolve([]);
      const slot = pick();
      const id = ++seq;
      const done = new Promise<Analysis[]>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, items } satisfies ThreadTask);
      });
      inflight.add(done);
      void done.catch(() => {}).finally(() => inflight.delete(done));
      return done;
    },
    /** Let the batches already sent finish, then stop the threads. */
    async close() {
      closed = true;
      await Promise.allSettled([...inflight]);
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
