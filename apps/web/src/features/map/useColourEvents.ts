import { useEffect, useRef } from 'react';
import type { MapColourEvent } from '@anxun/contracts';

/**
 * Colour changes in the viewer's scope, pushed by the server. EventSource reconnects by itself
 * (the server ends each stream after a while, and on logout).
 */
export function useColourEvents(onChange: (event: MapColourEvent) => void) {
  const handler = useRef(onChange);
  useEffect(() => {
    handler.current = onChange;
  });
  useEffect(() => {
    const source = new EventSource('/api/map/events');
    source.addEventListener('colour', (message) => handler.current(JSON.parse((message as MessageEvent<string>).data) as MapColourEvent));
    return () => source.close();
  }, []);
}
