import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Router } from 'express';
import type { Queues } from './queues.ts';

/** Options for {@link createBullBoardRouter}. */
export interface BullBoardOptions {
  /** Path the API mounts the router at (the UI builds its links from it). Default `/admin/queues`. */
  basePath?: string;
  /** Allow retrying, removing and promoting jobs from the UI. Default true (the mount is admin-only). */
  readOnly?: boolean;
}

/**
 * An Express router serving Bull Board for the pipeline's queues. The caller mounts it behind
 * admin-only authentication: it shows job payloads and can retry or delete jobs.
 */
export function createBullBoardRouter(queues: Queues, opts: BullBoardOptions = {}): Router {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(opts.basePath ?? '/admin/queues');
  createBullBoard({
    queues: queues
      .all()
      .map(({ queue }) => new BullMQAdapter(queue, { readOnlyMode: opts.readOnly ?? false })),
    // @bull-board/express pins its own copy of @bull-board/api; the shapes match at run time.
    serverAdapter: adapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
  });
  return adapter.getRouter() as Router;
}
