import { dayToIso } from '../days.ts';
import { useMemo } from 'react';
import type { AnalyticsFilters } from '../api/analytics-types.ts';
import { CATEGORY_IDS, SOURCE_KINDS } from '../api/types.ts';
import { resolveBrand, useBrands } from '../hooks/use-brands.ts';
import { labelOf } from '../i18n.ts';
import { useT } from '../i18n-react.ts';
import { useQueryState } from '../router.ts';

export const RANGES = { '24h': 24, '7d': 24 * 7, '30d': 24 * 30, '90d': 24 * 90 } as const;
export type RangeId = keyof typeof RANGES;
const DEFAULT_RANGE: RangeId = '7d';
const FIVE_MIN = 5 * 60 * 1000;

function isRange(s: string | null): s is RangeId {
  return s !== null && s in RANGES;
}

/** A `YYYY-MM-DD` date from the URL, as the start of that day in China Standard Time (02-30: none). */
function dayStart(s: string, plusDays = 0): string | undefined {
  return dayToIso(s, plusDays) ?? undefined;
}

/**
 * The filters in the URL (`?brand=&range=7d&source=&category=`, or `from=YYYY-MM-DD&to=…`), as API
 * parameters. No brand means our own brand, `brand=all` every brand. Relative ranges end "now",
 * rounded to five minutes so repeated renders ask the same. `ready` is false until the brand list
 * is known (so the first request already has the right brand).
 */
export function useAnalyticsFilters(): {
  filters: AnalyticsFilters;
  range: RangeId | 'custom';
  ready: boolean;
} {
  const [q] = useQueryState();
  const { brands, ready } = useBrands();
  const brand = resolveBrand(q.get('brand'), brands);
  const source = q.get('source') ?? undefined;
  const category = q.get('category') ?? undefined;
  const rangeParam = q.get('range');
  const fromDay = q.get('from');
  const toDay = q.get('to');
  return useMemo(() => {
    const custom = fromDay ? dayStart(fromDay) : undefined;
    if (custom) {
      const to = (toDay && dayStart(toDay, 1)) || new Date().toISOString();
      return { filters: { brand, source, category, from: custom, to }, range: 'custom' as const, ready };
    }
    const range = isRange(rangeParam) ? rangeParam : DEFAULT_RANGE;
    const end = Math.ceil(Date.now() / FIVE_MIN) * FIVE_MIN;
    const from = new Date(end - RANGES[range] * 3_600_000).toISOString();
    return { filters: { brand, source, category, from, to: new Date(end).toISOString() }, range, ready };
  }, [brand, source, category, rangeParam, fromDay, toDay, ready]);
}

/** Brand, time range, source and category selectors; every change goes to the URL. */
export function FilterBar({ children }: { children?: React.ReactNode }) {
  const { t } = useT();
  const [q, setQuery] = useQueryState();
  const { brands } = useBrands();
  const { range } = useAnalyticsFilters();
  const own = brands.find((b) => b.own)?.name;
  const brandValue = q.get('brand') ?? (own ? '' : 'all');
  const unknownBrand =
    brands.length > 0 &&
    brandValue !== '' &&
    brandValue !== 'all' &&
    !brands.some((b) => b.name === brandValue);
  return (
    <form className="filters" data-testid="filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('filter.brand')}
        <select
          value={brandValue}
          onChange={(e) => setQuery({ brand: e.target.value })}
          name="brand"
          data-testid="brand-filter"
        >
          {own && <option value="">{own}</option>}
          {brands
            .filter((b) => b.name !== own)
            .map((b) => (
              <option key={b.name} value={b.name}>
                {b.name}
              </option>
            ))}
          <option value="all">{t('filter.allBrands')}</option>
          {/* A brand from a shared link that is not configured (any more): show what is filtered. */}
          {unknownBrand && <option value={brandValue}>{brandValue}</option>}
        </select>
      </label>
      <label>
        {t('filter.range')}
        <select
          name="range"
          value={range}
          onChange={(e) =>
            setQuery({ range: e.target.value === '7d' ? null : e.target.value, from: null, to: null })
          }
        >
          {(Object.keys(RANGES) as RangeId[]).map((r) => (
            <option key={r} value={r}>
              {t(`range.${r}`)}
            </option>
          ))}
          {range === 'custom' && <option value="custom">{`${q.get('from')} – ${q.get('to') ?? ''}`}</option>}
        </select>
      </label>
      <label>
        {t('filter.source')}
        <select
          name="source"
          value={q.get('source') ?? ''}
          onChange={(e) => setQuery({ source: e.target.value })}
        >
          <option value="">{t('common.all')}</option>
          {SOURCE_KINDS.map((s) => (
            <option key={s} value={s}>
              {labelOf(t, 'source', s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filter.category')}
        <select
          name="category"
          value={q.get('category') ?? ''}
          onChange={(e) => setQuery({ category: e.target.value })}
        >
          <option value="">{t('common.all')}</option>
          {CATEGORY_IDS.map((c) => (
            <option key={c} value={c}>
              {labelOf(t, 'category', c)}
            </option>
          ))}
        </select>
      </label>
      {children}
    </form>
  );
}
