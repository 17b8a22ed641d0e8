import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BatchDecision,
  BatchKind,
  BatchPage,
  BatchSignoffRole,
  Campaign,
  CampaignAssignBody,
  CampaignAssignResult,
  CampaignDetail,
  CampaignMemberWriteBody,
  CampaignSitePage,
  CampaignStatus,
  CampaignTargets,
  CampaignUnitUpdateBody,
  CampaignUnitWriteBody,
  CampaignUpdateBody,
  CampaignWriteBody,
} from '@anxun/contracts';
import { api, get, patch, post } from '../../app/api.ts';
import type { Page } from '../../app/api.ts';

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (status?: CampaignStatus) => ['campaigns', 'list', status ?? 'all'] as const,
  detail: (id: string) => ['campaigns', 'detail', id] as const,
  sites: (id: string, filters: SiteFilters) => ['campaigns', 'sites', id, filters] as const,
  targets: (id: string) => ['campaigns', 'targets', id] as const,
  batches: (id: string, filters: BatchFilters) => ['campaigns', 'batches', id, filters] as const,
};

export function useCampaigns(status?: CampaignStatus) {
  return useQuery({
    queryKey: campaignKeys.list(status),
    queryFn: ({ signal }) => get<Page<Campaign>>('/campaigns', { status, pageSize: 200 }, signal),
  });
}

export function useCampaign(id: string | undefined) {
  return useQuery({ queryKey: campaignKeys.detail(id ?? ''), queryFn: ({ signal }) => get<CampaignDetail>(`/campaigns/${id}`, undefined, signal), enabled: !!id });
}

export interface SiteFilters {
  page: number;
  pageSize: number;
  assigned?: 'all' | 'assigned' | 'unassigned';
  squadId?: string;
  villageTeamId?: string;
  areaId?: string;
  q?: string;
}

export function useCampaignSites(id: string, filters: SiteFilters) {
  return useQuery({
    queryKey: campaignKeys.sites(id, filters),
    queryFn: ({ signal }) => get<CampaignSitePage>(`/campaigns/${id}/sites`, { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCampaignTargets(id: string) {
  return useQuery({ queryKey: campaignKeys.targets(id), queryFn: ({ signal }) => get<CampaignTargets>(`/campaigns/${id}/targets`, undefined, signal) });
}

export interface BatchFilters {
  batch?: BatchKind;
  state?: 'pending' | 'decided';
  history?: boolean;
  page: number;
}

export function useBatches(id: string, filters: BatchFilters) {
  return useQuery({
    queryKey: campaignKeys.batches(id, filters),
    queryFn: ({ signal }) => get<BatchPage>(`/campaigns/${id}/batches`, { ...filters, history: filters.history ? 'true' : undefined, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Every change to a campaign can move counts shown on other tabs, so all of it is refetched. */
function useCampaignMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignKeys.all }) });
}

export const useCreateCampaign = () => useCampaignMutation((body: CampaignWriteBody) => post<Campaign>('/campaigns', body));
export const useUpdateCampaign = (id: string) => useCampaignMutation((body: CampaignUpdateBody) => patch<CampaignDetail>(`/campaigns/${id}`, body));

export type OrgChange =
  | { kind: 'createUnit'; body: CampaignUnitWriteBody }
  | { kind: 'updateUnit'; unitId: string; body: CampaignUnitUpdateBody }
  | { kind: 'deleteUnit'; unitId: string }
  | { kind: 'addMember'; unitId: string; body: CampaignMemberWriteBody }
  | { kind: 'updateMember'; memberId: string; body: Partial<CampaignMemberWriteBody> }
  | { kind: 'removeMember'; memberId: string };

function sendOrg(campaignId: string, change: OrgChange): Promise<CampaignDetail> {
  switch (change.kind) {
    case 'createUnit':
      return post(`/campaigns/${campaignId}/units`, change.body);
    case 'updateUnit':
      return patch(`/campaign-units/${change.unitId}`, change.body);
    case 'deleteUnit':
      return api(`/campaign-units/${change.unitId}`, { method: 'DELETE' });
    case 'addMember':
      return post(`/campaign-units/${change.unitId}/members`, change.body);
    case 'updateMember':
      return patch(`/campaign-members/${change.memberId}`, change.body);
    case 'removeMember':
      return api(`/campaign-members/${change.memberId}`, { method: 'DELETE' });
  }
}

export const useOrgChange = (campaignId: string) => useCampaignMutation((change: OrgChange) => sendOrg(campaignId, change));

type AssignResult = CampaignAssignResult;
export const useAssignSites = (campaignId: string) => useCampaignMutation((body: CampaignAssignBody) => post<AssignResult>(`/campaigns/${campaignId}/assignments`, body));
export const useReassignSite = (campaignId: string) =>
  useCampaignMutation(({ siteId, unitId }: { siteId: string; unitId: string }) => api<AssignResult>(`/campaigns/${campaignId}/sites/${siteId}`, { method: 'PUT', body: { unitId } }));
export const useUnassignSite = (campaignId: string) => useCampaignMutation((siteId: string) => api<{ unassigned: number }>(`/campaigns/${campaignId}/sites/${siteId}`, { method: 'DELETE' }));

export const usePlanTargets = (campaignId: string) => useCampaignMutation((squadId?: string) => post<CampaignTargets>(`/campaigns/${campaignId}/targets/plan`, squadId ? { squadId } : {}));
export const useEditTarget = (campaignId: string) =>
  useCampaignMutation((body: { squadId: string; weekStart: string; sitesInspected: number; hazardsClosed: number }) =>
    api<CampaignTargets>(`/campaigns/${campaignId}/targets`, { method: 'PUT', body }),
  );

export const useProposeBatch = (campaignId: string) =>
  useCampaignMutation((body: { siteId: string; batch: BatchKind; reason: string }) => post<BatchDecision>(`/campaigns/${campaignId}/batches`, body));
export const useSignBatch = () =>
  useCampaignMutation(({ decisionId, role, comment }: { decisionId: string; role: BatchSignoffRole; comment?: string }) =>
    post<BatchDecision>(`/batch-decisions/${decisionId}/signoffs`, { role, comment: comment || null }),
  );
