import { type ChangeEvent, type FormEvent, type ReactNode, useEffect, useId, useState } from 'react';
import type { Campaign } from '../../api/analytics-types.ts';
import { campaigns } from '../../api/endpoints.ts';
import { ErrorBox } from '../../components/states.tsx';
import { useBrands } from '../../hooks/use-brands.ts';
import { useT } from '../../i18n-react.ts';
import {
  type CampaignForm,
  checkCampaign,
  type DayField,
  emptyForm,
  type ErrorField,
  type FormError,
  formFromCampaign,
  splitHashtags,
  splitTerms,
} from './campaign-input.ts';

/** The messages of one field (everything is rendered as text). */
function FieldErrors({ field, errors }: { field: ErrorField; errors: FormError[] }) {
  const { t } = useT();
  const mine = errors.filter((e) => e.field === field);
  if (mine.length === 0) return null;
  return (
    <span className="form-error" data-testid={`campaign-error-${field}`}>
      {mine.map((e) => t(e.key, e.vars)).join(' ')}
    </span>
  );
}

/** A textarea of terms, with the terms it parses to shown back as a list. */
function TermsInput(props: {
  name: 'keywords' | 'hashtags';
  label: string;
  value: string;
  parse(text: string): string[];
  onChange(value: string): void;
}) {
  const { t } = useT();
  const terms = props.parse(props.value);
  return (
    <label>
      {props.label}
      <textarea
        name={props.name}
        rows={2}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <ul className="term-list" data-testid={`campaign-${props.name}-list`}>
        {terms.length === 0 && <li className="muted">{t('campaign.noTerms')}</li>}
        {terms.map((term) => (
          <li key={term} className="badge">
            {props.name === 'hashtags' ? `#${term}` : term}
          </li>
        ))}
      </ul>
    </label>
  );
}

/** The brand: a select of the configured brands (plus the campaign's own if it left the config). */
function BrandInput({ id, value, onChange }: { id: string; value: string; onChange(value: string): void }) {
  const { t } = useT();
  const { brands, ready } = useBrands();
  const names = brands.map((b) => b.name);
  if (value && !names.includes(value)) names.unshift(value);
  // No brand list (the call failed): a free text field still lets the user save.
  if (ready && names.length === 0)
    return <input id={id} name="brand" value={value} onChange={(e) => onChange(e.target.value)} />;
  return (
    <select id={id} name="brand" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('campaign.field.brand')}</option>
      {names.map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
    </select>
  );
}

/** A labelled field with its errors below; `children` renders the control with the label's id. */
function Field(props: {
  label: string;
  field: ErrorField;
  errors: FormError[];
  children(id: string): ReactNode;
}) {
  const id = useId();
  return (
    <label htmlFor={id}>
      {props.label}
      {props.children(id)}
      <FieldErrors field={props.field} errors={props.errors} />
    </label>
  );
}

/** Form state: the values, plus date inputs holding a half-typed or impossible date (value ''). */
function useCampaignFormState(campaign: Campaign | null) {
  const { brands } = useBrands();
  const [form, setForm] = useState<CampaignForm>(() => (campaign ? formFromCampaign(campaign) : emptyForm()));
  const [bad, setBad] = useState<Partial<Record<DayField, boolean>>>({});
  // A new campaign starts on our own brand once the brand list has arrived.
  const ownBrand = brands.find((b) => b.own)?.name ?? brands[0]?.name ?? '';
  useEffect(() => {
    if (!campaign && ownBrand) setForm((f) => (f.brand ? f : { ...f, brand: ownBrand }));
  }, [campaign, ownBrand]);
  const set = (patch: Partial<CampaignForm>) => setForm((f) => ({ ...f, ...patch }));
  const setDay = (field: DayField) => (e: ChangeEvent<HTMLInputElement>) => {
    setBad((b) => ({ ...b, [field]: e.target.validity.badInput }));
    set({ [field]: e.target.value });
  };
  // A date the browser could not read is checked as a malformed day, not as an empty one.
  const checked: CampaignForm = { ...form };
  for (const f of Object.keys(bad) as DayField[]) if (bad[f]) checked[f] = 'invalid';
  return { form, set, setDay, check: () => checkCampaign(checked, campaign ?? undefined) };
}

/** Save through the API; the server's refusal is shown as it comes. */
function useSave(campaign: Campaign | null, onSaved: (c: Campaign) => void) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const save = async (body: Parameters<typeof campaigns.create>[0]) => {
    setSaving(true);
    setError(undefined);
    try {
      onSaved(await (campaign ? campaigns.update(campaign.id, body) : campaigns.create(body)));
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, save };
}

type SetForm = (patch: Partial<CampaignForm>) => void;
type DayInput = (field: DayField, id: string) => ReactNode;

