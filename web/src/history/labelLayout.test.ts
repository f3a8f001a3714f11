import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spreadLabels, stackLabels } from './labelLayout';

describe('spreadLabels', () => {
  it('leaves labels that are far apart where they are', () => {
    expect(spreadLabels([10, 50, 90], 12, 0, 100)).toEqual([10, 50, 90]);
  });

  it('pushes labels on the same line apart, keeping their order, inside the plot', () => {
    expect(spreadLabels([50, 50, 50], 12, 0, 100)).toEqual([50, 62, 74]);
    expect(spreadLabels([95, 95, 95], 12, 0, 100)).toEqual([76, 88, 100]);
    expect(spreadLabels([60, 20], 12, 0, 100)).toEqual([60, 20]);
  });

  it('never leaves two labels closer than the gap when they fit', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 300, noNaN: true }), { maxLength: 8 }), (wanted) => {
        const placed = spreadLabels(wanted, 14, 0, 300).sort((a, b) => a - b);
        for (let i = 1; i < placed.length; i++) expect(placed[i]! - placed[i - 1]!).toBeGreaterThanOrEqual(14 - 1e-9);
        for (const at of placed) expect(at >= 0 && at <= 300).toBe(true);
      }),
    );
  });
});

describe('stackLabels', () => {
  it('puts touching marker labels in the next row, not over each other', () => {
    expect(stackLabels([0, 10, 100, 105], [40, 40, 40, 40], 3)).toEqual([0, 1, 0, 1]);
    expect(stackLabels([0, 1, 2, 3], [40, 40, 40, 40], 2)).toEqual([0, 1, 1, 1]);
  });
});
