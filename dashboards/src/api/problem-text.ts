import type { Translate } from '../i18n.ts';

/** What {@link problemText} reads of an API problem. */
export interface ProblemFacts {
  status: number;
  detail: string | undefined;
  fieldErrors: readonly { path: string }[];
  /** The API's stable problem name, e.g. `range-too-long`. */
  code?: string | undefined;
  params?: Readonly<Record<string, number>>;
}

/**
 * Words for an API problem in the UI's language. The API's `detail` is English and meant for
 * developers; the problems a user can cause from the dashboard carry a stable `code`, which gets a
 * translated sentence. Anything else falls back to the detail.
 */
export function problemText(t: Translate, p: ProblemFacts): string | undefined {
  if (p.status === 404) return t('error.notFound');
  const maxDays = p.params?.maxDays ?? 0;
  switch (p.code) {
    case 'range-order':
      return t('error.rangeOrder');
    case 'range-too-long':
      return t('error.rangeTooLong', { n: maxDays });
    case 'hour-range':
      return t('error.hourRange', { n: maxDays });
    case 'invalid-input':
      // Name the fields, without the where-prefix ("query.category" is "category" to a user).
      if (p.fieldErrors.length) {
        const fields = [...new Set(p.fieldErrors.map((e) => e.path.replace(/^(query|body|path)\./, '')))];
        return t('error.invalidFields', { fields: fields.join(', ') });
      }
      return p.detail;
    default:
      return p.detail;
  }
}
