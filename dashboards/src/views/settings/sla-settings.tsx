import { type FormEvent, useEffect, useState } from 'react';
import { PRIORITIES } from '../../api/types.ts';
import { Async } from '../../components/states.tsx';
import { useT } from '../../i18n-react.ts';
import { SaveBar } from './save-bar.tsx';
import { useConfigState, useSaveSection } from './use-setting.ts';

export interface SlaPolicy {
  firstResponseHours: number;
  byPriority: Partial<Record<(typeof PRIORITIES)[number], number>>;
  reminders: number[];
  escalateAfterHours: number;
}

const DEFAULT: SlaPolicy = {
  firstResponseHours: 24,
  byPriority: {},
  reminders: [0.5, 0.8],
  escalateAfterHours: 20,
};

function SlaForm({
  value,
  onSave,
  ...bar
}: {
  value: SlaPolicy;
  onSave(v: SlaPolicy): void;
  saving: boolean;
  saved: boolean;
  error: unknown;
}) {
  const { t } = useT();
  const [v, setV] = useState(value);
  const [reminders, setReminders] = useState(value.reminders.join(', '));
  useEffect(() => {
    setV(value);
    setReminders(value.reminders.join(', '));
  }, [value]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = reminders
      .split(/[,，\s]+/)
      .map(Number)
      .filter((x) => x > 0 && x < 1);
    const byPriority = Object.fromEntries(
      Object.entries(v.byPriority).filter(([, h]) => h !== undefined && h > 0),
    );
    onSave({ ...v, reminders: r, byPriority });
  };
  const num = (s: string) => (s === '' ? undefined : Number(s));
  return (
    <form className="form-grid" onSubmit={submit} data-testid="sla-form">
      <label>
        {t('settings.firstResponseHours')}
        <input
          name="firstResponseHours"
          type="number"
          min="0.01"
          step="any"
          required
          value={v.firstResponseHours}
          onChange={(e) => setV({ ...v, firstResponseHours: Number(e.target.value) })}
        />
      </label>
      <label>
        {t('settings.escalateAfterHours')}
        <input
          name="escalateAfterHours"
          type="number"
          min="0.01"
          step="any"
          required
          value={v.escalateAfterHours}
          onChange={(e) => setV({ ...v, escalateAfterHours: Number(e.target.value) })}
        />
      </label>
      <label>
        {t('settings.reminders')}
        <input name="reminders" value={reminders} onChange={(e) => setReminders(e.target.value)} />
      </label>
      <fieldset>
        <legend>{t('settings.byPriority')}</legend>
        {PRIORITIES.map((p) => (
          <label key={p} className="inline">
            {p}
            <input
              type="number"
              min="0.01"
              step="any"
              value={v.byPriority[p] ?? ''}
              onChange={(e) => setV({ ...v, byPriority: { ...v.byPriority, [p]: num(e.target.value) } })}
            />
          </label>
        ))}
      </fieldset>
      <SaveBar {...bar} />
    </form>
  );
}

export function SlaSettings() {
  const state = useConfigState();
  const s = useSaveSection('sla');
  return (
    <Async state={state}>
      {(cfg) => (
        <SlaForm
          value={{ ...DEFAULT, ...(cfg.sla as Partial<SlaPolicy>) }}
          onSave={(v) => void s.save(v)}
          saving={s.saving}
          saved={s.saved}
          error={s.error}
        />
      )}
    </Async>
  );
}
