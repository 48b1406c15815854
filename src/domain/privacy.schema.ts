import { z } from 'zod';
import type { RetentionKey } from './retention';

/** What a person types to confirm 注销 (the last step cannot be undone). */
export const WITHDRAW_CONFIRMATION = '确认注销';

export const privacyActions = {
  /** Everything stored about the caller, grouped by area. */
  myData: z.object({}).strict(),
  /** The same as files (JSON + a readable .xlsx) in storage, opened through a temporary address; once a day. */
  exportMyData: z.object({}).strict(),
  /** What 注销 would do, item by item, before the person confirms. */
  withdrawPreview: z.object({}).strict(),
  withdraw: z
    .object({
      confirmation: z
        .string({ error: `请输入「${WITHDRAW_CONFIRMATION}」` })
        .trim()
        .refine((v) => v === WITHDRAW_CONFIRMATION, `请输入「${WITHDRAW_CONFIRMATION}」四个字以确认`),
    })
    .strict(),
} as const;

export type MyDataSectionKey = 'profile' | 'checkins' | 'service' | 'wishes' | 'questions' | 'uploads' | 'contactLog';

export interface MyDataField {
  label: string;
  value: string;
}

export interface MyDataRecord {
  title: string;
  fields: MyDataField[];
  retention: RetentionKey;
  /** Why it is kept and for how long, in words (from src/domain/retention.ts). */
  why: string;
  period: string;
}

export interface MyDataSection {
  key: MyDataSectionKey;
  title: string;
  /** Shown when the section holds nothing. */
  empty: string;
  records: MyDataRecord[];
}

export interface MyDataView {
  generatedAt: string;
  sections: MyDataSection[];
}

export interface ExportView {
  /** Temporary addresses (valid about an hour). */
  jsonUrl: string;
  readableUrl: string;
  /** The readable file's format. */
  readableFormat: 'xlsx';
  expiresInDays: number;
}

export type WithdrawOutcome = 'removed' | 'kept' | 'released' | 'withdrawn';

export interface WithdrawLine {
  outcome: WithdrawOutcome;
  text: string;
}

export interface WithdrawPreview {
  lines: WithdrawLine[];
  confirmation: string;
}

export interface WithdrawResult {
  done: true;
  lines: WithdrawLine[];
}
