import { describe, expect, it } from 'vitest';
import { InputController, TickPacer, moveAngleOf } from './input';
import { STOP } from './types';

describe('moveAngleOf', () => {
  it('gives eight directions, y south, and stop when keys cancel out', () => {
    const a = (...d: ('up' | 'down' | 'left' | 'right')[]) => moveAngleOf(new Set(d));
    expect(a('right')).toBe(0);
    expect(a('right', 'down')).toBe(512);
    expect(a('down')).toBe(1024);
    expect(a('down', 'left')).toBe(1536);
    expect(a('left')).toBe(2048);
    expect(a('left', 'up')).toBe(2560);
    expect(a('up')).toBe(3072);
    expect(a('up', 'right')).toBe(3584);
    expect(a()).toBe(STOP);
    expect(a('left', 'right')).toBe(STOP);
    expect(a('up', 'down', 'right')).toBe(0);
  });
});

describe('InputController', () => {
  it('numbers inputs one up from the last sequence and walks while keys are held', () => {
    const c = new InputController(41);
    c.keyDown('KeyD');
    c.keyDown('ArrowDown');
    expect(c.next()).toEqual({ sequence: 42, moveAngle: 512, cast: null });
    c.keyUp('KeyD');
    expect(c.next()).toEqual({ sequence: 43, moveAngle: 1024, cast: null });
    c.keyUp('ArrowDown');
    expect(c.next().moveAngle).toBe(STOP);
    expect(c.lastSequence).toBe(44);
  });

  it('casts once per key press, at the clicked target, else the one under the cursor, else the point', () => {
    const c = new InputController();
    c.hover = { point: { x: 100.4, y: 200.6 }, entity: 0 };
    expect(c.keyDown('Digit1')).toEqual({ type: 'skill', slot: 1 });
    expect(c.next().cast).toEqual({ slot: 1, target: 0, point: { x: 100, y: 201 } });
    expect(c.next().cast).toBeNull();
    c.hover = { point: { x: 5, y: 5 }, entity: 9 };
    c.cast(2);
    expect(c.next().cast).toEqual({ slot: 2, target: 9, point: { x: 5, y: 5 } });
    c.click({ point: { x: 5, y: 5 }, entity: 7 });
    c.keyDown('Numpad3');
    expect(c.next().cast?.target).toBe(7);
    c.forget(7);
    c.hover = null;
    c.click({ point: { x: 30, y: 40 }, entity: 0 });
    c.cast(1);
    expect(c.next().cast).toEqual({ slot: 1, target: 0, point: { x: 30, y: 40 } });
  });

  it('continues numbering above the last sequence the server applied, never going back', () => {
    const c = new InputController();
    c.continueAfter(500);
    expect(c.next().sequence).toBe(501);
    c.continueAfter(10);
    expect(c.next().sequence).toBe(502);
  });

  it('ignores slots beyond the bar', () => {
    const c = new InputController(0, 2);
    expect(c.keyDown('Digit3')).toBeNull();
    c.cast(0);
    c.cast(4);
    expect(c.next().cast).toBeNull();
  });

  it('opens the console with ~, stops walking while it is open, and closes it again', () => {
    const c = new InputController();
    c.keyDown('KeyW');
    expect(c.keyDown('Backquote')).toEqual({ type: 'console', open: true });
    expect(c.next().moveAngle).toBe(STOP);
    expect(c.keyDown('KeyD')).toBeNull();
    expect(c.keyDown('Digit1')).toBeNull();
    expect(c.next()).toMatchObject({ moveAngle: STOP, cast: null });
    expect(c.keyDown('Backquote')).toEqual({ type: 'console', open: false });
    expect(c.next().moveAngle).toBe(STOP);
    c.keyDown('KeyD');
    c.releaseAll();
    expect(c.next().moveAngle).toBe(STOP);
  });
});

describe('TickPacer', () => {
  it('makes one input due every tick and no burst after a stall', () => {
    const p = new TickPacer(50, 2);
    expect(p.due(1000)).toBe(1);
    expect(p.due(1020)).toBe(0);
    expect(p.due(1050)).toBe(1);
    expect(p.due(1099)).toBe(0);
    expect(p.due(1160)).toBe(2);
    expect(p.due(1199)).toBe(0);
    expect(p.due(1200)).toBe(1);
    expect(p.due(5000)).toBe(2);
    expect(p.due(5049)).toBe(0);
    expect(p.due(5050)).toBe(1);
  });
});
