/**
 * Electronegativity's CSV, read and held against the findings people have
 * reviewed. Electronegativity always exits 0, so this is the gate: a finding
 * that is not on the reviewed list — a new one, or a reviewed one whose code
 * changed — fails the run.
 */

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

/** RFC 4180 fields: quoted ones may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (quoted) {
      if (char === '"' && text.charAt(index + 1) === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text.charAt(index + 1) === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

const COLUMNS = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description'] as const;

export function findingsOf(csv: string): Finding[] {
  const [header, ...rows] = parseCsv(csv);
  const names = (header ?? []).map((name) => name.trim());
  const missing = COLUMNS.filter((name) => !names.includes(name));
  if (missing.length > 0) throw new Error(`Electronegativity's CSV has no ${missing.join(', ')} column`);
  const column = (row: string[], name: (typeof COLUMNS)[number]) => (row[names.indexOf(name)] ?? '').trim();
  return rows
    .filter((row) => row.some((cell) => cell.trim() !== ''))
    .map((row) => ({
      check: column(row, 'issue'),
      severity: column(row, 'severity'),
      file: column(row, 'filename'),
      location: column(row, 'location'),
      sample: column(row, 'sample'),
      description: column(row, 'description'),
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
