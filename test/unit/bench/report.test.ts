import { describe, expect, it } from 'vitest';
import { buildFigure } from '../../../scripts/bench/report';

describe('buildFigure', () => {
  it('compares the medians of each size\'s builds', () => {
    const [figure] = buildFigure(
      new Map([
        [100, [3100, 3500, 3000]],
        [10000, [6400, 5800, 6000]],
      ]),
    );
    expect(figure!.value).toBe(6);
    expect(figure!.baseline).toBe(3.1);
    expect(figure!.ratio).toBeCloseTo(6000 / 3100, 10);
    expect(figure!.note).toContain('median of 3 builds each');
    expect(figure!.extra).toEqual({ 100: [3100, 3500, 3000], 10000: [6400, 5800, 6000] });
  });

  it('says when each size was built once', () => {
    const [figure] = buildFigure(
      new Map([
        [100, [3000]],
        [2000, [4000]],
        [10000, [6300]],
      ]),
    );
    expect(figure!.ratio).toBeCloseTo(2.1, 10);
    expect(figure!.note).toContain('one build each');
  });

  it('has no figure without both sizes', () => {
    expect(buildFigure(new Map([[100, [3000]]]))).toEqual([]);
    expect(buildFigure(new Map([[10000, [3000]], [100, []]]))).toEqual([]);
  });
});
