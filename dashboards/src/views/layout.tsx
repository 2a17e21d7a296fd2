import { type MouseEvent, type ReactNode, useState } from 'react';
import { type ViewId, VIEW_LABEL, viewsFor } from '../auth/permissions.ts';
import { useUser, useSession } from '../auth/session.tsx';
import { useT } from '../i18n-react.ts';
import { navigate } from '../router.ts';

/** Follow an in-app link without reloading; modified clicks open a new tab as usual. */
export function onLinkClick(e: MouseEvent<HTMLAnchorElement>, to: string): void {
  if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  navigate(to);
}

export function Layout({ active, children }: { active?: ViewId; children: ReactNode }) {
  const { t, lang, setLang } = useT();
  const user = useUser();
  const { logout } = useSession();
  const [open, setOpen] = useState(false);
  return (
    <div className="shell">
      <header className="topbar">
        <button type="button" className="menu-btn" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('nav.menu')}
        </button>
        <span className="brand-mark">{t('app.name')}</span>
        <nav className={open ? 'nav nav-open' : 'nav'} aria-label={t('nav.menu')} data-testid="nav">
          {viewsFor(user.role).map((v) => (
            <a
              key={v}
              href={`/${v}`}
              data-view={v}
              className={v === active ? 'nav-link active' : 'nav-link'}
              aria-current={v === active ? 'page' : undefined}
              onClick={(e) => {
                setOpen(false);
                onLinkClick(e, `/${v}`);
              }}
            >
              {t(VIEW_LABEL[v])}
            </a>
          ))}
        </nav>
        <div className="user-box">
          <span className="user-name" data-testid="user-name">
            {user.displayName ?? user.username}
            <small>{t(`role.${user.role}`)}</small>
          </span>
          <button type="button" className="link" onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
            {t('lang.switch')}
          </button>
          <button type="button" className="btn btn-small" onClick={() => void logout()} data-testid="logout">
            {t('auth.logout')}
          </button>
        </div>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
