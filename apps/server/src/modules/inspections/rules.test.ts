import { describe, expect, it } from 'vitest';
import { gpsCheck } from './rules.ts';

describe('gpsCheck', () => {
  it('flags a fix more than 200 m from the site', () => {
    expect(gpsCheck({ lng: 120.5, lat: 30.2 }, { lng: 120.5, lat: 30.2015 })).toEqual({ distanceM: 167, far: false });
    expect(gpsCheck({ lng: 120.5, lat: 30.2 }, { lng: 120.5, lat: 30.2025 })).toEqual({ distanceM: 278, far: true });
  });
  it('cannot judge without both points', () => {
    expect(gpsCheck(null, { lng: 1, lat: 1 })).toEqual({ distanceM: null, far: false });
    expect(gpsCheck({ lng: 1, lat: 1 }, null)).toEqual({ distanceM: null, far: false });
  });
});
