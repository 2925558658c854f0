import { baseMarginFromScore, isObjective, objectives, type Objective } from '../objective.js';
import type { Tree, TreeEnsemble } from '../tree-ensemble.js';
import { ModelProblems, pointer, readArray, readCount, readObject, readString } from './json-reader.js';
import { parseTree } from './parse-tree.js';

const paramPath = '/learner/learner_model_param';
const modelPath = '/learner/gradient_booster/model';

/** Parses `base_score`: `"5E-1"` (XGBoost 1.x/2.x), `"[5E-1]"` (3.x) or a plain number. */
function parseBaseScore(value: unknown, objective: Objective | undefined, problems: ModelProblems): number | undefined {
  const path = pointer(paramPath, 'base_score');
  let text: string;
  if (typeof value === 'number') text = String(value);
  else if (typeof value === 'string') text = value.trim();
  else {
    problems.add(path, value === undefined ? 'required' : 'type', 'must be a number or a string such as "5E-1" or "[5E-1]"');
    return undefined;
  }
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1).trim();
  if (text.includes(',')) {
    problems.add(path, 'unsupported', 'several base scores mean a multi-output model, which is not supported');
    return undefined;
  }
  const score = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(score)) {
    problems.add(path, 'type', `is not a number: ${JSON.stringify(value)}`);
    return undefined;
  }
  if (objective !== undefined && objectives[objective].baseScore === 'probability' && !(score > 0 && score < 1)) {
    problems.add(path, 'range', `must be a probability strictly between 0 and 1 for ${objective}, got ${score}`);
    return undefined;
  }
  return Math.fround(score);
}

function parseObjective(learner: Record<string, unknown>, problems: ModelProblems): Objective | undefined {
  const objective = readObject(learner['objective'], '/learner/objective', problems);
  const name = objective === undefined ? undefined : readString(objective['name'], '/learner/objective/name', problems);
  if (name === undefined) return undefined;
  if (isObjective(name)) return name;
  const why = name.startsWith('multi:') ? 'multiclass models are not supported' : 'this objective is not supported';
  problems.add('/learner/objective/name', 'unsupported', `${why} (got "${name}"; supported: ${Object.keys(objectives).join(', ')})`);
  return undefined;
}

function checkSingleOutput(params: Record<string, unknown>, model: Record<string, unknown>, problems: ModelProblems): void {
  for (const key of ['num_class', 'num_target']) {
    if (params[key] === undefined) continue;
    const value = readCount(params[key], pointer(paramPath, key), problems);
    if (value !== undefined && value > 1) problems.add(pointer(paramPath, key), 'unsupported', `${key} is ${value}: only single-output models are supported`);
  }
  const info = model['tree_info'] === undefined ? [] : readArray(model['tree_info'], pointer(modelPath, 'tree_info'), problems);
  const group = info?.findIndex((item) => item !== 0);
  if (group !== undefined && group >= 0) {
    problems.add(pointer(pointer(modelPath, 'tree_info'), group), 'unsupported', 'trees for several output groups (multiclass) are not supported');
  }
}

function parseFeatureMetadata(learner: Record<string, unknown>, featureCount: number, problems: ModelProblems): Pick<TreeEnsemble, 'featureNames' | 'categoricalFeatures'> {
  const names = learner['feature_names'] === undefined ? [] : readArray(learner['feature_names'], '/learner/feature_names', problems);
  const types = learner['feature_types'] === undefined ? [] : readArray(learner['feature_types'], '/learner/feature_types', problems);
  const result: { featureNames?: string[]; categoricalFeatures?: boolean[] } = {};
  if (names !== undefined && names.length > 0) {
    if (names.length !== featureCount) problems.add('/learner/feature_names', 'length', `must list ${featureCount} names (num_feature), lists ${names.length}`);
    else if (names.some((name) => typeof name !== 'string')) problems.add('/learner/feature_names', 'type', 'must contain only strings');
    else result.featureNames = names as string[];
  }
  if (types !== undefined && types.length === featureCount && types.includes('c')) result.categoricalFeatures = types.map((type) => type === 'c');
  return result;
}

/**
 * Reads a model saved by XGBoost as JSON (1.x and 2.x/3.x layouts) into a {@link TreeEnsemble}.
 * Accepts `binary:logistic`, `reg:logistic`, `binary:logitraw` and `reg:squarederror` gbtree models,
 * including categorical splits. Multiclass, multi-target, DART and linear models are refused.
 * @throws SentraError `SENTRA_ERR_MODEL_FORMAT` listing every problem with its JSON pointer.
 */
export function parseXgboostModel(json: unknown): TreeEnsemble {
  const problems = new ModelProblems();
  const root = readObject(json, '', problems);
  const learner = root === undefined ? undefined : readObject(root['learner'], '/learner', problems);
  problems.throwIfAny();
  if (learner === undefined) throw new Error('unreachable: learner checked above');
  const params = readObject(learner['learner_model_param'], paramPath, problems) ?? {};
  const objective = parseObjective(learner, problems);
  const featureCount = readCount(params['num_feature'], pointer(paramPath, 'num_feature'), problems) ?? 0;
  const booster = readObject(learner['gradient_booster'], '/learner/gradient_booster', problems);
  const boosterName = booster === undefined ? undefined : readString(booster['name'], '/learner/gradient_booster/name', problems);
  if (boosterName !== undefined && boosterName !== 'gbtree') {
    problems.add('/learner/gradient_booster/name', 'unsupported', `only gbtree models are supported, got "${boosterName}"`);
  }
  const model = boosterName === 'gbtree' && booster ? readObject(booster['model'], modelPath, problems) : undefined;
  problems.throwIfAny();
  if (model === undefined || objective === undefined) throw new Error('unreachable: model and objective checked above');
  const baseScore = parseBaseScore(params['base_score'], objective, problems);
  checkSingleOutput(params, model, problems);
  const metadata = parseFeatureMetadata(learner, featureCount, problems);
  const treesJson = readArray(model['trees'], pointer(modelPath, 'trees'), problems) ?? [];
  const trees: Tree[] = [];
  treesJson.forEach((treeJson, index) => {
    const tree = parseTree(treeJson, pointer(pointer(modelPath, 'trees'), index), featureCount, problems);
    if (tree !== undefined) trees.push(tree);
  });
  problems.throwIfAny();
  const score = baseScore ?? 0;
  return { objective, baseScore: score, baseMargin: baseMarginFromScore(objective, score), featureCount, ...metadata, trees };
}
