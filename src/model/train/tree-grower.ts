import type { Tree } from '../tree-ensemble.js';
import { histogramSlot, type ArenaLayout } from './arena.js';
import type { LevelTask } from './histogram-engine.js';
import { splitThreshold, type FeatureBins } from './quantize.js';
import { splitField, splitStride } from './split-finder.js';
import type { ThreadTeam } from './thread-team.js';

/** Loss reduction below which a split is never made (XGBoost's kRtEps). */
const minimumGain = 1e-6;

/** Everything the grower needs besides the rows of this tree. */
export interface GrowerContext {
  readonly layout: ArenaLayout;
  readonly featureBins: readonly FeatureBins[];
  readonly eta: number;
  readonly maxDepth: number;
  readonly lambda: number;
  readonly gamma: number;
  readonly minChildWeight: number;
  /** Runs histogram levels and partitions (possibly on several threads). */
  readonly team: Pick<ThreadTeam, 'evaluateLevel' | 'partition'>;
}

/** A grown tree plus what the trainer needs to update training margins. */
export interface GrownTree {
  readonly tree: Tree;
  /** Split bin per node (rows with bin < splitBin go left), for routing rows by their bins. */
  readonly splitBin: Int32Array;
  /** (node, begin, end) per leaf: the leaf's rows are rowIndex[begin..end). */
  readonly leafRanges: Int32Array;
}

interface OpenNode {
  readonly id: number;
  readonly begin: number;
  readonly end: number;
  readonly gradient: number;
  readonly hessian: number;
  readonly slot: number;
}

/** Node arrays grown as the tree expands (ids in order of creation: a node's children follow it). */
class NodeList {
  readonly left: number[] = [];
  readonly right: number[] = [];
  readonly feature: number[] = [];
  readonly threshold: number[] = [];
  readonly defaultLeft: number[] = [];
  readonly cover: number[] = [];
  readonly gain: number[] = [];
  readonly gradient: number[] = [];
  readonly splitBin: number[] = [];

  add(gradient: number, hessian: number): number {
    this.left.push(-1);
    this.right.push(-1);
    this.feature.push(0);
    this.threshold.push(0);
    this.defaultLeft.push(0);
    this.cover.push(hessian);
    this.gain.push(0);
    this.gradient.push(gradient);
    this.splitBin.push(0);
    return this.left.length - 1;
  }
}

/**
 * Grows one tree depth-wise on the rows rowIndex[0..rowCount) of the arena. Per level: one parallel histogram task (the smaller child of each split is
 * built from its rows, its sibling is the parent minus it), then each split node's rows are
 * partitioned in place so that every node owns a contiguous range.
 */
