import type { Translate } from '../i18n.ts';

/**
 * Words for an API problem in the UI's language. The API's `detail` is English and meant for
 * developers; the cases a user can cause from the dashboard get a translated sentence, anything
 * else falls back to the detail.
 */
export function problemText(
  t: Translate,
  status: number,
  detail: string | undefined,
  fieldErrors: readonly { path: string }[],
): string | undefined {
  if (status === 404) return t('error.notFound');
  if (status !== 400 || !detail) return detail;
  if (detail === 'from must be before to') return t('error.rangeOrder');
  const span = /^the range may span at most (\d+) days$/.exec(detail);
  if (span) return t('error.rangeTooLong', { n: Number(span[1]) });
  const hours = /^hour buckets allow at most (\d+) days$/.exec(detail);
  if (hours) return t('error.hourRange', { n: Number(hours[1]) });
  // Schema failures ("Invalid query", "Invalid body"): name the fields, without the where-prefix.
  if (/^Invalid (query|body|path)$/.test(detail) && fieldErrors.length) {
    const fields = [...new Set(fieldErrors.map((e) => e.path.replace(/^(query|body|path)\./, '')))];
    return t('error.invalidFields', { fields: fields.join(', ') });
  }
  return detail;
}
