import { describe, expect, it } from 'vitest';
import { findingsOf, unreviewed, type ReviewedFinding } from './findings';

/** An issue shaped as Electronegativity's runner returns it (extra fields included, as it sends them). */
const issue = (id: string, file: string, sample: string) => ({
  id,
  file,
  sample,
  description: 'Review it',
  location: { line: 67, column: 6 },
  severity: { name: 'MEDIUM', value: 2 },
  confidence: { name: 'FIRM', value: 1 },
  manualReview: true,
});

describe('Electronegativity findings', () => {
  it('reads each issue of the runner, with its sample trimmed', () => {
    const findings = findingsOf({
      globalChecks: 1,
      issues: [issue('PRELOAD_JS_CHECK', 'electron/main/window.ts', 'preload: x ')],
    });
    expect(findings).toEqual([
      {
        check: 'PRELOAD_JS_CHECK',
        severity: 'MEDIUM',
        file: 'electron/main/window.ts',
        location: '67:6',
        sample: 'preload: x',
        description: 'Review it',
      },
    ]);
  });

  it('refuses a result it does not know the shape of, rather than passing it', () => {
    expect(() => findingsOf({ results: [] })).toThrow();
    expect(() => findingsOf({ issues: [{ id: 'X', file: 'y' }] })).toThrow();
    expect(() => findingsOf(undefined)).toThrow();
  });

  it('lets through only the reviewed findings whose code is unchanged, one finding per entry', () => {
    const reviewed: ReviewedFinding[] = [{ check: 'A', file: 'f.ts', sample: 'same()', why: 'read it' }];
    const findings = findingsOf({
      issues: [
        issue('A', 'f.ts', 'same()'),
        issue('A', 'f.ts', 'same()'),
        issue('A', 'f.ts', 'changed()'),
        issue('B', 'f.ts', 'same()'),
      ],
    });
    expect(unreviewed(findings, reviewed).map((finding) => [finding.check, finding.sample])).toEqual([
      ['A', 'same()'],
      ['A', 'changed()'],
      ['B', 'same()'],
    ]);
  });
});
