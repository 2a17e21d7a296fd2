import { config } from '../../api/endpoints.ts';
import { useApi } from '../../hooks/use-api.ts';
import type { MessageKey } from '../../i18n.ts';
import { useT } from '../../i18n-react.ts';
import { useLocation } from '../../router.ts';
import { onLinkClick } from '../layout.tsx';
import { BrandsSettings } from './brands-settings.tsx';
import { ChannelsSettings } from './channels-settings.tsx';
import { KeysSettings } from './keys-settings.tsx';
import { RoutingSettings } from './routing-settings.tsx';
import { SlaSettings } from './sla-settings.tsx';
import { ConfigContext } from './use-setting.ts';
import { UsersSettings } from './users-settings.tsx';
import './settings.css';

const TABS = {
  brands: ['settings.brands', BrandsSettings],
  sla: ['settings.sla', SlaSettings],
  routing: ['settings.routing', RoutingSettings],
  channels: ['settings.channels', ChannelsSettings],
  users: ['settings.users', UsersSettings],
  keys: ['settings.keys', KeysSettings],
} as const satisfies Record<string, readonly [MessageKey, () => React.ReactNode]>;
type TabId = keyof typeof TABS;

/** Settings (admin only): brands, SLA, routing, channels, users and API keys. */
export default function SettingsPage() {
  const { t } = useT();
  const { segments } = useLocation();
  // Own keys only: `in` would also take "toString" or "constructor" from the URL.
  const tab: TabId = segments[1] && Object.hasOwn(TABS, segments[1]) ? (segments[1] as TabId) : 'brands';
  const [, Body] = TABS[tab];
  const cfg = useApi(() => config.get(), []);
  return (
    <div className="page settings" data-testid="view-settings">
      <div className="page-head">
        <h2>{t('nav.settings')}</h2>
      </div>
      <nav className="tabs" aria-label={t('nav.settings')}>
        {(Object.keys(TABS) as TabId[]).map((id) => (
          <a
            key={id}
            href={`/settings/${id}`}
            className={id === tab ? 'tab active' : 'tab'}
            aria-current={id === tab ? 'page' : undefined}
            onClick={(e) => onLinkClick(e, `/settings/${id}`)}
          >
            {t(TABS[id][0])}
          </a>
        ))}
      </nav>
      <ConfigContext.Provider value={cfg}>
        <section className="panel settings-body" data-testid={`settings-${tab}`}>
          <Body />
        </section>
      </ConfigContext.Provider>
    </div>
  );
}
