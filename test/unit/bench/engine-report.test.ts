import { describe, expect, it } from 'vitest';
import { bytesFigure, engineFigures, longTaskFigure, overFloor, readyFigure } from '../../../scripts/bench/engine-report';
import type { ReadySample } from '../../../scripts/bench/ready';
import { emptyTimes, type SessionTimes } from '../../../scripts/bench/session';

const times = (frame: number[], first = frame.map((ms) => ms / 2)): SessionTimes => ({ ...emptyTimes(), first, last: first, frame, keys: frame.length });
const load = (ms: number, longTasks: number[] = [], bytes = 1000): ReadySample => ({ ms, longTasks, bytes, files: 3 });

describe('overFloor', () => {
  it("is our next-frame p95 minus our own floor's p95, held to 5 ms at 10,000 only", () => {
    const over = overFloor(10000, 'cards', times([10, 12, 20]), times([8, 9, 16]), times([2, 3]));
    expect(over.value).toBe(4);
    expect(over.baseline).toBe(16);
    expect(over.status).toBe('pass');
    expect(over.note).toContain("simple cards' floor 3.0 ms");
    expect(overFloor(10000, 'compact', times([10, 30]), times([8, 9])).status).toBe('fail');
    expect(overFloor(2000, 'cards', times([10, 30]), times([8, 9])).status).toBe('info');
    expect(overFloor(2000, 'compact', times([1]), times([1])).id).toBe('next-frame-over-floor-compact');
  });
});

describe('readyFigure', () => {
  it("takes the median load and holds ours to 2× Pagefind's at 10,000", () => {
    const pagefind = [load(400), load(500), load(450)];
    const ours = readyFigure(10000, 'cards', [load(900), load(700), load(1200)], pagefind);
    expect(ours.value).toBe(900);
    expect(ours.baseline).toBe(450);
    expect(ours.ratio).toBe(2);
    expect(ours.status).toBe('pass');
    expect(readyFigure(10000, 'compact', [load(1000)], pagefind).status).toBe('fail');
    expect(readyFigure(2000, 'cards', [load(1000)], pagefind).status).toBe('info');
    expect(ours.robust).toBe(false);
  });

  it('compares only ours with Pagefind', () => {
    const flexsearch = readyFigure(10000, 'flexsearch', [load(300)], [load(100)]);
    expect(flexsearch.ratio).toBeUndefined();
    expect(flexsearch.target).toBeUndefined();
  });
});

describe('longTaskFigure', () => {
  it('counts the most long tasks any load had and names the longest', () => {
    const figure = longTaskFigure(10000, [load(1, [60]), load(1, [51, 80]), load(1)]);
    expect(figure.value).toBe(2);
    expect(figure.status).toBe('fail');
    expect(figure.note).toContain('80.0 ms');
    expect(longTaskFigure(10000, [load(1), load(2)]).status).toBe('pass');
  });
});

describe('bytesFigure', () => {
  it('is robust, in kB, with Pagefind as the baseline of the others', () => {
    const figure = bytesFigure(10000, 'cards', [load(1, [], 300_000)], [load(1, [], 150_000)]);
    expect(figure).toMatchObject({ value: 300, unit: 'kB', baseline: 150, ratio: 2, robust: true, status: 'info' });
    expect(bytesFigure(10000, 'pagefind', [load(1, [], 150_000)], [load(1, [], 150_000)]).baseline).toBeUndefined();
  });
});

describe('engineFigures', () => {
  it("reports each baseline page, ours over our own page's floor in both views, and ready and bytes by engine", () => {
    const figures = engineFigures({
      size: 10000,
      queries: 1,
      errors: {},
      ours: times([10]),
      compact: times([11]),
      engines: { pagefind: times([30]), flexsearch: times([5]), floor: times([2]) },
      ownFloors: { cards: times([7]), compact: times([8]) },
      ready: { cards: [load(800)], compact: [load(800)], pagefind: [load(500)], flexsearch: [load(900)] },
    });
    expect(figures.map((f) => f.id)).toEqual([
      'keystroke-p95-pagefind',
      'keystroke-p95-flexsearch',
      'keystroke-p95-floor',
      'next-frame-over-floor',
      'next-frame-over-floor-compact',
      'ready-cards',
      'ready-compact',
      'ready-pagefind',
      'ready-flexsearch',
      'long-tasks-until-ready',
      'bytes-until-answer-cards',
      'bytes-until-answer-pagefind',
      'bytes-until-answer-flexsearch',
    ]);
    expect(figures.find((f) => f.id === 'next-frame-over-floor')?.value).toBe(3);
    expect(figures.find((f) => f.id === 'next-frame-over-floor-compact')?.value).toBe(3);
  });

  it('leaves ours over the floor out without our own floors', () => {
    const figures = engineFigures({ size: 10000, queries: 1, errors: {}, ours: times([10]), engines: { floor: times([2]) } });
    expect(figures.map((f) => f.id)).toEqual(['keystroke-p95-floor']);
  });

  it('has nothing to say without baseline pages', () => {
    expect(engineFigures({ size: 100, queries: 1, errors: {}, ours: times([10]) })).toEqual([]);
  });
});
