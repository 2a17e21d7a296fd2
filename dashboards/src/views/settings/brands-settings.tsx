import { type FormEvent, useState } from 'react';
import type { Brand } from '../../api/types.ts';
import { Async, ErrorBox } from '../../components/states.tsx';
import { useT } from '../../i18n-react.ts';
import { useConfigState, useSaveSection } from './use-setting.ts';

/** The name lists of a brand, as in the config file. */
const KINDS = ['aliases', 'products', 'hotlines', 'exclude'] as const;
type Kind = (typeof KINDS)[number];

/** Exactly the fields of the config schema's brand (it is a strict object). */
function clean(b: Brand): Brand {
  const out: Brand = {
    name: b.name,
    own: b.own,
    aliases: b.aliases ?? [],
    products: b.products ?? [],
    hotlines: b.hotlines ?? [],
    exclude: b.exclude ?? [],
  };
  if (b.color) out.color = b.color;
  return out;
}

function BrandCard({ b, save, error }: { b: Brand; save(next: Brand): Promise<boolean>; error: unknown }) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('aliases');
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const v = name.trim();
    if (!v || (b[kind] ?? []).includes(v)) return;
    if (await save({ ...b, [kind]: [...(b[kind] ?? []), v] })) setName('');
  };
  return (
    <div className="brand-card" data-testid="brand-card">
      <h4>
        <span className="swatch" style={{ background: b.color ?? '#ccc' }} /> {b.name}{' '}
        <span className="badge">{b.own ? t('settings.own') : t('settings.competitor')}</span>
      </h4>
      {KINDS.map((k) => (
        <ul key={k} className="alias-list">
          {(b[k] ?? []).map((a) => (
            <li key={a} className={`alias alias-${k}`}>
              <span className="muted">{t(`settings.kind.${k}`)}</span> {a}
              <button
                type="button"
                className="link"
                aria-label={`${t('common.delete')} ${a}`}
                onClick={() => void save({ ...b, [k]: (b[k] ?? []).filter((x) => x !== a) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ))}
      <form className="inline-form" onSubmit={add}>
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('settings.alias')}
          aria-label={t('settings.alias')}
        />
        <select
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
          aria-label={t('settings.aliasKind')}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`settings.kind.${k}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn-small">
          {t('common.add')}
        </button>
      </form>
      {error !== undefined && <ErrorBox error={error} />}
    </div>
  );
}

export function BrandsSettings() {
  const state = useConfigState();
  const s = useSaveSection('brands');
  return (
    <Async state={state} isEmpty={(c) => c.brands.length === 0}>
      {(cfg) => (
        <div className="brand-grid">
          {cfg.brands.map((b) => (
            <BrandCard
              key={b.name}
              b={b}
              error={s.error}
              save={(next) =>
                s.save({ brands: cfg.brands.map((x) => clean(x.name === next.name ? next : x)) })
              }
            />
          ))}
        </div>
      )}
    </Async>
  );
}
