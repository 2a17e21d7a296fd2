import { Component, type ReactNode } from 'react';
import { BulkError } from '../api/cases.ts';
import { ApiError } from '../api/client.ts';
import { problemText } from '../api/problem-text.ts';
import type { Translate } from '../i18n.ts';
import { useT } from '../i18n-react.ts';

/** Plain words for an API failure: the server's problem+json `detail` when it gave one. */
export function errorMessage(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('error.network');
    const text = problemText(t, err);
    if (text) return text;
    if (err.status === 403) return t('error.forbidden');
    if (err.status === 409) return t('error.conflict');
    return t('error.generic', { status: err.status });
  }
  if (err instanceof BulkError) {
    return t('error.bulk', { n: err.caseIds.length, ids: err.caseIds.map((id) => `#${id}`).join('、') });
  }
  return err instanceof Error ? err.message : String(err);
}

export function Loading({ label }: { label?: string }) {
  const { t } = useT();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useT();
  return <div className="state state-empty">{children ?? t('common.empty')}</div>;
}

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useT();
  return (
    <div className="state state-error" role="alert">
      <strong>{t('error.title')}</strong>
      <span>{errorMessage(t, error)}</span>
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** Render loading / error / empty / content for one API state. */
export function Async<T>(props: {
  state: { data: T | undefined; error: unknown; loading: boolean; reload(): void };
  isEmpty?: (d: T) => boolean;
  empty?: ReactNode;
  children: (d: T) => ReactNode;
}) {
  const { data, error, loading, reload } = props.state;
  if (error && data === undefined) return <ErrorBox error={error} onRetry={reload} />;
  if (data === undefined) return loading ? <Loading /> : null;
  if (props.isEmpty?.(data)) return <Empty>{props.empty}</Empty>;
  return <>{props.children(data)}</>;
}

/**
 * Catches a view that throws while rendering, so one broken view shows an error box (with a reload)
 * instead of blanking the whole app. `resetKey` (the URL) clears the error on navigation.
 */
export class ViewErrorBoundary extends Component<
  { resetKey: string; children: ReactNode },
  { error: unknown; key: string }
> {
  override state = { error: undefined as unknown, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error: error ?? new Error('render failed') };
  }

  static getDerivedStateFromProps(
    props: { resetKey: string },
    state: { error: unknown; key: string },
  ): { error: unknown; key: string } | null {
    return props.resetKey === state.key ? null : { error: undefined, key: props.resetKey };
  }

  override render(): ReactNode {
    if (this.state.error === undefined) return this.props.children;
    return <ErrorBox error={this.state.error} onRetry={() => window.location.reload()} />;
  }
}
