import { ACTIVITY_TYPE_LABELS } from '../../src/domain/activity-types';
import { SERVICE_LOG_KIND_LABELS, SERVICE_LOG_STATUS_LABELS, type ServiceLogView } from '../../src/domain/service-log.schema';
import type { ServiceLogRecord } from '../_shared/repositories/service-log.repository';
import { marksOf, NO_PHOTOS, type VisiblePhotos } from '../_shared/storage';

/** `photos`: the evidence this viewer may see (with its marks), when the view shows it. */
export function toServiceLogView(l: ServiceLogRecord, photos: VisiblePhotos = NO_PHOTOS): ServiceLogView {
  const { urls } = photos;
  return {
    id: l._id,
    kind: l.kind,
    kindLabel: SERVICE_LOG_KIND_LABELS[l.kind],
    status: l.status,
    statusLabel: SERVICE_LOG_STATUS_LABELS[l.status],
    memberOpenid: l.openid,
    memberName: l.memberName,
    communityId: l.communityId,
    communityName: l.communityName,
    activityId: l.activityId,
    correctsLogId: l.correctsLogId,
    type: l.type,
    typeLabel: ACTIVITY_TYPE_LABELS[l.type],
    title: l.title,
    serviceDate: l.serviceDate,
    place: l.place,
    beneficiaries: l.beneficiaries,
    content: l.content,
    visited: l.visited ?? null,
    heard: l.heard ?? null,
    solved: l.solved ?? null,
    hours: l.hours,
    reason: l.reason,
    evidence: l.evidence.map((fileId) => ({ fileId, url: urls[fileId] ?? null })),
    photoMarks: marksOf(photos, l.evidence.flatMap((fileId) => (urls[fileId] ? [urls[fileId]] : []))),
    rating: l.rating,
    personInCharge: l.personInCharge,
    recorder: l.recorder,
    reviewedByName: l.reviewedByName,
    rejectReason: l.rejectReason,
    createdAt: new Date(l.createdAt).toISOString(),
  };
}
