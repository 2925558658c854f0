import type { CategoricalSplits, Tree } from '../tree-ensemble.js';
import { pointer, readArray, readCount, readFlags, readNumbers, readObject, type ModelProblems } from './json-reader.js';

/** Checks that children indices form a tree rooted at node 0: no node reached twice, no cycle. */
function checkStructure(left: Int32Array, right: Int32Array, path: string, problems: ModelProblems): boolean {
  const count = left.length;
  for (let node = 0; node < count; node += 1) {
    if (((left[node] ?? -1) < 0) !== ((right[node] ?? -1) < 0)) {
      problems.add(pointer(pointer(path, 'left_children'), node), 'structure', 'a node must have both children or none');
      return false;
    }
  }
  const seen = new Uint8Array(count);
  const stack = [0];
  while (stack.length > 0) {
    const node = stack.pop() ?? 0;
    if (seen[node] === 1) {
      problems.add(pointer(pointer(path, 'left_children'), node), 'structure', `node ${node} is reached twice (the children arrays do not form a tree)`);
      return false;
    }
    seen[node] = 1;
    const leftChild = left[node] ?? -1;
    if (leftChild >= 0) stack.push(leftChild, right[node] ?? -1);
  }
  return true;
}

function readCategorical(
  treeJson: Record<string, unknown>,
  path: string,
  splitType: Uint8Array,
  problems: ModelProblems,
): CategoricalSplits | undefined {
  const count = splitType.length;
  const nodes = readArray(treeJson['categories_nodes'], pointer(path, 'categories_nodes'), problems);
  const segments = readArray(treeJson['categories_segments'], pointer(path, 'categories_segments'), problems);
  const sizes = readArray(treeJson['categories_sizes'], pointer(path, 'categories_sizes'), problems);
  const flat = readArray(treeJson['categories'], pointer(path, 'categories'), problems);
  if (nodes === undefined || segments === undefined || sizes === undefined || flat === undefined) return undefined;
  if (segments.length !== nodes.length || sizes.length !== nodes.length) {
    problems.add(pointer(path, 'categories_nodes'), 'length', 'categories_nodes, categories_segments and categories_sizes must have the same length');
    return undefined;
  }
  const categories = readNumbers(flat, pointer(path, 'categories'), flat.length, Int32Array, problems, (item) =>
    item < 0 ? 'category codes must be non-negative' : undefined,
  );
  const nodeIds = readNumbers(nodes, pointer(path, 'categories_nodes'), nodes.length, Int32Array, problems, (item) =>
    item < 0 || item >= count ? `must be a node id below ${count}` : undefined,
  );
  const starts = readNumbers(segments, pointer(path, 'categories_segments'), segments.length, Int32Array, problems);
  const lengths = readNumbers(sizes, pointer(path, 'categories_sizes'), sizes.length, Int32Array, problems);
  if (categories === undefined || nodeIds === undefined || starts === undefined || lengths === undefined) return undefined;
  const categoryStart = new Int32Array(count);
  const categoryCount = new Int32Array(count);
  for (let index = 0; index < nodeIds.length; index += 1) {
    const node = nodeIds[index] ?? 0;
    const start = starts[index] ?? 0;
    const length = lengths[index] ?? 0;
    if (start < 0 || length < 0 || start + length > categories.length) {
      problems.add(pointer(pointer(path, 'categories_segments'), index), 'range', 'segment lies outside the categories array');
      return undefined;
    }
    categoryStart[node] = start;
    categoryCount[node] = length;
    categories.subarray(start, start + length).sort();
  }
  for (let node = 0; node < count; node += 1) {
    if (splitType[node] === 1 && !nodeIds.includes(node)) {
      problems.add(pointer(pointer(path, 'split_type'), node), 'structure', 'categorical split without a category set in categories_nodes');
      return undefined;
    }
  }
  return { splitType, categoryStart, categoryCount, categories };
}

