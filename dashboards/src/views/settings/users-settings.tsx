import { type FormEvent, useState } from 'react';
import { type AdminUser, admin } from '../../api/endpoints.ts';
import { ROLES } from '../../api/types.ts';
import { Async, ErrorBox } from '../../components/states.tsx';
import { formatDateTime } from '../../format.ts';
import { useApi } from '../../hooks/use-api.ts';
import { useT } from '../../i18n-react.ts';
import { useRoutingTeams } from './use-setting.ts';

/**
 * A user's team, picked from the routing teams: a typed name that matches no team meant the user
 * silently never got a case. A team that is not (or no longer) configured stays visible, marked.
 */
function TeamSelect({ value, onChange }: { value: string; onChange(team: string): void }) {
  const { t } = useT();
  const teams = useRoutingTeams();
  const unknown = value !== '' && !teams.some((x) => x.id === value);
  return (
    <select
      value={value}
      aria-label={t('settings.team')}
      data-unknown={unknown || undefined}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{t('settings.noTeam')}</option>
      {teams.map((x) => (
        <option key={x.id} value={x.id}>
          {x.name ? `${x.name} (${x.id})` : x.id}
        </option>
      ))}
      {unknown && <option value={value}>{t('settings.unknownTeam', { team: value })}</option>}
    </select>
  );
}

function NewUser({ onCreated }: { onCreated(): void }) {
  const { t } = useT();
  const [u, setU] = useState({ username: '', password: '', role: 'viewer', displayName: '', team: '' });
  const [error, setError] = useState<unknown>(undefined);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await admin.users.create({ ...u, displayName: u.displayName || undefined, team: u.team || undefined });
      setU({ username: '', password: '', role: 'viewer', displayName: '', team: '' });
      onCreated();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} data-testid="new-user">
      <input
        required
        placeholder={t('auth.username')}
        aria-label={t('auth.username')}
        value={u.username}
        onChange={(e) => setU({ ...u, username: e.target.value })}
      />
      <input
        required
        type="password"
        minLength={8}
        autoComplete="new-password"
        placeholder={t('auth.password')}
        aria-label={t('auth.password')}
        value={u.password}
        onChange={(e) => setU({ ...u, password: e.target.value })}
      />
      <input
        placeholder={t('settings.displayName')}
        aria-label={t('settings.displayName')}
        value={u.displayName}
        onChange={(e) => setU({ ...u, displayName: e.target.value })}
      />
      <TeamSelect value={u.team} onChange={(team) => setU({ ...u, team })} />
      <select
        value={u.role}
        aria-label={t('settings.role')}
        onChange={(e) => setU({ ...u, role: e.target.value })}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="btn btn-primary btn-small">
        {t('settings.newUser')}
      </button>
      {error !== undefined && <ErrorBox error={error} />}
    </form>
  );
}

function UserRow({ u, onChanged }: { u: AdminUser; onChanged(): void }) {
  const { t, lang } = useT();
  const [error, setError] = useState<unknown>(undefined);
  const update = async (patch: Parameters<typeof admin.users.update>[1]) => {
    setError(undefined);
    try {
      await admin.users.update(u.id, patch);
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <tr data-testid="user-row">
      <td>
        <strong>{u.username}</strong>
        <div className="muted">{u.displayName}</div>
        {error !== undefined && <ErrorBox error={error} />}
      </td>
      <td>
        <select
          value={u.role}
          aria-label={t('settings.role')}
          onChange={(e) => void update({ role: e.target.value })}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <TeamSelect value={u.team ?? ''} onChange={(team) => void update({ team: team || null })} />
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={t('settings.onDuty')}
          checked={u.onDuty}
          onChange={(e) => void update({ onDuty: e.target.checked })}
        />
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={t('settings.disabled')}
          checked={u.disabled}
          onChange={(e) => void update({ disabled: e.target.checked })}
        />
      </td>
      <td>{u.lastLoginAt ? formatDateTime(lang, u.lastLoginAt) : t('time.never')}</td>
    </tr>
  );
}

export function UsersSettings() {
  const { t } = useT();
  const state = useApi(() => admin.users.list().then((r) => r.items), []);
  return (
    <div className="stack">
      <NewUser onCreated={state.reload} />
      <Async state={state}>
        {(users) => (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('auth.username')}</th>
                  <th>{t('settings.role')}</th>
                  <th>{t('settings.team')}</th>
                  <th>{t('settings.onDuty')}</th>
                  <th>{t('settings.disabled')}</th>
                  <th>{t('settings.lastLogin')}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <UserRow key={u.id} u={u} onChanged={state.reload} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
    </div>
  );
}
