import { useCallback, useEffect, useRef, useState } from 'react';
import type { GpsFix } from './draft.ts';

export type GpsState =
  | { status: 'idle' | 'locating' }
  | { status: 'ok'; fix: GpsFix }
  /** denied: the user or the browser said no (also plain-HTTP pages); unavailable/timeout: try again. */
  | { status: 'error'; reason: 'unsupported' | 'insecure' | 'denied' | 'unavailable' | 'timeout' };

type ErrorReason = Extract<GpsState, { status: 'error' }>['reason'];

function fixOf(position: GeolocationPosition): GpsFix {
  return {
    lng: Number(position.coords.longitude.toFixed(7)),
    lat: Number(position.coords.latitude.toFixed(7)),
    accuracy: Math.min(100_000, Math.round(position.coords.accuracy)),
    at: new Date(position.timestamp || Date.now()).toISOString(),
  };
}

function reasonOf(error: GeolocationPositionError): ErrorReason {
  if (error.code === error.PERMISSION_DENIED) return window.isSecureContext ? 'denied' : 'insecure';
  return error.code === error.TIMEOUT ? 'timeout' : 'unavailable';
}

function unsupported(): ErrorReason | null {
  if (!('geolocation' in navigator)) return window.isSecureContext ? 'unsupported' : 'insecure';
  return null;
}

/**
 * Watches the position while the screen is open and keeps the most accurate fix (a phone's first
 * answer is often a coarse network fix that sharpens within seconds). `initial` resumes a draft.
 */
export function useGps({ enabled = true, initial = null as GpsFix | null, goodEnoughM = 15, onFix = undefined as ((fix: GpsFix) => void) | undefined } = {}) {
  const [state, setState] = useState<GpsState>(() => (initial ? { status: 'ok', fix: initial } : { status: 'idle' }));
  const [attempt, setAttempt] = useState(0);
  const best = useRef<GpsFix | null>(initial);
  const onFixRef = useRef(onFix);
  useEffect(() => {
    onFixRef.current = onFix;
  });

  useEffect(() => {
    if (!enabled) return;
    const reason = unsupported();
    if (reason) {
      // Reported asynchronously like every other outcome, so the effect never sets state synchronously.
      const timer = window.setTimeout(() => setState({ status: 'error', reason }), 0);
      return () => window.clearTimeout(timer);
    }
    if (best.current && (best.current.accuracy ?? Infinity) <= goodEnoughM) return;
    if (!best.current) queueMicrotask(() => setState({ status: 'locating' }));
    const watch = navigator.geolocation.watchPosition(
      (position) => {
        const fix = fixOf(position);
        const previous = best.current;
        // A fresher fix replaces an older one unless it is much worse.
        if (previous && (fix.accuracy ?? Infinity) > (previous.accuracy ?? Infinity) * 1.5) return;
        best.current = fix;
        setState({ status: 'ok', fix });
        onFixRef.current?.(fix);
        if ((fix.accuracy ?? Infinity) <= goodEnoughM) navigator.geolocation.clearWatch(watch);
      },
      (error) => {
        if (!best.current) setState({ status: 'error', reason: reasonOf(error) });
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 30_000 },
    );
    return () => navigator.geolocation.clearWatch(watch);
  }, [enabled, attempt, goodEnoughM]);

  const retry = useCallback(() => {
    best.current = null;
    setState({ status: 'locating' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, fix: state.status === 'ok' ? state.fix : null, retry };
}

/** Great-circle metres between two WGS-84 points. */
export function distanceM(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}