/** Parses one tree of `learner/gradient_booster/model/trees`; returns undefined after recording problems. */
export function parseTree(value: unknown, path: string, featureCount: number, problems: ModelProblems): Tree | undefined {
  const json = readObject(value, path, problems);
  if (json === undefined) return undefined;
  const left = readArray(json['left_children'], pointer(path, 'left_children'), problems);
  if (left === undefined) return undefined;
  const treeParam = readObject(json['tree_param'] ?? {}, pointer(path, 'tree_param'), problems);
  const declared = treeParam?.['num_nodes'] === undefined ? left.length : readCount(treeParam['num_nodes'], pointer(pointer(path, 'tree_param'), 'num_nodes'), problems);
  if (declared === undefined) return undefined;
  const leafVector = treeParam?.['size_leaf_vector'];
  if (leafVector !== undefined && leafVector !== '0' && leafVector !== '1' && leafVector !== 0 && leafVector !== 1) {
    problems.add(pointer(pointer(path, 'tree_param'), 'size_leaf_vector'), 'unsupported', 'vector leaves (multi-target trees) are not supported');
    return undefined;
  }
  const count = declared;
  if (count < 1) {
    problems.add(pointer(path, 'left_children'), 'length', 'a tree needs at least one node');
    return undefined;
  }
  const childCheck = (item: number): string | undefined => (item < -1 || item >= count || item === 0 ? `must be -1 or a node id in 1..${count - 1}` : undefined);
  const leftChild = readNumbers(left, pointer(path, 'left_children'), count, Int32Array, problems, childCheck);
  const rightChild = readNumbers(json['right_children'], pointer(path, 'right_children'), count, Int32Array, problems, childCheck);
  const splitFeature = readNumbers(json['split_indices'], pointer(path, 'split_indices'), count, Int32Array, problems);
  const conditions = readNumbers(json['split_conditions'], pointer(path, 'split_conditions'), count, Float32Array, problems);
  const defaultLeft = readFlags(json['default_left'], pointer(path, 'default_left'), count, problems);
  const cover = readNumbers(json['sum_hessian'], pointer(path, 'sum_hessian'), count, Float32Array, problems);
  const optional = (key: string): Float32Array | undefined =>
    json[key] === undefined ? new Float32Array(count) : readNumbers(json[key], pointer(path, key), count, Float32Array, problems);
  const gain = optional('loss_changes');
  const baseWeight = optional('base_weights');
  const splitType =
    json['split_type'] === undefined
      ? new Uint8Array(count)
      : readNumbers(json['split_type'], pointer(path, 'split_type'), count, Int32Array, problems, (item) =>
          item !== 0 && item !== 1 ? 'must be 0 (numeric) or 1 (categorical)' : undefined,
        );
  if (!leftChild || !rightChild || !splitFeature || !conditions || !defaultLeft || !cover || !gain || !baseWeight || !splitType) return undefined;
  if (!checkStructure(leftChild, rightChild, path, problems)) return undefined;
  for (let node = 0; node < count; node += 1) {
    const feature = splitFeature[node] ?? 0;
    if ((leftChild[node] ?? -1) >= 0 && (feature < 0 || feature >= featureCount)) {
      problems.add(pointer(pointer(path, 'split_indices'), node), 'range', `feature ${feature} is not below num_feature (${featureCount})`);
      return undefined;
    }
  }
  const types = Uint8Array.from(splitType);
  const hasCategorical = types.some((type, node) => type === 1 && (leftChild[node] ?? -1) >= 0);
  const categorical = hasCategorical ? readCategorical(json, path, types, problems) : undefined;
  if (hasCategorical && categorical === undefined) return undefined;
  const threshold = new Float32Array(count);
  const leafValue = new Float32Array(count);
  for (let node = 0; node < count; node += 1) {
    if ((leftChild[node] ?? -1) < 0) {
      leafValue[node] = conditions[node] ?? 0;
      splitFeature[node] = 0;
    } else if (types[node] === 0) threshold[node] = conditions[node] ?? 0;
  }
  return { leftChild, rightChild, splitFeature, threshold, defaultLeft, leafValue, cover, gain, baseWeight, ...(categorical ? { categorical } : {}) };
}
