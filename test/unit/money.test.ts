import { describe, expect, it } from 'vitest';
import { formatVnd, isVndAmount } from '../../src/lib/money.ts';

/** Intl puts a non-breaking space between number and symbol; compare with ordinary spaces. */
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('formatVnd', () => {
  it('groups thousands with dots in Vietnamese and puts ₫ after the amount', () => {
    expect(plain(formatVnd(50000, 'vi'))).toBe('50.000 ₫');
    expect(plain(formatVnd(1250000, 'vi'))).toBe('1.250.000 ₫');
  });

  it('groups thousands with commas in English', () => {
    const text = formatVnd(1250000, 'en');
    expect(text).toContain('1,250,000');
    expect(text).toContain('₫');
    expect(text).not.toContain('.');
  });

  it('shows no minor unit', () => {
    expect(formatVnd(50000, 'en')).not.toMatch(/[.,]00\b/);
    expect(plain(formatVnd(999, 'vi'))).toBe('999 ₫');
  });
});

describe('isVndAmount', () => {
  it('accepts positive whole numbers of đồng only', () => {
    expect(isVndAmount(50000)).toBe(true);
    expect(isVndAmount(0)).toBe(false);
    expect(isVndAmount(-5)).toBe(false);
    expect(isVndAmount(12.5)).toBe(false);
    expect(isVndAmount('50000')).toBe(false);
    expect(isVndAmount(Number.MAX_SAFE_INTEGER + 1)).toBe(false);
  });
});
