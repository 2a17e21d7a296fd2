import { useEffect, useState } from 'react';
import { brands as brandsApi } from '../api/endpoints.ts';
import type { Brand } from '../api/types.ts';

let cache: Promise<Brand[]> | null = null;

/** Fetch the brand list once per page load (called right after sign-in); [] when the call fails (no retry: a reload retries). */
export function prefetchBrands(): Promise<Brand[]> {
  cache ??= brandsApi
    .list()
    .then((r) => r.items)
    .catch((): Brand[] => []);
  return cache;
}

/** The monitored brands; `ready` once the list (or its failure) is known. */
export function useBrands(): { brands: Brand[]; ready: boolean } {
  const [state, setState] = useState<{ brands: Brand[]; ready: boolean }>({ brands: [], ready: false });
  useEffect(() => {
    let live = true;
    void prefetchBrands().then((brands) => live && setState({ brands, ready: true }));
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/** The brand a filter means: `all` for none, absent for our own brand. */
export function resolveBrand(param: string | null, brands: Brand[]): string | undefined {
  if (param === 'all') return undefined;
  if (param) return param;
  return brands.find((b) => b.own)?.name;
}
