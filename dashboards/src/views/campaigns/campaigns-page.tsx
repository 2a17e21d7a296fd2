import { useState } from 'react';
import type { Campaign } from '../../api/analytics-types.ts';
import { loadImpact } from '../../api/campaign.ts';
import { campaigns } from '../../api/endpoints.ts';
import { useSession } from '../../auth/session.tsx';
import { Async, Loading } from '../../components/states.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useT } from '../../i18n-react.ts';
import { navigate, useLocation } from '../../router.ts';
import { CampaignFormPanel, DeleteCampaign } from './campaign-form.tsx';
import { ImpactView } from './impact-view.tsx';
import './campaigns.css';

type Editing = 'new' | 'edit' | null;

/** The campaign picker, plus create / edit buttons for those who may write campaigns. */
function CampaignsHead(props: {
  list: Campaign[] | undefined;
  id: number | null;
  mayWrite: boolean;
  onEdit(mode: Editing): void;
}) {
  const { t } = useT();
  const { list, id, mayWrite } = props;
  return (
    <div className="page-head">
      <h2>{t('nav.campaigns')}</h2>
      <div className="campaign-head-actions">
        <label>
          {t('campaign.choose')}
          <select
            name="campaign"
            value={id ?? ''}
            onChange={(e) => navigate(`/campaigns/${e.target.value}`)}
            disabled={!list?.length}
          >
            {(list ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} · {c.brand}
              </option>
            ))}
          </select>
        </label>
        {mayWrite && list?.some((c) => c.id === id) && (
          <button
            type="button"
            className="btn"
            data-testid="campaign-edit"
            onClick={() => props.onEdit('edit')}
          >
            {t('campaign.edit')}
          </button>
        )}
        {mayWrite && (
          <button
            type="button"
            className="btn btn-primary"
            data-testid="campaign-new"
            onClick={() => props.onEdit('new')}
          >
            {t('campaign.new')}
          </button>
        )}
      </div>
    </div>
  );
}

/** The create or edit panel (edit also offers delete); nothing while closed. */
function Editor(props: {
  editing: Editing;
  selected: Campaign | null;
  onSaved(c: Campaign): void;
  onDeleted(id: number): void;
  onClose(): void;
}) {
  const { editing, selected, onSaved, onClose } = props;
  if (editing === 'new')
    return <CampaignFormPanel key="new" campaign={null} onSaved={onSaved} onCancel={onClose} />;
  if (editing !== 'edit' || !selected) return null;
  return (
    <CampaignFormPanel
      key={selected.id}
      campaign={selected}
      onSaved={onSaved}
      onCancel={onClose}
      footer={<DeleteCampaign campaign={selected} onDeleted={() => props.onDeleted(selected.id)} />}
    />
  );
}

/**
 * 活动效果: pick a campaign, see its impact; create, edit and delete campaigns with `campaigns.write`.
 * The campaign id is in the path, so the view is shareable.
 */
export default function CampaignsPage() {
  const { t } = useT();
  const session = useSession();
  const { segments } = useLocation();
  const list = useApi(() => campaigns.list().then((r) => r.items), []);
  const id = segments[1] && /^\d+$/.test(segments[1]) ? Number(segments[1]) : (list.data?.[0]?.id ?? null);
  const impact = useApi((s) => (id ? loadImpact(id, s) : Promise.resolve(null)), [id]);
  const [editing, setEditing] = useState<Editing>(null);
  const saved = (c: Campaign) => {
    setEditing(null);
    // Show the saved row at once; the reload brings the server's order.
    list.setData((prev) => [c, ...(prev ?? []).filter((p) => p.id !== c.id)]);
    list.reload();
    if (c.id === id) impact.reload();
    else navigate(`/campaigns/${c.id}`);
  };
  const deleted = (gone: number) => {
    setEditing(null);
    // Drop it first, so the fallback to the first campaign never picks the deleted one.
    list.setData((prev) => prev?.filter((p) => p.id !== gone));
    list.reload();
    navigate('/campaigns');
  };
  return (
    <div className="page" data-testid="view-campaigns">
      <CampaignsHead list={list.data} id={id} mayWrite={session.can('campaign.write')} onEdit={setEditing} />
      <Editor
        editing={editing}
        selected={list.data?.find((c) => c.id === id) ?? null}
        onSaved={saved}
        onDeleted={deleted}
        onClose={() => setEditing(null)}
      />
      <Async state={list} isEmpty={(l) => l.length === 0} empty={t('campaign.none')}>
        {() => (
          <Async state={impact}>
            {/* The previous campaign's report stays in state until the new one arrives: never show it. */}
            {(v) => v && (v.impact.campaign.id === id ? <ImpactView v={v} /> : <Loading />)}
          </Async>
        )}
      </Async>
    </div>
  );
}
