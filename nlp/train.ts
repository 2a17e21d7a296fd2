import type { CategoryId } from '../core/index.ts';
import { createAnalyzer } from './analyzer.ts';
import { trainCategories } from './category-train.ts';
import { DEFAULT_SHARED_DIR, DEFAULT_TELECOM_DIR } from './data.ts';
import {
  brandMetrics,
  type CategoryMetrics,
  categoryMetrics,
  type SliceMetrics,
  sentimentMetrics,
  sharedSlices,
} from './evaluate.ts';
import { idfFromCounts } from './keywords.ts';
import type { LinearModel, TrainLogisticOptions } from './linear.ts';
import { FEATURE_VERSION, type NlpModel, saveModel } from './model.ts';
import { decodeModels, encodeModels } from './model-io.ts';
import { binaryModel, emoticonResidual, featurizeItems } from './train-models.ts';
import { buildTrainSet, DEFAULT_SOURCE_WEIGHTS, type TrainSetOptions } from './train-set.ts';

export type { ExtraRow } from './train-set.ts';

/** Options for {@link train}. Data options are those of {@link TrainSetOptions}. */
export interface TrainOptions extends TrainSetOptions {
  /** Write the model files here. Default: nowhere (the caller gets the model back). */
  outDir?: string;
  /** Seed for shuffling. Default 42. */
  seed?: number;
  /** Polarity model. Default bits 21, 4 epochs, learning rate 0.2, l2 1e-6. */
  polarity?: TrainLogisticOptions;
  /** Neutral model. Default bits 21 (as polarity, so the two tables interleave), 4 epochs. */
  neutral?: TrainLogisticOptions;
  /** Category models. Default bits 16, 10 epochs, learning rate 0.3. */
  categories?: TrainLogisticOptions;
  /** NB scaling smoothing for the polarity model; 0 turns NB scaling off. Default 1. */
  nbAlpha?: number;
  /** Measure on the validation splits. Default true. */
  evaluate?: boolean;
  /** Progress messages. Default: silent. */
  log?: (msg: string) => void;
}

/** Validation figures, as written to nlp/model/metrics.json. */
export interface Metrics {
  telecom: SliceMetrics & { brands: Record<string, number>; categories: Record<CategoryId, CategoryMetrics> };
  shared: Record<string, SliceMetrics>;
  rows: Record<string, number>;
}

/** What {@link train} returns. */
export interface TrainResult {
  model: NlpModel;
  metrics: Metrics | null;
  files: string[];
}

/** Round-trip through the committed format, so measured figures are those of the stored weights. */
function asStored(model: NlpModel): NlpModel {
  const s = decodeModels(
    encodeModels({ polarity: model.sentiment.polarity, neutral: model.sentiment.neutral }),
  );
  const cats: Record<string, LinearModel> = {};
  for (const [k, v] of Object.entries(model.categories.models)) if (v) cats[k] = v;
  const c = decodeModels(encodeModels(cats));
  return {
    ...model,
    sentiment: {
      polarity: s.polarity ?? model.sentiment.polarity,
      neutral: s.neutral ?? model.sentiment.neutral,
    },
    categories: { ...model.categories, models: c as Partial<Record<CategoryId, LinearModel>> },
  };
}

function measure(model: NlpModel, set: ReturnType<typeof buildTrainSet>, log: (m: string) => void): Metrics {
  const analyzer = createAnalyzer({ model, piiSalt: 'evaluation' });
  const tel = set.valTelecom.map((r) => ({ text: r.text, label: r.sentiment }));
  const shared: Record<string, SliceMetrics> = {};
  for (const [name, rows] of Object.entries(sharedSlices(set.valShared))) {
    shared[name] = sentimentMetrics(analyzer, rows);
    log(`val ${name}: ${JSON.stringify(shared[name])}`);
  }
  const telecom = {
    ...sentimentMetrics(analyzer, tel),
    brands: brandMetrics(analyzer, set.valTelecom),
    categories: categoryMetrics(analyzer, set.valTelecom),
  };
  log(`val telecom: ${JSON.stringify({ ...telecom, categories: undefined })}`);
  return {
    telecom,
    shared,
    rows: { ...set.counts, valTelecom: set.valTelecom.length, valShared: set.valShared.length },
  };
}

/**
 * Train the whole model from the shared data (when present), our telecom corpus and any extra rows
 * (analyst corrections), deterministically: stable row order, seeded shuffles. Validation rows (see
 * split.ts) are held out and measured unless `includeValidation` is set.
 */
export async function train(opts: TrainOptions = {}): Promise<TrainResult> {
  const log = opts.log ?? (() => {});
  const seed = opts.seed ?? 42;
  const set = buildTrainSet({
    sharedDir: opts.sharedDir ?? DEFAULT_SHARED_DIR,
    telecomDir: opts.telecomDir ?? DEFAULT_TELECOM_DIR,
    ...opts,
  });
  log(`rows ${JSON.stringify(set.counts)}`);
  const f = featurizeItems(set.items, log);
  const polarityOpts = { bits: 21, epochs: 4, learningRate: 0.2, l2: 1e-6, seed, ...opts.polarity };
  const neutralOpts = { bits: 21, epochs: 4, learningRate: 0.2, l2: 1e-6, seed, ...opts.neutral };
  const nbAlpha = opts.nbAlpha ?? 1;
  const text = binaryModel(f, set.items, (it) => it.polar, polarityOpts, nbAlpha);
  const polarity = emoticonResidual(f, set.items, text, polarityOpts);
  log('trained polarity (text model, then emoticon residual)');
  const neutral = binaryModel(f, set.items, (it) => it.neutral, neutralOpts, 0);
  log('trained neutral');
  const categoryOpts = { bits: 16, epochs: 10, learningRate: 0.3, l2: 1e-6, seed, ...opts.categories };
  const categories = trainCategories(set.items, categoryOpts);
  log(`trained categories, thresholds ${JSON.stringify(categories.thresholds)}`);
  const idf = idfFromCounts(f.df, set.items.length);
  const model = asStored({
    sentiment: { polarity, neutral },
    categories,
    idf,
    meta: {
      featureVersion: FEATURE_VERSION,
      trainedAt: new Date().toISOString(),
      seed,
      rows: set.counts,
      hyperparameters: {
        polarity: polarityOpts,
        neutral: neutralOpts,
        categories: categoryOpts,
        nbAlpha,
        telecomWeight: opts.telecomWeight ?? 3,
        sourceWeights: opts.sourceWeights ?? DEFAULT_SOURCE_WEIGHTS,
      },
      categoryThresholds: categories.thresholds,
    },
  });
  const metrics = opts.evaluate === false ? null : measure(model, set, log);
  const files = opts.outDir ? saveModel(model, opts.outDir) : [];
  return { model, metrics, files };
}
