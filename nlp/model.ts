import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CATEGORY_IDS, type CategoryId, NotFoundError } from '../core/index.ts';
import type { CategoryModel } from './categories.ts';
import { DEFAULT_MODEL_DIR } from './data.ts';
import { formatIdf, type IdfTable, parseIdf } from './keywords.ts';
import type { LinearModel } from './linear.ts';
import { decodeModels, encodeModels } from './model-io.ts';
import type { SentimentModel } from './sentiment.ts';

/** Everything the analyzer loads: weights, thresholds and the IDF table. */
export interface NlpModel {
  sentiment: SentimentModel;
  categories: CategoryModel;
  idf: IdfTable;
  meta: ModelMeta;
}

/** `nlp/model/meta.json`: how the model was trained. */
export interface ModelMeta {
  /** Bumped when features change; a model only works with the feature code it was trained with. */
  featureVersion: number;
  trainedAt: string;
  seed: number;
  rows: Record<string, number>;
  hyperparameters: Record<string, unknown>;
  categoryThresholds: Partial<Record<CategoryId, number>>;
}

/** The feature code's version; see {@link ModelMeta.featureVersion}. */
export const FEATURE_VERSION = 2;

const FILES = {
  sentiment: 'sentiment.bin.gz',
  categories: 'categories.bin.gz',
  idf: 'idf.tsv.gz',
  meta: 'meta.json',
};

/** A model with no weights (rules and lexicons only): for tests and first training runs. */
export function emptyModel(): NlpModel {
  const zero = (bits: number): LinearModel => ({ bits, bias: 0, weights: new Float32Array(1 << bits) });
  return {
    sentiment: { polarity: zero(10), neutral: { ...zero(10), bias: -3 } },
    categories: { models: {}, thresholds: {} },
    idf: { idf: new Map(), unknown: 10, docs: 0 },
    meta: {
      featureVersion: FEATURE_VERSION,
      trainedAt: '',
      seed: 0,
      rows: {},
      hyperparameters: {},
      categoryThresholds: {},
    },
  };
}

/** Load the model from a directory (default: the committed nlp/model). */
export function loadModel(dir: string = DEFAULT_MODEL_DIR): NlpModel {
  const path = (f: string): string => join(dir, f);
  if (!existsSync(path(FILES.meta))) throw new NotFoundError(`No model in ${dir}: run scripts/nlp-train.ts`);
  const meta = JSON.parse(readFileSync(path(FILES.meta), 'utf8')) as ModelMeta;
  if (meta.featureVersion !== FEATURE_VERSION) {
    throw new NotFoundError(
      `Model in ${dir} has feature version ${meta.featureVersion}, code expects ${FEATURE_VERSION}`,
    );
  }
  const s = decodeModels(readFileSync(path(FILES.sentiment)));
  const c = decodeModels(readFileSync(path(FILES.categories)));
  if (!s.polarity || !s.neutral) throw new NotFoundError(`Model in ${dir} lacks sentiment weights`);
  const models: Partial<Record<CategoryId, LinearModel>> = {};
  for (const id of CATEGORY_IDS) if (c[id]) models[id] = c[id];
  return {
    sentiment: { polarity: s.polarity, neutral: s.neutral },
    categories: { models, thresholds: meta.categoryThresholds },
    idf: parseIdf(gunzipSync(readFileSync(path(FILES.idf))).toString('utf8')),
    meta,
  };
}

/** Write the model files to a directory. */
export function saveModel(model: NlpModel, dir: string = DEFAULT_MODEL_DIR): string[] {
  mkdirSync(dir, { recursive: true });
  const cats: Record<string, LinearModel> = {};
  for (const [id, m] of Object.entries(model.categories.models)) if (m) cats[id] = m;
  const files: [string, Buffer | string][] = [
    [FILES.sentiment, encodeModels({ polarity: model.sentiment.polarity, neutral: model.sentiment.neutral })],
    [FILES.categories, encodeModels(cats)],
    [FILES.idf, gzipSync(formatIdf(model.idf), { level: 9 })],
    [
      FILES.meta,
      `${JSON.stringify({ ...model.meta, categoryThresholds: model.categories.thresholds }, null, 2)}\n`,
    ],
  ];
  for (const [name, data] of files) writeFileSync(join(dir, name), data);
  return files.map(([name]) => join(dir, name));
}
