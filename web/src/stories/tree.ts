/** The fork tree's layout: a tidy tree (d3-hierarchy's Reingold–Tilford) laid left to right, one column per fork depth. */
import { hierarchy, tree } from 'd3-hierarchy';
import type { TreeNode } from './api';

export interface PlacedNode {
  sceneId: string;
  title: string;
  ownerName: string;
  /** A branch the caller may not open, kept because forks it may see hang from it. */
  hidden: boolean;
  segmentCount: number;
  forkedAtSegment: number | null;
  depth: number;
  x: number;
  y: number;
  current: boolean;
}

export interface PlacedLink {
  from: PlacedNode;
  to: PlacedNode;
  /** "at 3": the parent's segment the fork starts after. */
  label: string;
}

export interface TreeLayout {
  nodes: PlacedNode[];
  links: PlacedLink[];
  width: number;
  height: number;
}

export const NODE_WIDTH = 180;
export const NODE_HEIGHT = 56;
const COLUMN_GAP = 90;
const ROW_GAP = 24;
const MARGIN = 16;

/** Places every scene of the tree; `current` marks the one the page came from. Sizes are in SVG user units. */
export function layoutTree(root: TreeNode, current: string): TreeLayout {
  const h = hierarchy(root, (n) => n.children);
  // nodeSize: x is the row pitch, y the column pitch (d3 lays trees top-down; we swap to go left to right).
  const laid = tree<TreeNode>().nodeSize([NODE_HEIGHT + ROW_GAP, NODE_WIDTH + COLUMN_GAP])(h);
  const all = laid.descendants();
  const minX = Math.min(...all.map((n) => n.x));
  const byNode = new Map<unknown, PlacedNode>();
  const nodes = all.map((n) => {
    const placed: PlacedNode = {
      sceneId: n.data.sceneId,
      title: n.data.title ?? 'Hidden scene',
      ownerName: n.data.ownerName ?? '',
      hidden: n.data.hidden === true || n.data.title === null,
      segmentCount: n.data.segmentCount,
      forkedAtSegment: n.data.forkedAtSegment,
      depth: n.depth,
      x: MARGIN + n.y,
      y: MARGIN + n.x - minX,
      current: n.data.sceneId === current,
    };
    byNode.set(n, placed);
    return placed;
  });
  const links = laid.links().map((l) => {
    const to = byNode.get(l.target)!;
    return { from: byNode.get(l.source)!, to, label: to.forkedAtSegment === null ? '' : `at ${to.forkedAtSegment}` };
  });
  const width = Math.max(...nodes.map((n) => n.x)) + NODE_WIDTH + MARGIN;
  const height = Math.max(...nodes.map((n) => n.y)) + NODE_HEIGHT + MARGIN;
  return { nodes, links, width, height };
}

/** The SVG path of a link: a horizontal S-curve from the right edge of the parent to the left edge of the child. */
export function linkPath(l: PlacedLink): string {
  const x1 = l.from.x + NODE_WIDTH;
  const y1 = l.from.y + NODE_HEIGHT / 2;
  const x2 = l.to.x;
  const y2 = l.to.y + NODE_HEIGHT / 2;
  const mx = (x1 + x2) / 2;
  return `M${x1},${y1}C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
}

/** How many scenes the tree holds. */
export function countScenes(root: TreeNode): number {
  return 1 + root.children.reduce((n, c) => n + countScenes(c), 0);
}
