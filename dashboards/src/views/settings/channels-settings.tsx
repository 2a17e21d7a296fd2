import { type FormEvent, useEffect, useState } from 'react';
import { PRIORITIES } from '../../api/types.ts';
import { Async } from '../../components/states.tsx';
import { useT } from '../../i18n-react.ts';
import { SaveBar } from './save-bar.tsx';
import { useConfigState, useRoutingTeams, useSaveSection } from './use-setting.ts';

/** Mirrors CHANNEL_KINDS and NOTIFY_EVENTS in core/config-schema.ts. */
const KINDS = ['webhook', 'wecom', 'dingtalk', 'feishu', 'email'] as const;
const EVENTS = [
  'case.opened',
  'case.assigned',
  'case.reminder',
  'case.escalated',
  'case.breached',
  'case.resolved',
  'alert.raised',
];

interface Channel {
  id: string;
  kind: (typeof KINDS)[number];
  url: string;
  secret?: string;
  to: string[];
  events: string[];
  rateLimit?: { max: number; windowSeconds: number };
  priorities?: string[];
  teams?: string[];
}

/**
 * A channel's optional list (`priorities`, `teams`) as a multiple select: none picked drops the key,
 * which means all.
 */
function PickSome({
  c,
  field,
  title,
  options,
  onChange,
}: {
  c: Channel;
  field: 'priorities' | 'teams';
  title: string;
  options: { value: string; label: string }[];
  onChange(c: Channel): void;
}) {
  return (
    <select
      multiple
      size={4}
      name={field}
      title={title}
      value={c[field] ?? []}
      onChange={(e) => {
        const { [field]: _drop, ...rest } = c;
        const picked = [...e.target.selectedOptions].map((o) => o.value);
        onChange(picked.length ? { ...rest, [field]: picked } : rest);
      }}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/**
 * Which cases the channel hears of: priorities and routing teams to pick (none picked is all;
 * `shared` is the shared queue, and a team routing no longer knows stays, marked). Alerts always pass.
 */
function CasesCell({ c, onChange }: { c: Channel; onChange(c: Channel): void }) {
  const { t } = useT();
  const known = useRoutingTeams();
  const ids = [...known.map((x) => x.id), 'shared'];
  const teams = [
    ...known.map((x) => ({ value: x.id, label: x.name ? `${x.name} (${x.id})` : x.id })),
    { value: 'shared', label: t('settings.sharedQueue') },
    ...(c.teams ?? [])
      .filter((x) => !ids.includes(x))
      .map((x) => ({ value: x, label: t('settings.unknownTeam', { team: x }) })),
  ];
  return (
    <>
      <PickSome
        c={c}
        field="priorities"
        title={t('settings.prioritiesHint')}
        options={PRIORITIES.map((p) => ({ value: p, label: p }))}
        onChange={onChange}
      />
      <PickSome
        c={c}
        field="teams"
        title={t('settings.channelTeamsHint')}
        options={teams}
        onChange={onChange}
      />
    </>
  );
}

/** Mirrors KIND_LIMITS in workers/notify-rate.ts: the robots' documented messages a minute. */
const KIND_PER_MINUTE: Partial<Record<Channel['kind'], number>> = { wecom: 20, dingtalk: 20, feishu: 100 };

/**
 * Messages a minute: blank is the kind's default (shown as the placeholder). A limit over another
 * window, set in the config file, is shown as it is and kept.
 */
function RateCell({ c, onChange }: { c: Channel; onChange(c: Channel): void }) {
  const { t } = useT();
  const r = c.rateLimit;
  if (r && r.windowSeconds !== 60)
    return <span>{t('settings.rateOther', { max: r.max, s: r.windowSeconds })}</span>;
  const byKind = KIND_PER_MINUTE[c.kind];
  return (
    <input
      name="perMinute"
      type="number"
      min="1"
      step="1"
      size={5}
      value={r?.max ?? ''}
      placeholder={byKind === undefined ? t('settings.rateNone') : String(byKind)}
      onChange={(e) => {
        const { rateLimit: _r, ...rest } = c;
        const max = Number.parseInt(e.target.value, 10);
        onChange(Number.isFinite(max) && max > 0 ? { ...rest, rateLimit: { max, windowSeconds: 60 } } : rest);
      }}
    />
  );
}

function ChannelRow({ c, onChange, onDelete }: { c: Channel; onChange(c: Channel): void; onDelete(): void }) {
  const { t } = useT();
  return (
    <tr data-testid="channel-row">
      <td>
        <input required value={c.id} onChange={(e) => onChange({ ...c, id: e.target.value })} />
      </td>
      <td>
        <select value={c.kind} onChange={(e) => onChange({ ...c, kind: e.target.value as Channel['kind'] })}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input required value={c.url} onChange={(e) => onChange({ ...c, url: e.target.value })} size={36} />
      </td>
      <td>
        <select
          multiple
          size={4}
          value={c.events}
          onChange={(e) => onChange({ ...c, events: [...e.target.selectedOptions].map((o) => o.value) })}
        >
          {EVENTS.map((ev) => (
            <option key={ev} value={ev}>
              {ev}
            </option>
          ))}
        </select>
      </td>
      <td>
        <CasesCell c={c} onChange={onChange} />
      </td>
      <td>
        <RateCell c={c} onChange={onChange} />
      </td>
      <td>
        <button type="button" className="btn btn-small" onClick={onDelete}>
          {t('common.delete')}
        </button>
      </td>
    </tr>
  );
}

function ChannelsForm({
  value,
  onSave,
  ...bar
}: {
  value: Channel[];
  onSave(v: Channel[]): void;
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
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>ID</th>
              <th>{t('settings.channelKind')}</th>
              <th>{t('settings.url')}</th>
              <th>{t('settings.events')}</th>
              <th>{t('settings.channelCases')}</th>
              <th title={t('settings.perMinuteHint')}>{t('settings.perMinute')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {v.map((c, i) => (
              <ChannelRow
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; ids may be blank while typing.
                key={i}
                c={c}
                onChange={(nc) => setV(v.map((x, j) => (j === i ? nc : x)))}
                onDelete={() => setV(v.filter((_, j) => j !== i))}
              />
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => setV([...v, { id: '', kind: 'webhook', url: '', to: [], events: [...EVENTS] }])}
      >
        {t('common.add')}
      </button>
      <SaveBar {...bar} />
    </form>
  );
}

export function ChannelsSettings() {
  const state = useConfigState();
  const s = useSaveSection('notifications');
  return (
    <Async state={state}>
      {(cfg) => (
        <ChannelsForm
          value={cfg.notifications.channels as unknown as Channel[]}
          onSave={(channels) => void s.save({ channels })}
          saving={s.saving}
          saved={s.saved}
          error={s.error}
        />
      )}
    </Async>
  );
}