export async function growTree(context: GrowerContext, rowCount: number, dense: boolean, totals: readonly [number, number], features: Int32Array): Promise<GrownTree> {
  const { layout, featureBins, maxDepth } = context;
  const nodes = new NodeList();
  const root: OpenNode = { id: nodes.add(totals[0], totals[1]), begin: 0, end: rowCount, gradient: totals[0], hessian: totals[1], slot: histogramSlot(layout, 0, 0) };
  let level = [root];
  let task: LevelTask = { dense, builds: Int32Array.of(root.slot, 0, rowCount), subtracts: new Int32Array(0), evaluate: Int32Array.of(root.slot), totals: Float64Array.of(totals[0], totals[1]) };
  const leaves: number[] = [];
  for (let depth = 0; level.length > 0; depth += 1) {
    if (depth >= maxDepth) {
      for (const node of level) leaves.push(node.id, node.begin, node.end);
      break;
    }
    const results = await context.team.evaluateLevel(task, features);
    // Nodes whose best split is worth making, with the offset of that split in `results`.
    const splitting: { node: OpenNode; offset: number }[] = [];
    level.forEach((node, index) => {
      const gain = results[index * splitStride + splitField.gain] ?? Number.NEGATIVE_INFINITY;
      if (gain > minimumGain && gain > context.gamma) splitting.push({ node, offset: index * splitStride });
      else leaves.push(node.id, node.begin, node.end);
    });
    const partitionList = Int32Array.from(
      splitting.flatMap(({ node, offset }) => {
        const feature = results[offset + splitField.feature] ?? 0;
        return [feature, node.begin, node.end, results[offset + splitField.splitIndex] ?? 0, featureBins[feature]?.binCount ?? 0, results[offset + splitField.defaultLeft] ?? 0];
      }),
    );
    const leftCounts = await context.team.partition(partitionList);
    const next: OpenNode[] = [];
    const builds: number[] = [];
    const subtracts: number[] = [];
    const evaluate: number[] = [];
    const nextTotals: number[] = [];
    splitting.forEach(({ node, offset }, position) => {
      const feature = results[offset + splitField.feature] ?? 0;
      const splitIndex = results[offset + splitField.splitIndex] ?? 0;
      const bins = featureBins[feature] as FeatureBins;
      const leftCount = leftCounts[position] ?? 0;
      const leftGradient = results[offset + splitField.leftGradient] ?? 0;
      const leftHessian = results[offset + splitField.leftHessian] ?? 0;
      const children = [
        { gradient: leftGradient, hessian: leftHessian, begin: node.begin, end: node.begin + leftCount },
        { gradient: node.gradient - leftGradient, hessian: node.hessian - leftHessian, begin: node.begin + leftCount, end: node.end },
      ].map((child, side) => ({ ...child, id: nodes.add(child.gradient, child.hessian), slot: histogramSlot(layout, depth + 1, next.length + side) }));
      const [left, right] = children as [OpenNode, OpenNode];
      nodes.left[node.id] = left.id;
      nodes.right[node.id] = right.id;
      nodes.feature[node.id] = feature;
      nodes.threshold[node.id] = splitThreshold(bins, splitIndex);
      nodes.defaultLeft[node.id] = results[offset + splitField.defaultLeft] ?? 0;
      nodes.gain[node.id] = results[offset + splitField.gain] ?? 0;
      nodes.splitBin[node.id] = splitIndex;
      next.push(left, right);
      if (depth + 1 < maxDepth) {
        const [small, large] = left.end - left.begin <= right.end - right.begin ? [left, right] : [right, left];
        builds.push(small.slot, small.begin, small.end);
        subtracts.push(large.slot, node.slot, small.slot);
        evaluate.push(left.slot, right.slot);
        nextTotals.push(left.gradient, left.hessian, right.gradient, right.hessian);
      }
    });
    level = next;
    task = { dense: false, builds: Int32Array.from(builds), subtracts: Int32Array.from(subtracts), evaluate: Int32Array.from(evaluate), totals: Float64Array.from(nextTotals) };
  }
  return { tree: finishTree(nodes, context), splitBin: Int32Array.from(nodes.splitBin), leafRanges: Int32Array.from(leaves) };
}

/** Leaf values -eta·G/(H+λ) (0 below min_child_weight, as XGBoost), rounded to float32. */
function finishTree(nodes: NodeList, context: GrowerContext): Tree {
  const count = nodes.left.length;
  const weight = (node: number): number => {
    const hessian = nodes.cover[node] ?? 0;
    if (hessian < context.minChildWeight || hessian <= 0) return 0;
    return Math.fround((context.eta * -(nodes.gradient[node] ?? 0)) / (hessian + context.lambda));
  };
  const baseWeight = Float32Array.from({ length: count }, (_, node) => weight(node));
  const leafValue = Float32Array.from({ length: count }, (_, node) => ((nodes.left[node] ?? -1) < 0 ? (baseWeight[node] ?? 0) : 0));
  return {
    leftChild: Int32Array.from(nodes.left),
    rightChild: Int32Array.from(nodes.right),
    splitFeature: Int32Array.from(nodes.feature),
    threshold: Float32Array.from(nodes.threshold),
    defaultLeft: Uint8Array.from(nodes.defaultLeft),
    leafValue,
    cover: Float32Array.from(nodes.cover),
    gain: Float32Array.from(nodes.gain),
    baseWeight,
  };
}
