import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Fetch again (after an action, or on a live update). */
  reload(): void;
  /** Replace the data locally (optimistic updates, live events). */
  setData(update: (prev: T | undefined) => T | undefined): void;
}

/**
 * Load data when `deps` change. Stale responses are dropped (abort + sequence check), so fast
 * filter changes never show an older answer.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): ApiState<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: deps are the caller's, plus reload ticks.
  useEffect(() => {
    const ctrl = new AbortController();
    const mine = ++seq.current;
    setLoading(true);
    loadRef
      .current(ctrl.signal)
      .then((d) => {
        if (mine !== seq.current) return;
        setDataState(d);
        setError(undefined);
      })
      .catch((err: unknown) => {
        if (mine !== seq.current || (err as Error)?.name === 'AbortError') return;
        setError(err);
      })
      .finally(() => {
        if (mine === seq.current) setLoading(false);
      });
    return () => ctrl.abort();
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const setData = useCallback((update: (prev: T | undefined) => T | undefined) => setDataState(update), []);
  return { data, error, loading, reload, setData };
}
