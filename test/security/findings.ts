/**
 * Electronegativity's findings, held against the findings people have
 * reviewed. Electronegativity always exits 0, so this is the gate: a finding
 * that is not on the reviewed list — a new one, or a reviewed one whose code
 * changed — fails the run.
 */
import { z } from 'zod';

export interface Finding {
  check: string;
  severity: string;
  file: string;
  location: string;
  sample: string;
  description: string;
}

/** A finding someone has read, with why it is acceptable; it matches only while its code is unchanged. */
export interface ReviewedFinding {
  check: string;
  file: string;
  sample: string;
  why: string;
}

/**
 * One issue as Electronegativity's runner returns it. Read from the runner
 * rather than its CSV report: the tool writes the CSV's header and rows with
 * two unsynchronised writeFile calls, so under load the header overwrote the
 * first row and the gate failed on a finding it could not read.
 */
const runnerIssue = z.object({
  id: z.string(),
  file: z.string(),
  sample: z.string(),
  description: z.string(),
  location: z.object({ line: z.number(), column: z.number() }),
  severity: z.object({ name: z.string() }),
});

/** The runner's result; anything not shaped as expected is refused rather than passed. */
export function findingsOf(result: unknown): Finding[] {
  const { issues } = z.object({ issues: z.array(runnerIssue) }).parse(result);
  return issues.map((issue) => ({
    check: issue.id,
    severity: issue.severity.name,
    file: issue.file,
    location: `${issue.location.line}:${issue.location.column}`,
    sample: issue.sample.trim(),
    description: issue.description,
  }));
}

/** Findings no reviewed entry covers; each reviewed entry covers one finding. */
export function unreviewed(findings: readonly Finding[], reviewed: readonly ReviewedFinding[]): Finding[] {
  const open = [...reviewed];
  return findings.filter((finding) => {
    const match = open.findIndex(
      (entry) => entry.check === finding.check && entry.file === finding.file && entry.sample === finding.sample,
    );
    if (match === -1) return true;
    open.splice(match, 1);
    return false;
  });
}
