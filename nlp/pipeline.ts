import { type Clause, splitClauses, weightRepostChain } from './clauses.ts';
import { type Features, FeatureBuilder } from './features.ts';
import { isTelecom } from './lexicon/telecom-terms.ts';
import { type Normalized, normalize } from './normalize.ts';
import { applyRules, type RuleResult } from './rules.ts';
import { type Token, tokenize } from './segment.ts';

/** A text taken through normalization, segmentation, clauses, rules and features. */
export interface Prepared {
  norm: Normalized;
  tokens: Token[];
  clauses: Clause[];
  rules: RuleResult;
  telecom: boolean;
  /** Reused by the next {@link prepare} call on the same builder. */
  features: Features;
}

const shared = new FeatureBuilder();

/** Run the shared front half of the analyzer. Pure apart from the reused feature buffer. */
export function prepare(text: string, builder: FeatureBuilder = shared): Prepared {
  return prepareNormalized(normalize(text), builder);
}

/** {@link prepare} for a text already normalized. */
export function prepareNormalized(norm: Normalized, builder: FeatureBuilder = shared): Prepared {
  const tokens = tokenize(norm);
  const clauses = splitClauses(tokens);
  weightRepostChain(clauses, tokens, norm.text);
  const rules = applyRules(norm, tokens, clauses);
  const telecom = isTelecom(norm.text);
  const features = builder.build(norm, tokens, clauses, rules, telecom);
  return { norm, tokens, clauses, rules, telecom, features };
}
