import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SentraError } from '../../errors/errors.js';
import { baseMarginFromScore } from '../objective.js';
import { compilePredictor } from '../predictor/predictor.js';
import { randomColumns, randomEnsemble } from '../synthetic/random-ensemble.js';
import { toXgboostJson } from './export-model.js';
import { parseXgboostModel } from './parse-model.js';

const fixtures = new URL('../../../test/fixtures/xgboost/', import.meta.url);
const fixture = (relative: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(relative, fixtures), 'utf8')) as Record<string, unknown>;

/** A valid XGBoost 3.x model to break in targeted ways. */
const validModel = (): Record<string, any> => fixture('inference/gbtree_binary_logistic.model.json'); // eslint-disable-line @typescript-eslint/no-explicit-any

function problemsOf(json: unknown): { message: string; paths: string[]; codes: string[] } {
  try {
    parseXgboostModel(json);
  } catch (error) {
    expect(error).toBeInstanceOf(SentraError);
    const sentraError = error as SentraError;
    expect(sentraError.code).toBe('SENTRA_ERR_MODEL_FORMAT');
    return { message: sentraError.message, paths: sentraError.details.map((detail) => detail.path), codes: sentraError.details.map((detail) => detail.code) };
  }
  throw new Error('expected the model to be rejected');
}

const treePath = '/learner/gradient_booster/model/trees';

describe('parseXgboostModel rejects bad input with JSON paths', () => {
  it('a document that is not an object', () => {
    expect(problemsOf([1, 2]).message).toBe('Invalid XGBoost model at the document root: must be an object, got an array');
    expect(problemsOf({}).paths).toEqual(['/learner']);
  });

  it('a child index outside the tree', () => {
    const model = validModel();
    model['learner'].gradient_booster.model.trees[3].left_children[1] = 99;
    const { message, paths, codes } = problemsOf(model);
    expect(paths).toEqual([`${treePath}/3/left_children/1`]);
    expect(codes).toEqual(['range']);
    expect(message).toContain(`${treePath}/3/left_children/1: must be -1 or a node id in 1..6`);
  });

  it('arrays of the wrong length, a bad default_left and a feature beyond num_feature, all reported', () => {
    const model = validModel();
    const trees = model['learner'].gradient_booster.model.trees;
    trees[0].split_conditions.pop();
    trees[1].default_left[2] = 'yes';
    trees[2].split_indices[0] = 4;
    const { paths } = problemsOf(model);
    expect(paths).toEqual([`${treePath}/0/split_conditions`, `${treePath}/1/default_left/2`, `${treePath}/2/split_indices/0`]);
  });

  it('children that do not form a tree', () => {
    const model = validModel();
    const tree = model['learner'].gradient_booster.model.trees[0];
    tree.left_children[2] = 1; // node 1 now has two parents
    tree.right_children[2] = 3;
    expect(problemsOf(model).codes).toEqual(['structure']);
  });

  it('unsupported objective, booster, base score and multiclass parameters', () => {
    const objective = validModel();
    objective['learner'].objective.name = 'rank:pairwise';
    expect(problemsOf(objective).paths).toEqual(['/learner/objective/name']);
    const dart = validModel();
    dart['learner'].gradient_booster.name = 'dart';
    expect(problemsOf(dart)).toMatchObject({ paths: ['/learner/gradient_booster/name'], codes: ['unsupported'] });
    const baseScore = validModel();
    baseScore['learner'].learner_model_param.base_score = '[1.5E0]';
    expect(problemsOf(baseScore).message).toContain('/learner/learner_model_param/base_score: must be a probability strictly between 0 and 1');
    const classes = validModel();
    classes['learner'].learner_model_param.num_class = '3';
    expect(problemsOf(classes).paths).toEqual(['/learner/learner_model_param/num_class']);
  });

  it('a feature count mismatch at prediction time is a clear error, not a crash', () => {
    const predictor = compilePredictor(parseXgboostModel(validModel()));
    expect(() => predictor.probability([1, 2, 3])).toThrow('Feature count mismatch: the model expects 4 features, the row has 3.');
    expect(() => predictor.marginBatch([new Float32Array(2)], 2)).toThrow(/expects 4 feature columns, got 1/);
  });
});

describe('toXgboostJson', () => {
  const names = ['binary_logistic', 'regression', 'deep_trees', 'categorical', 'categorical_binary'];
  for (const name of names) {
    it(`round-trips the ${name} fixture identically`, () => {
      const model = parseXgboostModel(fixture(`inference/gbtree_${name}.model.json`));
      const written = JSON.parse(JSON.stringify(toXgboostJson(model))) as unknown;
      expect(parseXgboostModel(written)).toEqual(model);
    });
  }

  it('round-trips a model with feature names and keeps every prediction bit for bit', () => {
    const baseScore = Math.fround(0.1);
    const model = { ...randomEnsemble({ treeCount: 30, depth: 5, featureCount: 6, earlyLeafChance: 0.2, seed: 4 }), baseScore, featureNames: ['a', 'b', 'c', 'd', 'e', 'f'] };
    const withMargin = { ...model, baseMargin: baseMarginFromScore('binary:logistic', baseScore) };
    const json = toXgboostJson(withMargin) as { learner: { feature_names: string[]; learner_model_param: { base_score: string } } };
    expect(json.learner.feature_names).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(json.learner.learner_model_param.base_score).toBe('0.1');
    const back = parseXgboostModel(JSON.parse(JSON.stringify(json)));
    expect(back).toEqual(withMargin);
    const columns = randomColumns(6, 500, 0.1);
    expect(compilePredictor(back).marginBatch(columns, 500)).toEqual(compilePredictor(withMargin).marginBatch(columns, 500));
  });
});
