import { type FormEvent, useEffect, useState } from 'react';
import { CATEGORY_IDS } from '../../api/types.ts';
import { Async } from '../../components/states.tsx';
import { labelOf } from '../../i18n.ts';
import { useT } from '../../i18n-react.ts';
import { SaveBar } from './save-bar.tsx';
import { useConfigState, useSaveSection } from './use-setting.ts';

interface Team {
  id: string;
  name?: string;
  lead?: string;
  members: string[];
}
interface Rule {
  categories: string[];
  regions: string[];
  team: string;
}
export interface Routing {
  teams: Team[];
  rules: Rule[];
}

const list = (s: string) =>
  s
    .split(/[,，\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

function TeamsEditor({ teams, onChange }: { teams: Team[]; onChange(t: Team[]): void }) {
  const { t } = useT();
  const set = (i: number, patch: Partial<Team>) =>
    onChange(teams.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <table>
      <thead>
        <tr>
          <th>{t('settings.team')}</th>
          <th>{t('settings.displayName')}</th>
          <th>{t('role.pr_lead')}</th>
          <th>{t('role.pr_agent')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {teams.map((team, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; ids may be blank while typing.
          <tr key={i}>
            <td>
              <input required value={team.id} onChange={(e) => set(i, { id: e.target.value })} />
            </td>
            <td>
              <input
                value={team.name ?? ''}
                onChange={(e) => set(i, { name: e.target.value || undefined })}
              />
            </td>
            <td>
              <input
                value={team.lead ?? ''}
                onChange={(e) => set(i, { lead: e.target.value || undefined })}
              />
            </td>
            <td>
              <input
                value={team.members.join(', ')}
                onChange={(e) => set(i, { members: list(e.target.value) })}
              />
            </td>
            <td>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => onChange(teams.filter((_, j) => j !== i))}
              >
                {t('common.delete')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RuleRow({
  rule,
  teams,
  onChange,
  onDelete,
}: {
  rule: Rule;
  teams: Team[];
  onChange(r: Rule): void;
  onDelete(): void;
}) {
  const { t } = useT();
  const [regions, setRegions] = useState(rule.regions.join(', '));
  return (
    <tr data-testid="routing-rule">
      <td>
        <select
          multiple
          size={4}
          value={rule.categories}
          onChange={(e) =>
            onChange({ ...rule, categories: [...e.target.selectedOptions].map((o) => o.value) })
          }
        >
          {CATEGORY_IDS.map((c) => (
            <option key={c} value={c}>
              {labelOf(t, 'category', c)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          value={regions}
          onChange={(e) => setRegions(e.target.value)}
          onBlur={() => onChange({ ...rule, regions: list(regions) })}
        />
      </td>
      <td>
        <select required value={rule.team} onChange={(e) => onChange({ ...rule, team: e.target.value })}>
          <option value="" />
          {teams.map((tm) => (
            <option key={tm.id} value={tm.id}>
              {tm.name ?? tm.id}
            </option>
          ))}
        </select>
      </td>
      <td>
        <button type="button" className="btn btn-small" onClick={onDelete}>
          {t('common.delete')}
        </button>
      </td>
    </tr>
  );
}

function RoutingForm({
  value,
  onSave,
  ...bar
}: {
  value: Routing;
  onSave(v: Routing): void;
  saving: boolean;
  saved: boolean;
  error: unknown;
}) {
  const { t } = useT();
  const [v, setV] = useState(value);
  useEffect(() => setV(value), [value]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(v);
  };
  return (
    <form onSubmit={submit} className="stack">
      <h4>{t('settings.team')}</h4>
      <TeamsEditor teams={v.teams} onChange={(teams) => setV({ ...v, teams })} />
      <button
        type="button"
        className="btn btn-small"
        onClick={() => setV({ ...v, teams: [...v.teams, { id: '', members: [] }] })}
      >
        {t('common.add')}
      </button>
      <h4>{t('settings.routing')}</h4>
      <table>
        <thead>
          <tr>
            <th>{t('settings.categories')}</th>
            <th>{t('settings.regions')}</th>
            <th>{t('settings.team')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {v.rules.map((r, i) => (
            <RuleRow
              // biome-ignore lint/suspicious/noArrayIndexKey: rule order is the rule's identity (first match wins).
              key={i}
              rule={r}
              teams={v.teams}
              onChange={(nr) => setV({ ...v, rules: v.rules.map((x, j) => (j === i ? nr : x)) })}
              onDelete={() => setV({ ...v, rules: v.rules.filter((_, j) => j !== i) })}
            />
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="btn btn-small"
        onClick={() =>
          setV({ ...v, rules: [...v.rules, { categories: [], regions: [], team: v.teams[0]?.id ?? '' }] })
        }
      >
        {t('settings.addRule')}
      </button>
      <SaveBar {...bar} />
    </form>
  );
}

export function RoutingSettings() {
  const state = useConfigState();
  const s = useSaveSection('routing');
  return (
    <Async state={state}>
      {(cfg) => (
        <RoutingForm
          value={{ teams: [], rules: [], ...(cfg.routing as Partial<Routing>) }}
          onSave={(v) => void s.save(v)}
          saving={s.saving}
          saved={s.saved}
          error={s.error}
        />
      )}
    </Async>
  );
}
