/** How the doctor's findings read: each status in a word or two, and the report in one sentence. */
import type { DoctorCheck, DoctorCheckStatus, DoctorFix, DoctorReport } from '../../../../shared/domain/doctor';
import { countOf } from '../../lib/format';

const STATUS_LABEL: Record<DoctorCheckStatus, string> = {
  pass: 'Pass',
  fail: 'Fail',
  warning: 'Warning',
  unknown: 'Unknown',
};

/** "Fail", or "Unknown — offline" for a check Twilio was needed for and could not be reached. */
export function statusLabel(check: Pick<DoctorCheck, 'status' | 'offline'>): string {
  return check.status === 'unknown' && check.offline ? 'Unknown — offline' : STATUS_LABEL[check.status];
}

/** "Found 2 problems and 1 warning. 3 checks could not be run." */
export function summarizeReport(report: DoctorReport): string {
  const count = (status: DoctorCheckStatus) => report.checks.filter((check) => check.status === status).length;
  const problems = count('fail');
  const warnings = count('warning');
  const unknown = count('unknown');
  const found = [
    problems > 0 ? countOf(problems, 'problem') : null,
    warnings > 0 ? countOf(warnings, 'warning') : null,
  ].filter((part): part is string => part !== null);
  const headline = found.length > 0 ? `Found ${found.join(' and ')}.` : 'No problems found in what Gleam could check.';
  const notRun =
    unknown > 0 ? ` ${countOf(unknown, 'check')} could not be answered${report.offline ? ' while offline' : ''}.` : '';
  return `${headline}${notRun}`;
}

/** What the summary says while a fix runs. */
export const FIXING_TEXT: Record<DoctorFix, string> = {
  'activate-agent': 'Setting the agent to Active, then checking again…',
  'repair-webhooks': 'Setting the number up for its agent again, then checking again…',
  'use-number-sms-webhook': 'Changing the Messaging Service, then checking again…',
};