/** Keywords and hashtags, with the rule that at least one is needed. */
function TermFields({ form, set, errors }: { form: CampaignForm; set: SetForm; errors: FormError[] }) {
  const { t } = useT();
  return (
    <fieldset className="campaign-terms">
      <TermsInput
        name="keywords"
        label={t('campaign.field.keywords')}
        value={form.keywords}
        parse={splitTerms}
        onChange={(keywords) => set({ keywords })}
      />
      <TermsInput
        name="hashtags"
        label={t('campaign.field.hashtags')}
        value={form.hashtags}
        parse={splitHashtags}
        onChange={(hashtags) => set({ hashtags })}
      />
      <p className="muted small">{t('campaign.hint.terms')}</p>
      <FieldErrors field="terms" errors={errors} />
    </fieldset>
  );
}

/** The campaign's days and the optional baseline, with how days map to time. */
function WindowFields({ day, errors }: { day: DayInput; errors: FormError[] }) {
  const { t } = useT();
  return (
    <>
      <fieldset>
        <Field label={t('campaign.field.start')} field="startDay" errors={errors}>
          {(id) => day('startDay', id)}
        </Field>
        <Field label={t('campaign.field.end')} field="endDay" errors={errors}>
          {(id) => day('endDay', id)}
        </Field>
        <p className="muted small">{t('campaign.hint.days')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('campaign.field.baseline')}</legend>
        <Field label={t('campaign.field.baselineStart')} field="baselineStartDay" errors={errors}>
          {(id) => day('baselineStartDay', id)}
        </Field>
        <Field label={t('campaign.field.baselineEnd')} field="baselineEndDay" errors={errors}>
          {(id) => day('baselineEndDay', id)}
        </Field>
        <p className="muted small">{t('campaign.hint.baseline')}</p>
        <FieldErrors field="baseline" errors={errors} />
      </fieldset>
    </>
  );
}

/**
 * Create (no `campaign`) or edit a campaign. Errors show after the first submit, then as the user
 * types; nothing is sent while the form breaks a rule. `footer` holds extra actions (delete).
 */
export function CampaignFormPanel(props: {
  campaign: Campaign | null;
  onSaved(c: Campaign): void;
  onCancel(): void;
  footer?: ReactNode;
}) {
  const { t } = useT();
  const { form, set, setDay, check } = useCampaignFormState(props.campaign);
  const { saving, error, save } = useSave(props.campaign, props.onSaved);
  const [tried, setTried] = useState(false);
  const result = check();
  const errors = tried && !result.ok ? result.errors : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (result.ok) void save(result.body);
  };
  const day = (field: DayField, id: string) => (
    <input id={id} type="date" name={field} value={form[field]} onChange={setDay(field)} />
  );
  return (
    <form className="panel campaign-form" onSubmit={submit} noValidate data-testid="campaign-form">
      <h3>{props.campaign ? t('campaign.editTitle') : t('campaign.new')}</h3>
      <div className="campaign-form-grid">
        <Field label={t('campaign.field.name')} field="name" errors={errors}>
          {(id) => (
            <input id={id} name="name" value={form.name} onChange={(e) => set({ name: e.target.value })} />
          )}
        </Field>
        <Field label={t('campaign.field.brand')} field="brand" errors={errors}>
          {(id) => <BrandInput id={id} value={form.brand} onChange={(brand) => set({ brand })} />}
        </Field>
        <TermFields form={form} set={set} errors={errors} />
        <WindowFields day={day} errors={errors} />
      </div>
      {error !== undefined && <ErrorBox error={error} />}
      <div className="campaign-form-actions">
        <button type="submit" className="btn btn-primary" disabled={saving} data-testid="campaign-save">
          {saving ? t('campaign.saving') : props.campaign ? t('common.save') : t('campaign.create')}
        </button>
        <button type="button" className="btn" onClick={props.onCancel} disabled={saving}>
          {t('common.cancel')}
        </button>
        {props.footer}
      </div>
    </form>
  );
}

/** Delete, after a second click on an inline confirmation naming the campaign. */
export function DeleteCampaign({ campaign, onDeleted }: { campaign: Campaign; onDeleted(): void }) {
  const { t } = useT();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const remove = async () => {
    setError(undefined);
    try {
      await campaigns.remove(campaign.id);
      onDeleted();
    } catch (err) {
      setError(err);
    }
  };
  if (!asking)
    return (
      <button type="button" className="btn campaign-delete" onClick={() => setAsking(true)}>
        {t('common.delete')}
      </button>
    );
  return (
    <span className="campaign-confirm" role="alert" data-testid="campaign-confirm-delete">
      {t('campaign.confirmDelete', { name: campaign.name })}
      <button type="button" className="btn campaign-delete" onClick={() => void remove()}>
        {t('campaign.confirmDeleteYes')}
      </button>
      <button type="button" className="btn" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
      {error !== undefined && <ErrorBox error={error} />}
    </span>
  );
}
