import { type FormEvent, useState } from 'react';
import { admin } from '../../api/endpoints.ts';
import { ROLES } from '../../api/types.ts';
import { Async, ErrorBox } from '../../components/states.tsx';
import { formatDateTime } from '../../format.ts';
import { useApi } from '../../hooks/use-api.ts';
import { useT } from '../../i18n-react.ts';

export function KeysSettings() {
  const { t, lang } = useT();
  const state = useApi(() => admin.keys.list().then((r) => r.items), []);
  const [name, setName] = useState('');
  const [role, setRole] = useState('viewer');
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const run = async (fn: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await fn();
      state.reload();
    } catch (err) {
      setError(err);
    }
  };
  const create = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const k = await admin.keys.create(name, role);
      setShown(k.key);
      setName('');
    });
  };
  return (
    <div className="stack">
      <form className="inline-form" onSubmit={create}>
        <input
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('settings.keyName')}
          aria-label={t('settings.keyName')}
        />
        <select value={role} onChange={(e) => setRole(e.target.value)} aria-label={t('settings.role')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn-primary btn-small">
          {t('settings.newKey')}
        </button>
      </form>
      {shown && (
        <p className="notice" data-testid="new-key">
          {t('settings.keyShownOnce')} <code>{shown}</code>
        </p>
      )}
      {error !== undefined && <ErrorBox error={error} />}
      <Async state={state}>
        {(keys) => (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('settings.keyName')}</th>
                  <th>ID</th>
                  <th>{t('settings.role')}</th>
                  <th>{t('settings.lastUsed')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k.id}>
                    <td>{k.name}</td>
                    <td>
                      <code>{k.prefix}…</code>
                    </td>
                    <td>{t(`role.${k.role as (typeof ROLES)[number]}`)}</td>
                    <td>{k.lastUsedAt ? formatDateTime(lang, k.lastUsedAt) : t('time.never')}</td>
                    <td>
                      {k.revokedAt ? (
                        <span className="badge">{t('settings.revoked')}</span>
                      ) : (
                        <button
                          type="button"
                          className="btn btn-small"
                          onClick={() => void run(() => admin.keys.revoke(k.id))}
                        >
                          {t('settings.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
    </div>
  );
}
