import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyzer } from './analyzer.ts';
import type { ThreadInit, ThreadReply, ThreadTask } from './analyzer-pool.ts';

/** Entry point of one {@link createAnalyzerPool} thread: load the model once, then analyze batches. */
const port = parentPort;
if (!port) throw new Error('analyzer-thread.ts runs as a worker thread only');
const analyzer = createAnalyzer(workerData as ThreadInit);
port.on('message', (task: ThreadTask) => {
  const reply: ThreadReply = { id: task.id, results: [] };
  for (const item of task.items) {
    try {
      reply.results.push({ ok: analyzer.analyze(item.text, item.meta) });
    } catch (err) {
      reply.results.push({ error: err instanceof Error ? err.message : String(err) });
    }
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
