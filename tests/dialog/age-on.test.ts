/** The age an ID number's birth date gives on the day of the message: both sides of the birthday. */
import { describe, expect, it } from 'vitest';
import { ageOn } from '../../src/dialog/slots.ts';

describe('ageOn', () => {
  it.each([
    ['1953-12-05', '2026-12-05', 73],
    ['1953-12-06', '2026-12-05', 72],
    ['1953-12-04', '2026-12-05', 73],
    ['1952-02-29', '2026-02-28', 73],
    ['1952-02-29', '2026-03-01', 74],
    ['1960-01-01', '2026-12-31', 66],
  ])('born %s, on %s: %i', (born, day, age) => {
    expect(ageOn(born, day)).toBe(age);
  });
});
