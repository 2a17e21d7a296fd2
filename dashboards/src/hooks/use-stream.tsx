import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { API_BASE } from '../api/client.ts';

/** One server-sent event: its name (`case.opened`) and parsed JSON payload. */
export interface StreamEvent {
  type: string;
  data: unknown;
}

type Listener = (e: StreamEvent) => void;

interface Stream {
  connected: boolean;
  subscribe(fn: Listener): () => void;
}

/** Event names the API sends on /api/v1/stream; unnamed `message` events are accepted too. */
export const STREAM_EVENTS = [
  'case.opened',
  'case.changed',
  'alert',
  'case.updated',
  'mention.created',
] as const;

const StreamContext = createContext<Stream>({ connected: false, subscribe: () => () => {} });

function parse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** One EventSource for the whole app while signed in; EventSource reconnects by itself. */
export function StreamProvider({ children }: { children: ReactNode }) {
  const listeners = useRef(new Set<Listener>());
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    const es = new EventSource(`${API_BASE}/stream`, { withCredentials: true });
    const emit = (type: string, raw: string) => {
      const payload = parse(raw);
      // Unnamed events may carry their type inside: { type, data }.
      if (type === 'message' && payload && typeof payload === 'object' && 'type' in payload) {
        const p = payload as { type: unknown; data?: unknown };
        if (typeof p.type === 'string') type = p.type;
      }
      for (const fn of listeners.current) fn({ type, data: payload });
    };
    es.onopen = () => setConnected(true);
    es.onerror = () => setConnected(es.readyState === EventSource.OPEN);
    es.onmessage = (e) => emit('message', e.data);
    for (const name of STREAM_EVENTS)
      es.addEventListener(name, (e) => emit(name, (e as MessageEvent<string>).data));
    return () => es.close();
  }, []);

  const value = useRef<Stream>({
    connected: false,
    subscribe(fn) {
      listeners.current.add(fn);
      return () => listeners.current.delete(fn);
    },
  });
  return <StreamContext.Provider value={{ ...value.current, connected }}>{children}</StreamContext.Provider>;
}

/** Call `fn` for every live event (latest `fn`, no resubscribe per render). */
export function useStream(fn: Listener): boolean {
  const { subscribe, connected } = useContext(StreamContext);
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => subscribe((e) => ref.current(e)), [subscribe]);
  return connected;
}
