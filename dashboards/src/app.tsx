import { type ComponentType, lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { canView, homeFor, isViewId, type ViewId } from './auth/permissions.ts';
import { SessionProvider, useSession } from './auth/session.tsx';
import { Loading, ViewErrorBoundary } from './components/states.tsx';
import { StreamProvider } from './hooks/use-stream.tsx';
import { initialLang, type Lang, saveLang } from './i18n.ts';
import { I18nContext, useT } from './i18n-react.ts';
import { navigate, useLocation, withQuery } from './router.ts';
import { Layout } from './views/layout.tsx';
import { LoginPage } from './views/login.tsx';

const loaders: Record<ViewId, () => Promise<{ default: ComponentType }>> = {
  overview: () => import('./views/overview/overview-page.tsx'),
  inbox: () => import('./views/inbox/inbox-page.tsx'),
  campaigns: () => import('./views/campaigns/campaigns-page.tsx'),
  explorer: () => import('./views/explorer/explorer-page.tsx'),
  sources: () => import('./views/sources/sources-page.tsx'),
  settings: () => import('./views/settings/settings-page.tsx'),
};
/** Views whose chunk has arrived: rendered directly, without suspending. */
const loaded: Partial<Record<ViewId, ComponentType>> = {};
const preloads: Partial<Record<ViewId, Promise<{ default: ComponentType }>>> = {};

function preload(view: ViewId): Promise<{ default: ComponentType }> {
  preloads[view] ??= loaders[view]().then((m) => {
    loaded[view] = m.default;
    return m;
  });
  return preloads[view];
}

const lazyViews: Record<ViewId, ComponentType> = {
  overview: lazy(() => preload('overview')),
  inbox: lazy(() => preload('inbox')),
  campaigns: lazy(() => preload('campaigns')),
  explorer: lazy(() => preload('explorer')),
  sources: lazy(() => preload('sources')),
  settings: lazy(() => preload('settings')),
};

// Fetch the chunk of the view in the address bar while the session check runs: a view that is
// already loaded renders at once (a suspended one would wait for React's reveal throttle).
const initialView = window.location.pathname.split('/')[1];
if (isViewId(initialView)) void preload(initialView);

/** Replace the URL after render (navigation is a side effect). */
function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return <Loading />;
}

/**
 * One view. Its component is picked once per mount: switching from the lazy wrapper to the loaded
 * component on a later render would remount the view and lose what the user typed.
 */
function ViewHost({ id }: { id: ViewId }) {
  const [View] = useState(() => loaded[id] ?? lazyViews[id]);
  return <View />;
}

/** Signed-in part: the view in the URL, if the role may see it. */
function Routed() {
  const { user } = useSession();
  const { segments, path, query } = useLocation();
  const { t } = useT();
  if (user === undefined) return <Loading />;
  if (user === null) {
    if (path === '/login') return <LoginPage />;
    const next = path === '/' ? null : path + (query.size ? `?${query}` : '');
    return <Redirect to={withQuery('/login', { next })} />;
  }
  const first = segments[0];
  if (!first || first === 'login') {
    const next = query.get('next');
    return <Redirect to={next?.startsWith('/') && !next.startsWith('//') ? next : homeFor(user.role)} />;
  }
  if (!isViewId(first)) return <Layout>{t('common.notFound')}</Layout>;
  if (!canView(user.role, first)) {
    return (
      <Layout>
        <div className="state state-error" data-testid="forbidden">
          {t('common.forbidden')}
        </div>
      </Layout>
    );
  }
  return (
    <StreamProvider>
      <Layout active={first}>
        <ViewErrorBoundary resetKey={path}>
          <Suspense fallback={<Loading />}>
            <ViewHost key={first} id={first} />
          </Suspense>
        </ViewErrorBoundary>
      </Layout>
    </StreamProvider>
  );
}

export function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const i18n = useMemo(
    () => ({
      lang,
      setLang(l: Lang) {
        saveLang(l);
        setLangState(l);
      },
    }),
    [lang],
  );
  return (
    <I18nContext.Provider value={i18n}>
      <SessionProvider>
        <Routed />
      </SessionProvider>
    </I18nContext.Provider>
  );
}
