import { describe, expect, it } from 'vitest';
import { mappedCurrencies } from '../contract/enums.js';
import { channelCodes, countryCode, pspCodes } from './codes.js';
import { amountInUsd, usdPerUnit } from './currency.js';
import { haversineKm, impliedSpeedKmh } from './geo.js';
import { circularHourDistance, timeOfDay } from './local-time.js';

describe('amountInUsd', () => {
  it('prefers the caller’s fx_rate, then the table, else missing', () => {
    expect(amountInUsd({ amount: 200, currency: 'MXN', fxRate: 0.06 })).toBeCloseTo(12, 12);
    expect(amountInUsd({ amount: 200, currency: 'mxn', fxRate: undefined })).toBeCloseTo(10.4, 12);
    expect(amountInUsd({ amount: 25_000, currency: 'ECS', fxRate: undefined })).toBeCloseTo(1, 12);
    expect(amountInUsd({ amount: 10, currency: 'XAF', fxRate: undefined })).toBeNaN();
    expect(amountInUsd({ amount: 10, currency: 'EUR', fxRate: 0 })).toBeCloseTo(11, 12);
  });

  it('has a rate for every seed currency', () => {
    for (const currency of mappedCurrencies) expect(usdPerUnit[currency]).toBeGreaterThan(0);
  });
});

describe('timeOfDay', () => {
  it('gives UTC and sender-local hour and weekday', () => {
    const saturdayNight = Date.UTC(2025, 0, 11, 2, 30);
    expect(timeOfDay(saturdayNight, 'GB')).toEqual({ utcHour: 2, utcDayOfWeek: 5, localHour: 2, localFractionalHour: 2.5 });
    expect(timeOfDay(saturdayNight, 'MX')).toMatchObject({ utcHour: 2, localHour: 20, localFractionalHour: 20.5 });
    expect(timeOfDay(saturdayNight, 'IN').localFractionalHour).toBe(8);
    expect(timeOfDay(saturdayNight, 'ZZ').localHour).toBe(2);
    expect(timeOfDay(Date.UTC(2025, 0, 6), 'GB').utcDayOfWeek).toBe(0);
  });

  it('measures hours around the clock', () => {
    expect(circularHourDistance(23, 1)).toBe(2);
    expect(circularHourDistance(1, 23)).toBe(2);
    expect(circularHourDistance(6, 18)).toBe(12);
  });
});

describe('geo', () => {
  it('computes great-circle distances and floored speeds', () => {
    expect(haversineKm(48.8566, 2.3522, 51.5074, -0.1278)).toBeCloseTo(343.9, 0);
    expect(haversineKm(10, 20, 10, 20)).toBe(0);
    expect(impliedSpeedKmh(100, 3_600_000)).toBe(100);
    expect(impliedSpeedKmh(100, 0)).toBe(6000);
    expect(impliedSpeedKmh(100, -1)).toBeNaN();
  });
});

describe('codes', () => {
  it('never changes a published code', () => {
    expect(channelCodes).toMatchObject({ card: 1, bank_transfer: 2, pix: 8, cash: 10 });
    expect(pspCodes).toMatchObject({ stripe: 1, partner: 7 });
    expect(countryCode('US')).toBe(691);
    expect(countryCode('AA')).toBe(33);
    expect(countryCode('usa')).toBe(0);
    expect(countryCode(undefined)).toBe(0);
  });
});
