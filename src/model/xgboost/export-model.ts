import { shortestFloat32 } from '../float32-format.js';
import type { Tree, TreeEnsemble } from '../tree-ensemble.js';

/** XGBoost's marker for "no parent" in the `parents` array. */
const noParent = 2147483647;

/** The version written into exported models: the 2.x layout, which XGBoost 2.x and 3.x both load. */
const exportedVersion = [2, 1, 0] as const;

function floats(values: Float32Array): number[] {
  return Array.from(values, shortestFloat32);
}

function treeToJson(tree: Tree, id: number, featureCount: number): Record<string, unknown> {
  const count = tree.leftChild.length;
  const parents = new Array<number>(count).fill(noParent);
  const conditions = new Float32Array(count);
  for (let node = 0; node < count; node += 1) {
    const left = tree.leftChild[node] ?? -1;
    if (left < 0) {
      conditions[node] = tree.leafValue[node] ?? 0;
      continue;
    }
    parents[left] = node;
    parents[tree.rightChild[node] ?? 0] = node;
    conditions[node] = tree.categorical?.splitType[node] === 1 ? 0 : (tree.threshold[node] ?? 0);
  }
  const categorical = tree.categorical;
  const categoryNodes: number[] = [];
  const segments: number[] = [];
  const sizes: number[] = [];
  const categories: number[] = [];
  if (categorical !== undefined) {
    for (let node = 0; node < count; node += 1) {
      if (categorical.splitType[node] !== 1 || (tree.leftChild[node] ?? -1) < 0) continue;
      const start = categorical.categoryStart[node] ?? 0;
      categoryNodes.push(node);
      segments.push(categories.length);
      sizes.push(categorical.categoryCount[node] ?? 0);
      categories.push(...categorical.categories.subarray(start, start + (categorical.categoryCount[node] ?? 0)));
    }
  }
  return {
    base_weights: floats(tree.baseWeight),
    categories,
    categories_nodes: categoryNodes,
    categories_segments: segments,
    categories_sizes: sizes,
    default_left: Array.from(tree.defaultLeft, (flag) => (flag === 1 ? 1 : 0)),
    id,
    left_children: Array.from(tree.leftChild),
    loss_changes: floats(tree.gain),
    parents,
    right_children: Array.from(tree.rightChild),
    split_conditions: floats(conditions),
    split_indices: Array.from(tree.splitFeature, (feature, node) => ((tree.leftChild[node] ?? -1) < 0 ? 0 : feature)),
    split_type: Array.from({ length: count }, (_, node) => categorical?.splitType[node] ?? 0),
    sum_hessian: floats(tree.cover),
    tree_param: { num_deleted: '0', num_feature: String(featureCount), num_nodes: String(count), size_leaf_vector: '1' },
  };
}

/**
 * Writes a model as an XGBoost JSON document (2.x layout, also loaded by XGBoost 3.x) that
 * {@link parseXgboostModel} reads back identically: thresholds, leaves and covers are written as
 * the shortest decimals of their float32 values. Serialize the result with `JSON.stringify`.
 */
export function toXgboostJson(model: TreeEnsemble): Record<string, unknown> {
  const featureTypes = model.categoricalFeatures?.map((categorical) => (categorical ? 'c' : 'q')) ?? [];
  return {
    learner: {
      attributes: {},
      feature_names: model.featureNames ? [...model.featureNames] : [],
      feature_types: featureTypes,
      gradient_booster: {
        model: {
          gbtree_model_param: { num_parallel_tree: '1', num_trees: String(model.trees.length) },
          iteration_indptr: Array.from({ length: model.trees.length + 1 }, (_, index) => index),
          tree_info: new Array<number>(model.trees.length).fill(0),
          trees: model.trees.map((tree, index) => treeToJson(tree, index, model.featureCount)),
        },
        name: 'gbtree',
      },
      learner_model_param: {
        base_score: String(shortestFloat32(model.baseScore)),
        boost_from_average: '1',
        num_class: '0',
        num_feature: String(model.featureCount),
        num_target: '1',
      },
      objective: { name: model.objective, reg_loss_param: { scale_pos_weight: '1' } },
    },
    version: [...exportedVersion],
  };
}
