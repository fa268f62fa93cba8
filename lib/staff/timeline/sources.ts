import { approvalSource } from './approval-source';
import { auditSource } from './audit-source';
import { mailSource } from './mail-source';
import { registrationSource } from './registration-source';
import { sendSource } from './send-source';
import type { TimelineSource } from './types';
import { webhookSource } from './webhook-source';

/**
 * Every source of an account's timeline. Another area adds its history (payments, refunds,
 * webhooks) as one file exporting a TimelineSource, and one line here.
 */
export const TIMELINE_SOURCES: readonly TimelineSource[] = [auditSource, registrationSource, approvalSource, webhookSource, mailSource, sendSource];
