import { loadImpact } from '../../api/campaign.ts';
import { campaigns } from '../../api/endpoints.ts';
import { Async } from '../../components/states.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useT } from '../../i18n-react.ts';
import { navigate, useLocation } from '../../router.ts';
import { ImpactView } from './impact-view.tsx';
import './campaigns.css';

/** 活动效果: pick a campaign, see its impact. The campaign id is in the path, so the view is shareable. */
export default function CampaignsPage() {
  const { t } = useT();
  const { segments } = useLocation();
  const list = useApi(() => campaigns.list().then((r) => r.items), []);
  const id = segments[1] && /^\d+$/.test(segments[1]) ? Number(segments[1]) : (list.data?.[0]?.id ?? null);
  const impact = useApi((s) => (id ? loadImpact(id, s) : Promise.resolve(null)), [id]);
  return (
    <div className="page" data-testid="view-campaigns">
      <div className="page-head">
        <h2>{t('nav.campaigns')}</h2>
        <label>
          {t('campaign.choose')}
          <select
            name="campaign"
            value={id ?? ''}
            onChange={(e) => navigate(`/campaigns/${e.target.value}`)}
            disabled={!list.data?.length}
          >
            {(list.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} · {c.brand}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Async state={list} isEmpty={(l) => l.length === 0} empty={t('campaign.none')}>
        {() => <Async state={impact}>{(v) => v && <ImpactView v={v} />}</Async>}
      </Async>
    </div>
  );
}
