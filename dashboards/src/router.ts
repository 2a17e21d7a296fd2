import { useCallback, useSyncExternalStore } from 'react';

/** A tiny History-API router: the dashboard has a handful of views and needs nothing more. */
const EVENT = 'koubei:navigate';

function subscribe(cb: () => void): () => void {
  window.addEventListener('popstate', cb);
  window.addEventListener(EVENT, cb);
  return () => {
    window.removeEventListener('popstate', cb);
    window.removeEventListener(EVENT, cb);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** Go to `to` (path and query). */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(EVENT));
}

export interface Location {
  path: string;
  /** Path segments: `/inbox/12` → ['inbox', '12']. */
  segments: string[];
  query: URLSearchParams;
}

/** The current location; re-renders on navigation. */
export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname, segments: url.pathname.split('/').filter(Boolean), query: url.searchParams };
}

/** Build `path?query`, dropping empty values so shared URLs stay short. */
export function withQuery(path: string, params: Record<string, string | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** Read and patch the URL query: filters live in the URL, so a view is shareable. */
export function useQueryState(): [
  URLSearchParams,
  (patch: Record<string, string | undefined | null>) => void,
] {
  const { path, query } = useLocation();
  const set = useCallback(
    (patch: Record<string, string | undefined | null>) => {
      const q = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(patch)) {
        if (v) q.set(k, v);
        else q.delete(k);
      }
      const s = q.toString();
      navigate(s ? `${path}?${s}` : path, { replace: true });
    },
    [path],
  );
  return [query, set];
}
