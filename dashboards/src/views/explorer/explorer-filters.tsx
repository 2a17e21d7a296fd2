import { dayToIso } from '../../days.ts';
import { type FormEvent, useEffect, useState } from 'react';
import type { MentionQuery } from '../../api/endpoints.ts';
import { CATEGORY_IDS, SOURCE_KINDS } from '../../api/types.ts';
import { useBrands } from '../../hooks/use-brands.ts';
import { labelOf } from '../../i18n.ts';
import { useT } from '../../i18n-react.ts';

/** Query-string keys the explorer keeps in the URL. */
export const EXPLORER_KEYS = [
  'q',
  'brand',
  'source',
  'sentiment',
  'category',
  'region',
  'from',
  'to',
] as const;

/** `YYYY-MM-DD` (China Standard Time) to an ISO instant; `end` gives the next midnight. */
export function dayBound(day: string | null, end = false): string | undefined {
  return (day && dayToIso(day, end ? 1 : 0)) || undefined;
}

/** API search parameters from the URL query. */
export function toMentionQuery(q: URLSearchParams): MentionQuery {
  const v = (k: string) => q.get(k) || undefined;
  return {
    q: v('q'),
    brand: v('brand'),
    source: v('source'),
    sentiment: v('sentiment'),
    category: v('category'),
    region: v('region'),
    from: dayBound(q.get('from')),
    to: dayBound(q.get('to'), true),
  };
}

export interface ExplorerFiltersProps {
  q: URLSearchParams;
  onChange(patch: Record<string, string | null>): void;
}

/** Every search filter. Free text applies on submit; selects apply at once. */
export function ExplorerFilters({ q, onChange }: ExplorerFiltersProps) {
  const { t } = useT();
  const { brands } = useBrands();
  const [text, setText] = useState(q.get('q') ?? '');
  const [region, setRegion] = useState(q.get('region') ?? '');
  const qText = q.get('q') ?? '';
  const qRegion = q.get('region') ?? '';
  useEffect(() => setText(qText), [qText]);
  useEffect(() => setRegion(qRegion), [qRegion]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ q: text.trim() || null, region: region.trim() || null });
  };
  const select = (key: string, options: { value: string; label: string }[], label: string) => (
    <label>
      {label}
      <select
        name={key}
        value={q.get(key) ?? ''}
        onChange={(e) => onChange({ [key]: e.target.value || null })}
      >
        <option value="">{t('common.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form className="filters explorer-filters" onSubmit={submit} data-testid="explorer-filters">
      <label className="grow">
        {t('filter.query')}
        <input name="q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      {select(
        'brand',
        brands.map((b) => ({ value: b.name, label: b.name })),
        t('filter.brand'),
      )}
      {select(
        'source',
        SOURCE_KINDS.map((s) => ({ value: s, label: labelOf(t, 'source', s) })),
        t('filter.source'),
      )}
      {select(
        'sentiment',
        (['neg', 'neu', 'pos'] as const).map((s) => ({ value: s, label: t(`sentiment.${s}`) })),
        t('filter.sentiment'),
      )}
      {select(
        'category',
        CATEGORY_IDS.map((c) => ({ value: c, label: labelOf(t, 'category', c) })),
        t('filter.category'),
      )}
      <label>
        {t('filter.region')}
        <input name="region" value={region} onChange={(e) => setRegion(e.target.value)} size={6} />
      </label>
      <label>
        {t('filter.from')}
        <input
          type="date"
          name="from"
          value={q.get('from') ?? ''}
          onChange={(e) => onChange({ from: e.target.value || null })}
        />
      </label>
      <label>
        {t('filter.to')}
        <input
          type="date"
          name="to"
          value={q.get('to') ?? ''}
          onChange={(e) => onChange({ to: e.target.value || null })}
        />
      </label>
      <button type="submit" className="btn btn-primary">
        {t('explorer.search')}
      </button>
    </form>
  );
}
