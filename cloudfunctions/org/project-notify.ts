import type { ProjectRecord } from '../_shared/repositories/project.repository';
import { sendNotice } from '../_shared/notice';

/** Subscribe messages of 党建项目, sent to the person who applied (the project's contact in the organisation). */
const detailPage = (projectId: string) => `packages/projects/pages/project-detail/index?id=${projectId}`;
const clip = (text: string, max = 20) => ([...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text);
const day = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** A milestone falls due within 7 days. */
export const remindMilestone = (project: ProjectRecord, milestone: { title: string; dueDate: string }) =>
  sendNotice('projectMilestoneDue', {
    touser: project.appliedBy,
    page: detailPage(project._id),
    data: { thing1: clip(project.title), thing2: clip(milestone.title), date3: day(milestone.dueDate) },
  });

/** The approving level recorded a 调度 note with 整改 for the project. */
export const tellDispatched = (project: ProjectRecord, rectification: string) =>
  sendNotice('projectDispatched', {
    touser: project.appliedBy,
    page: detailPage(project._id),
    data: { thing1: clip(project.title), thing2: clip(rectification) },
  });
