import { ErrorBox } from '../../components/states.tsx';
import { useT } from '../../i18n-react.ts';

/** Save button with its saving / saved / error state; `disabled` while the form is invalid. */
export function SaveBar({
  saving,
  saved,
  error,
  disabled = false,
}: {
  saving: boolean;
  saved: boolean;
  error: unknown;
  disabled?: boolean;
}) {
  const { t } = useT();
  return (
    <div className="save-bar">
      {error !== undefined && <ErrorBox error={error} />}
      <button type="submit" className="btn btn-primary" disabled={saving || disabled}>
        {t('common.save')}
      </button>
      {saved && (
        <span className="muted" role="status">
          {t('common.saved')}
        </span>
      )}
    </div>
  );
}
