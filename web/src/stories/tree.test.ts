import { describe, expect, it } from 'vitest';
import type { TreeNode } from './api';
import { countScenes, layoutTree, linkPath, NODE_HEIGHT, NODE_WIDTH } from './tree';

const node = (sceneId: string, forkedAtSegment: number | null, children: TreeNode[] = []): TreeNode => ({
  sceneId,
  title: sceneId.toUpperCase(),
  forkedAtSegment,
  segmentCount: 3,
  ownerName: 'Ann',
  children,
});

describe('fork tree layout', () => {
  const root = node('a', null, [node('b', 1, [node('d', 3)]), node('c', 2)]);

  it('puts each depth in its own column, left to right, and marks the current scene', () => {
    const { nodes } = layoutTree(root, 'c');
    const at = (id: string) => nodes.find((n) => n.sceneId === id)!;
    expect(nodes).toHaveLength(4);
    expect(at('a').x).toBeLessThan(at('b').x);
    expect(at('b').x).toBe(at('c').x);
    expect(at('d').x).toBeGreaterThan(at('b').x);
    expect(nodes.filter((n) => n.current).map((n) => n.sceneId)).toEqual(['c']);
  });

  it('never overlaps two boxes and keeps every box inside the drawing', () => {
    const { nodes, width, height } = layoutTree(root, 'a');
    for (const p of nodes) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.x + NODE_WIDTH).toBeLessThanOrEqual(width);
      expect(p.y + NODE_HEIGHT).toBeLessThanOrEqual(height);
      for (const q of nodes) {
        if (p === q) continue;
        const apart = p.x + NODE_WIDTH <= q.x || q.x + NODE_WIDTH <= p.x || p.y + NODE_HEIGHT <= q.y || q.y + NODE_HEIGHT <= p.y;
        expect(apart, `${p.sceneId} overlaps ${q.sceneId}`).toBe(true);
      }
    }
  });

  it('links each fork to its parent, labelled with the fork point', () => {
    const { links } = layoutTree(root, 'a');
    expect(links.map((l) => `${l.from.sceneId}->${l.to.sceneId} ${l.label}`).sort()).toEqual(['a->b at 1', 'a->c at 2', 'b->d at 3']);
    const ab = links.find((l) => l.to.sceneId === 'b')!;
    expect(linkPath(ab).startsWith(`M${ab.from.x + NODE_WIDTH},${ab.from.y + NODE_HEIGHT / 2}`)).toBe(true);
    expect(linkPath(ab).endsWith(`${ab.to.x},${ab.to.y + NODE_HEIGHT / 2}`)).toBe(true);
  });

  it('lays a lone scene as one box', () => {
    const { nodes, links, width, height } = layoutTree(node('solo', null), 'solo');
    expect(nodes).toHaveLength(1);
    expect(links).toHaveLength(0);
    expect(width).toBeGreaterThan(NODE_WIDTH);
    expect(height).toBeGreaterThan(NODE_HEIGHT);
    expect(countScenes(root)).toBe(4);
  });
});
