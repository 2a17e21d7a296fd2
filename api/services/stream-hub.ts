import type { Logger } from '../../core/index.ts';
import type { CaseEventMessage } from '../../workers/index.ts';
import { caseEventVisibility } from '../permissions.ts';

/** A connected stream client: its role and how to send it an event. */
export interface StreamClient {
  role: string;
  send(event: string, data: unknown): void;
}

type Subscribe = (handler: (msg: CaseEventMessage) => void) => Promise<() => Promise<void>>;

/** What a role receives of a message (see the stream matrix in permissions.ts), or null for nothing. */
export function visibleMessage(role: string, msg: CaseEventMessage): Record<string, unknown> | null {
  if (msg.kind === 'alert') return { ...msg };
  const v = caseEventVisibility(role);
  if (v === 'full') return { ...msg };
  if (v === 'none') return null;
  return {
    kind: msg.kind,
    caseId: msg.caseId,
    type: msg.type,
    at: msg.at,
    priority: msg.priority,
    status: msg.status,
  };
}

/**
 * Fans case events and alerts out to SSE clients. Subscribes to the workers' Redis feed when the
 * first client connects and unsubscribes when the last one leaves.
 */
export class StreamHub {
  private readonly clients = new Set<StreamClient>();
  private unsubscribe: Promise<(() => Promise<void>) | null> | null = null;

  constructor(
    private readonly subscribe: Subscribe | undefined,
    private readonly logger: Logger,
  ) {}

  /** Number of connected clients. */
  get size(): number {
    return this.clients.size;
  }

  /** Add a client; returns its removal function. */
  add(client: StreamClient): () => void {
    this.clients.add(client);
    if (!this.unsubscribe && this.subscribe) {
      this.unsubscribe = this.subscribe((msg) => this.dispatch(msg)).catch((err: unknown) => {
        this.logger.warn({ err }, 'case event subscription failed');
        return null;
      });
    }
    return () => {
      this.clients.delete(client);
      if (this.clients.size === 0 && this.unsubscribe) {
        const pending = this.unsubscribe;
        this.unsubscribe = null;
        void pending.then((off) => off?.()).catch(() => {});
      }
    };
  }

  /** Send a message to every client allowed to see it. */
  dispatch(msg: CaseEventMessage): void {
    for (const c of this.clients) {
      const data = visibleMessage(c.role, msg);
      if (data) c.send(msg.kind, data);
    }
  }
}
