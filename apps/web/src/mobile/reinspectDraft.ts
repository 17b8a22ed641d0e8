import type { InspectionResult, ReinspectionSubmission } from '@anxun/contracts';
import type { DraftPhoto, GpsFix } from './draft.ts';
import { newId } from './storage.ts';

/** One hazard's outcome: fixed needs an after-photo, not fixed needs a note. */
export interface ReinspectionItemDraft {
  fixed?: boolean;
  photos: DraftPhoto[];
  note: string;
}

/** Same shape and life cycle as InspectionDraft: one serialisable object per site. */
export interface ReinspectionDraft {
  v: 1;
  kind: 'reinspection';
  id: string;
  siteId: string;
  startedAt: string;
  gps: GpsFix | null;
  results: Record<string, ReinspectionItemDraft>;
  notes: string;
  submission: ReinspectionSubmission | null;
  /** As in InspectionDraft: a body that may have been stored although no answer came back. */
  unconfirmed: ReinspectionSubmission | null;
  result: InspectionResult | null;
  recovered?: boolean;
}

export const reinspectionKey = (siteId: string) => `anxun.m.reinspection.${siteId}`;

export function newReinspection(siteId: string, now = new Date()): ReinspectionDraft {
  return { v: 1, kind: 'reinspection', id: newId(), siteId, startedAt: now.toISOString(), gps: null, results: {}, notes: '', submission: null, unconfirmed: null, result: null };
}

export const emptyReinspectionItem = (): ReinspectionItemDraft => ({ photos: [], note: '' });

/** i18n keys under mobile.issue; none while the hazard is simply not looked at yet. */
export function reinspectionIssues(item: ReinspectionItemDraft | undefined): string[] {
  if (!item || item.fixed === undefined) return [];
  if (item.fixed && item.photos.length === 0) return ['afterPhoto'];
  if (!item.fixed && !item.note.trim()) return ['notFixedNote'];
  return [];
}

export function buildReinspection(draft: ReinspectionDraft, hazardIds: string[], endedAt: string): ReinspectionSubmission {
  const results = hazardIds.flatMap((hazardId) => {
    const item = draft.results[hazardId];
    if (!item || item.fixed === undefined) return [];
    const note = item.note.trim();
    return [{ hazardId, fixed: item.fixed, photos: item.photos.map((photo) => photo.key), ...(note ? { note } : {}) }];
  });
  const notes = draft.notes.trim();
  return { id: draft.id, siteId: draft.siteId, startedAt: draft.startedAt, endedAt, gps: draft.gps, results, ...(notes ? { notes } : {}) };
}
