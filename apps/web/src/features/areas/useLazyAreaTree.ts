import { useCallback, useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Area } from '@anxun/contracts';
import { areaKeys, fetchAreaChildren } from './api.ts';

export interface AreaNode<T> {
  area: Area;
  children?: T[];
}

/**
 * The area tree, loaded one level at a time: a real town has thousands of micro-grids,
 * so only the branches the user opens are fetched.
 */
export function useLazyAreaTree() {
  const queryClient = useQueryClient();
  const roots = useQuery({
    queryKey: areaKeys.children(null),
    queryFn: ({ signal }) => fetchAreaChildren(null, signal),
    staleTime: 5 * 60_000,
  });
  const [children, setChildren] = useState<Record<string, Area[]>>({});

  const loadChildren = useCallback(
    async (parentId: string, fresh = false) => {
      const list = await queryClient.fetchQuery({
        queryKey: areaKeys.children(parentId),
        queryFn: ({ signal }) => fetchAreaChildren(parentId, signal),
        staleTime: fresh ? 0 : 5 * 60_000,
      });
      setChildren((previous) => ({ ...previous, [parentId]: list }));
      return list;
    },
    [queryClient],
  );

  const byId = useMemo(() => {
    const map = new Map<string, Area>();
    for (const area of roots.data ?? []) map.set(area.id, area);
    for (const list of Object.values(children)) for (const area of list) map.set(area.id, area);
    return map;
  }, [roots.data, children]);

  /** Builds a nested tree of whatever shape the caller's component wants. */
  const build = useCallback(
    <T>(toNode: (area: Area, kids: T[] | undefined) => T): T[] => {
      const walk = (area: Area): T => {
        const kids = children[area.id];
        return toNode(area, kids?.map(walk));
      };
      return (roots.data ?? []).map(walk);
    },
    [roots.data, children],
  );

  return { roots, children, byId, loadChildren, build };
}

export const isLeafLevel = (area: Area) => area.level === 'micro_grid';
