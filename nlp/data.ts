import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORY_IDS, type CategoryId } from '../core/index.ts';
import type { SentimentLabel } from './types.ts';

/** Repository root (the folder holding nlp/). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** Default location of the shared sentiment data: `../shared/datasets/sentiment` beside the repo. */
export const DEFAULT_SHARED_DIR = resolve(REPO_ROOT, '../shared/datasets/sentiment');
/** Default location of our telecom corpus. */
export const DEFAULT_TELECOM_DIR = join(REPO_ROOT, 'nlp/data/telecom');
/** Default location of the committed model. */
export const DEFAULT_MODEL_DIR = join(REPO_ROOT, 'nlp/model');

/** A row of the shared sentiment data. */
export interface SharedRow {
  text: string;
  label: SentimentLabel;
  source: string;
}

/** A row of our telecom corpus. */
export interface TelecomRow {
  id: string;
  source: string;
  text: string;
  sentiment: SentimentLabel;
  brands: { brand: string; sentiment: SentimentLabel }[];
  categories: CategoryId[];
  tags: string[];
}

const LABELS = new Set(['neg', 'neu', 'pos']);
const CATEGORIES = new Set<string>(CATEGORY_IDS);

function parseLines(path: string): unknown[] {
  const out: unknown[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      // A corpus file may be mid-write by its author: skip a partial last line.
    }
  }
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Read the shared sentiment rows. Throws when the file is missing. */
export function readSharedRows(dir: string = DEFAULT_SHARED_DIR): SharedRow[] {
  return parseLines(join(dir, 'train.jsonl')).filter(
    (r): r is SharedRow =>
      isRecord(r) &&
      typeof r.text === 'string' &&
      typeof r.source === 'string' &&
      LABELS.has(String(r.label)),
  );
}

/** True when the shared data is present (it is absent in a user's clone). */
export function hasSharedData(dir: string = DEFAULT_SHARED_DIR): boolean {
  return existsSync(join(dir, 'train.jsonl'));
}

function toTelecomRow(r: unknown): TelecomRow | null {
  if (!isRecord(r) || typeof r.id !== 'string' || typeof r.text !== 'string') return null;
  if (!LABELS.has(String(r.sentiment))) return null;
  const brands = Array.isArray(r.brands) ? r.brands.filter(isRecord) : [];
  return {
    id: r.id,
    source: typeof r.source === 'string' ? r.source : 'unknown',
    text: r.text,
    sentiment: r.sentiment as SentimentLabel,
    brands: brands
      .filter((b) => typeof b.brand === 'string' && LABELS.has(String(b.sentiment)))
      .map((b) => ({ brand: String(b.brand), sentiment: b.sentiment as SentimentLabel })),
    categories: (Array.isArray(r.categories) ? r.categories : []).filter((c): c is CategoryId =>
      CATEGORIES.has(String(c)),
    ),
    tags: (Array.isArray(r.tags) ? r.tags : []).filter((t): t is string => typeof t === 'string'),
  };
}

/** Read every `*.jsonl` in the telecom corpus folder, in file-name order, deduplicated by id. */
export function readTelecomRows(dir: string = DEFAULT_TELECOM_DIR): TelecomRow[] {
  if (!existsSync(dir)) return [];
  const seen = new Set<string>();
  const out: TelecomRow[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    for (const raw of parseLines(join(dir, name))) {
      const row = toTelecomRow(raw);
      if (row && !seen.has(row.id)) {
        seen.add(row.id);
        out.push(row);
      }
    }
  }
  return out;
}

/** The family of a shared source (`online_shopping:手机` → `online_shopping`, SMP sets → `smp2020`). */
export function sourceFamily(source: string): string {
  if (source.startsWith('smp2020')) return 'smp2020';
  return source.split(':')[0] ?? source;
}
