import { describe, expect, it } from 'vitest';
import { caresLabel, currencySymbol, hours, money, percent, signed } from './format';

describe('money', () => {
  it('writes euros with the symbol first and thousands separated', () => {
    expect(money(1_234_000, 'EUR')).toBe('€12,340');
  });

  it('writes dollars and pounds with their own symbols', () => {
    expect(money(3500, 'USD')).toBe('$35.00');
    expect(money(250_000, 'GBP')).toBe('£2,500');
  });

  it('shows cents for small prices and whole units for big sums by default', () => {
    expect(money(3500, 'EUR')).toBe('€35.00');
    expect(money(9999, 'EUR')).toBe('€99.99');
    expect(money(10_000, 'EUR')).toBe('€100');
  });

  it('shows or hides cents when asked', () => {
    expect(money(123_456, 'EUR', true)).toBe('€1,234.56');
    expect(money(3500, 'EUR', false)).toBe('€35');
    expect(money(6000, 'GBP', false)).toBe('£60');
  });

  it('puts a real minus sign before the symbol for losses', () => {
    expect(money(-120_000, 'EUR')).toBe('−€1,200');
    expect(money(-50, 'USD')).toBe('−$0.50');
  });

  it('writes zero without a sign', () => {
    expect(money(0, 'EUR')).toBe('€0.00');
    expect(money(0, 'EUR', false)).toBe('€0');
  });
});

describe('currencySymbol', () => {
  it('knows the three scenario currencies', () => {
    expect(currencySymbol('EUR')).toBe('€');
    expect(currencySymbol('USD')).toBe('$');
    expect(currencySymbol('GBP')).toBe('£');
  });
});

describe('signed', () => {
  it('marks gains with + and losses with a real minus, one decimal by default', () => {
    expect(signed(6.14)).toBe('+6.1');
    expect(signed(-2.36)).toBe('−2.4');
  });

  it('uses the digits asked for', () => {
    expect(signed(3, 0)).toBe('+3');
    expect(signed(-1.234, 2)).toBe('−1.23');
  });

  it('writes changes that round to nothing without a sign, never "−0.0"', () => {
    expect(signed(0)).toBe('0.0');
    expect(signed(0.04)).toBe('0.0');
    expect(signed(-0.04)).toBe('0.0');
  });
});

describe('percent', () => {
  it('rounds a fraction to whole percent with a space before the sign', () => {
    expect(percent(0.756)).toBe('76 %');
    expect(percent(0)).toBe('0 %');
    expect(percent(1)).toBe('100 %');
  });
});

describe('hours', () => {
  it('keeps one decimal under ten hours and none above', () => {
    expect(hours(2.5)).toBe('2.5 h');
    expect(hours(0)).toBe('0.0 h');
    expect(hours(12.4)).toBe('12 h');
  });
});

describe('caresLabel', () => {
  it('says "cares a lot" from 0.7 up', () => {
    expect(caresLabel(1)).toBe('cares a lot');
    expect(caresLabel(0.7)).toBe('cares a lot');
  });

  it('says "cares somewhat" from 0.4 to just under 0.7', () => {
    expect(caresLabel(0.69)).toBe('cares somewhat');
    expect(caresLabel(0.4)).toBe('cares somewhat');
  });

  it('says "barely cares" under 0.4', () => {
    expect(caresLabel(0.39)).toBe('barely cares');
    expect(caresLabel(0)).toBe('barely cares');
  });
});
