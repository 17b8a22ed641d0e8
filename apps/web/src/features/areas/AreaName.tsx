import { useAreaDetail } from './api.ts';

/** An area's name from its id; details are cached, so repeated ids cost one request. */
export function AreaName({ id }: { id: string | null | undefined }) {
  const area = useAreaDetail(id);
  if (!id) return <>—</>;
  return <>{area.data?.name ?? '…'}</>;
}
