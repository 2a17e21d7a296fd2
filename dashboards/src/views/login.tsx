import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { errorMessage } from '../components/states.tsx';
import { useT } from '../i18n-react.ts';

export function LoginPage() {
  const { t, lang, setLang } = useT();
  const { login, notice } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username, password);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? t('auth.failed') : errorMessage(t, err));
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} data-testid="login-form">
        <h1>
          {t('app.name')} <small>{t('app.tagline')}</small>
        </h1>
        {notice && (
          <p className="notice" role="status" data-testid="login-notice">
            {t(notice)}
          </p>
        )}
        <label>
          {t('auth.username')}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label>
          {t('auth.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p className="form-error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('auth.submitting') : t('auth.submit')}
        </button>
        <button type="button" className="link" onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
          {t('lang.switch')}
        </button>
      </form>
    </main>
  );
}
