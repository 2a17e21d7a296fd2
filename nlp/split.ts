import { hashString } from './hash.ts';

/**
 * The fixed validation split. A row is in validation when
 * `fmix32(FNV-1a(key, seed 0x5eed)) mod 10000 < fraction × 10000`, where the key is the row's `id`
 * for our telecom corpus (fraction 0.2) and its text for the shared data (fraction 0.1, so exact
 * duplicate texts fall on the same side). The rule never changes with the data or the seed.
 */
export const SPLIT_SEED = 0x5eed;
/** Validation fraction of our telecom corpus. */
export const TELECOM_VAL_FRACTION = 0.2;
/** Validation fraction of the shared sentiment data, per source. */
export const SHARED_VAL_FRACTION = 0.1;

/** True when `key` falls in the validation split for the given fraction. */
export function isValidation(key: string, fraction: number = TELECOM_VAL_FRACTION): boolean {
  return hashString(key, SPLIT_SEED) % 10000 < Math.round(fraction * 10000);
}

/** Validation membership of a telecom corpus row, by id. */
export function isTelecomValidation(id: string): boolean {
  return isValidation(id, TELECOM_VAL_FRACTION);
}

/** Validation membership of a shared-data row, by text. */
export function isSharedValidation(text: string): boolean {
  return isValidation(text, SHARED_VAL_FRACTION);
}
