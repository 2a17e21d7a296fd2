import { type FormEvent, useEffect, useState } from 'react';
import { PRIORITIES } from '../../api/types.ts';
import { Async } from '../../components/states.tsx';
import type { MessageKey } from '../../i18n.ts';
import { useT } from '../../i18n-react.ts';
import { SaveBar } from './save-bar.tsx';
import { useConfigState, useSaveSection } from './use-setting.ts';

export interface SlaPolicy {
  firstResponseHours: number;
  byPriority: Partial<Record<(typeof PRIORITIES)[number], number>>;
  reminders: number[];
  escalateAfterHours: number;
  foundLateHours: number;
}

const DEFAULT: SlaPolicy = {
  firstResponseHours: 24,
  byPriority: {},
  reminders: [0.5, 0.8],
  escalateAfterHours: 20,
  foundLateHours: 4,
};

/**
 * Reminder fractions from the form ("0.5, 0.8"), or null when any entry is not a number strictly
 * between 0 and 1: a typo must not silently save an empty list and switch every reminder off.
 */
export function parseReminders(text: string): number[] | null {
  const parts = text.split(/[,，\s]+/).filter(Boolean);
  const values = parts.map(Number);
  return values.every((x) => Number.isFinite(x) && x > 0 && x < 1) ? values : null;
}

type HoursKey = 'firstResponseHours' | 'escalateAfterHours' | 'foundLateHours';

/** One hours field of the policy, labelled `settings.<name>`, with an optional hint as its title. */
function HoursField({
  name,
  value,
  onChange,
  min,
  hint,
}: {
  name: HoursKey;
  value: SlaPolicy;
  onChange(v: SlaPolicy): void;
  min: string;
  hint?: MessageKey;
}) {
  const { t } = useT();
  return (
    <label {...(hint ? { title: t(hint) } : {})}>
      {t(`settings.${name}`)}
      <input
        name={name}
        type="number"
        min={min}
        step="any"
        required
        value={value[name]}
        onChange={(e) => onChange({ ...value, [name]: Number(e.target.value) })}
      />
    </label>
  );
}

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
  const parsed = parseReminders(reminders);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!parsed) return;
    const byPriority = Object.fromEntries(
      Object.entries(v.byPriority).filter(([, h]) => h !== undefined && h > 0),
    );
    onSave({ ...v, reminders: parsed, byPriority });
  };
  const num = (s: string) => (s === '' ? undefined : Number(s));
  return (
    <form className="form-grid" onSubmit={submit} data-testid="sla-form">
      <HoursField name="firstResponseHours" value={v} onChange={setV} min="0.01" />
      <HoursField name="escalateAfterHours" value={v} onChange={setV} min="0.01" />
      <HoursField
        name="foundLateHours"
        value={v}
        onChange={setV}
        min="0"
        hint="settings.foundLateHoursHint"
      />
      <label>
        {t('settings.reminders')}
        <input
          name="reminders"
          value={reminders}
          aria-invalid={!parsed}
          onChange={(e) => setReminders(e.target.value)}
        />
      </label>
      {!parsed && (
        <p className="form-error" role="alert" data-testid="reminders-error">
          {t('settings.remindersInvalid')}
        </p>
      )}
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
      <SaveBar {...bar} disabled={!parsed} />
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
