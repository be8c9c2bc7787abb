import { describe, expect, it } from 'vitest';
import { findingsOf, parseCsv, unreviewed, type ReviewedFinding } from './findings';

const HEADER = 'issue, severity, confidence, filename, location, sample, description, url';
const row = (check: string, file: string, sample: string) =>
  `${check},"MEDIUM","FIRM","${file}","1:0","${sample.replaceAll('"', '""')}","Review it",https://example.test`;

describe('Electronegativity findings', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b, c","say ""hi""","two\nlines"\r\nd,e,f,g\n')).toEqual([
      ['a', 'b, c', 'say "hi"', 'two\nlines'],
      ['d', 'e', 'f', 'g'],
    ]);
  });

  it('names each finding by its columns, header spaces and all', () => {
    const findings = findingsOf(`${HEADER}\n${row('PRELOAD_JS_CHECK', 'electron/main/window.ts', 'preload: x,')}\n`);
    expect(findings).toEqual([
      {
        check: 'PRELOAD_JS_CHECK',
        severity: 'MEDIUM',
        file: 'electron/main/window.ts',
        location: '1:0',
        sample: 'preload: x,',
        description: 'Review it',
      },
    ]);
  });

  it('refuses a report whose columns it does not know, rather than passing it', () => {
    expect(() => findingsOf('check,file\nX,y\n')).toThrow(/no issue, severity/);
  });

  it('lets through only the reviewed findings whose code is unchanged, one finding per entry', () => {
    const reviewed: ReviewedFinding[] = [{ check: 'A', file: 'f.ts', sample: 'same()', why: 'read it' }];
    const csv = [
      HEADER,
      row('A', 'f.ts', 'same()'),
      row('A', 'f.ts', 'same()'),
      row('A', 'f.ts', 'changed()'),
      row('B', 'f.ts', 'same()'),
    ].join('\n');
    expect(unreviewed(findingsOf(csv), reviewed).map((finding) => [finding.check, finding.sample])).toEqual([
      ['A', 'same()'],
      ['A', 'changed()'],
      ['B', 'same()'],
    ]);
  });
});
