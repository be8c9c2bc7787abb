/**
 * IPC fuzz: every channel of the contract gets generated malformed input and
 * must answer each with a `validation` error, while the app keeps working and
 * nothing is written (SQLite, the credential file, events, Twilio) and no
 * prototype is polluted.
 *
 * The inputs are derived from each channel's own input schema (its JSON
 * Schema, from `z.toJSONSchema`), so a channel added to the contract is fuzzed
 * without touching this file. For each channel a valid input (the baseline)
 * is found first; every malformed input is that baseline with one place
 * broken (the whole input, one key, one nested key, one array item), so each
 * input tests one field on its own. Only inputs the JSON Schema rejects are
 * kept, and every one is checked with the zod schema (`safeParse`) before it
 * is sent, so a generated input that is in fact valid fails the test instead
 * of silently testing nothing. Huge strings are the exception: they are sent
 * to every string field unfiltered, so an unbounded string field fails here.
 *
 * Seeded (fast-check), so a failure reproduces: IPC_FUZZ_SEED=… picks another seed.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EMPTY_AGENT_DRAFT } from '../../shared/domain/agents';
import { CHANNELS, contract, type Channel } from '../../shared/ipc/contract';
import { createCoreHarness, TEST_ORIGIN, type CoreHarness } from '../support/core-with-fake';
import type { IpcSender } from '../../electron/main/ipc/registrar';

type JsonSchema = z.core.JSONSchema.JSONSchema;
type SchemaNode = z.core.JSONSchema._JSONSchema;
type Segment = string | number;
type Path = readonly Segment[];

const SEED = Number(process.env.IPC_FUZZ_SEED ?? 20_260_507);
const SENDER: IpcSender = { url: `${TEST_ORIGIN}/index.html`, isMainFrame: true };
const MAX_DEPTH = 8;

// ---------------------------------------------------------------------------
// Payloads

const MIB = 1024 * 1024;
const HUGE_ASCII = 'x'.repeat(MIB);
/** 1 MiB of UTF-16 code units: 512 Ki emoji (surrogate pairs). */
const HUGE_EMOJI = '😀'.repeat(MIB / 2);

const SQL_PAYLOADS = [
  "'; DROP TABLE phone_numbers;--",
  '" OR 1=1 --',
  "' OR '1'='1",
  '1; DELETE FROM agents',
  "Robert'); DROP TABLE agents;--",
  "%' AND 1=1 AND '%'='",
  "\\'; UPDATE settings SET value = 'x'; --",
  '1 UNION SELECT * FROM accounts',
  "'||(SELECT sqlite_version())||'",
];

const UNICODE_PAYLOADS = [
  '\u202Eevil\u202C', // right-to-left override
  '\u200F\u200E', // RTL / LTR marks
  '\u200B', // zero-width space
  '\uFEFF', // byte order mark (trimmed as white space)
  '\u0000', // NUL
  'a\u0000b',
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  '\uDC00\uD800', // surrogates in the wrong order
  '👩‍👩‍👧‍👦', // ZWJ sequence
  'e\u0301\u0301\u0301', // stacked combining marks
  '１２３４５６７', // full-width digits
  '٣٠٣٥٥٥٠١٠٠', // Arabic-Indic digits
  'АС', // Cyrillic А and С, look like AC
  '\u2028\u2029', // line and paragraph separators
  '\uFFFF\uFFFE', // non-characters
  '\u{10FFFF}',
];

/** Keys that pollute prototypes when code merges objects naively. */
const POLLUTION_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isPrototypeOf',
];

const POLLUTION_MARK = 'polluted-by-ipc-fuzz';

/** Own `__proto__` (JSON.parse makes it a real key, unlike an object literal) and friends. */
const pollutionValues = (): [string, unknown][] => [
  ['own __proto__ object', JSON.parse(`{"__proto__": {"polluted": "${POLLUTION_MARK}"}}`)],
  ['constructor.prototype object', JSON.parse(`{"constructor": {"prototype": {"polluted": "${POLLUTION_MARK}"}}}`)],
  ['own prototype object', JSON.parse(`{"prototype": {"polluted": "${POLLUTION_MARK}"}}`)],
];

type Category = 'type' | 'missing' | 'unknown-key' | 'pollution' | 'huge' | 'unicode' | 'sql' | 'bounds' | 'random';

interface Generated {
  label: string;
  category: Category;
  value: unknown;
  /** Rejected by zod only (a refinement the JSON Schema cannot express), not by construction. */
  byRefinement: boolean;
}

interface Candidate {
  label: string;
  category: Category;
  value: unknown;
  /** Sent whatever the JSON Schema says (huge strings): the zod schema must still reject it. */
  mandatory?: boolean;
}

// ---------------------------------------------------------------------------
// Reading the JSON Schema

function isSchema(node: SchemaNode | undefined): node is JsonSchema {
  return typeof node === 'object';
}

function resolve(root: JsonSchema, node: SchemaNode): SchemaNode {
  let current = node;
  for (let hops = 0; isSchema(current) && typeof current.$ref === 'string' && hops < MAX_DEPTH; hops++) {
    const ref: string = current.$ref;
    if (ref === '#') current = root;
    else if (ref.startsWith('#/$defs/')) current = root.$defs?.[ref.slice('#/$defs/'.length)] ?? true;
    else current = true;
  }
  return current;
}

/** The node and every member of its anyOf / oneOf / allOf, resolved. */
function members(root: JsonSchema, node: SchemaNode, depth = 0): JsonSchema[] {
  const resolved = resolve(root, node);
  if (!isSchema(resolved) || depth > MAX_DEPTH) return [];
  const nested = [...(resolved.anyOf ?? []), ...(resolved.oneOf ?? []), ...(resolved.allOf ?? [])];
  return [resolved, ...nested.flatMap((member) => members(root, member, depth + 1))];
}

function typesOf(node: JsonSchema): string[] | null {
  if (node.type === undefined) return null;
  return Array.isArray(node.type) ? node.type : [node.type];
}

/** Whether some member of the node declares this JSON type (or declares none). */
function mayAccept(root: JsonSchema, node: SchemaNode, type: string): boolean {
  const all = members(root, node);
  const leaves = all.filter((member) => member.anyOf === undefined && member.oneOf === undefined);
  return leaves.some((member) => {
    const types = typesOf(member);
    if (types === null) return member.const === undefined && member.enum === undefined;
    return types.includes(type) || (type === 'number' && types.includes('integer'));
  });
}

/** The schema node at a path of property names and array indices, or undefined. */
function nodeAt(root: JsonSchema, path: Path): SchemaNode | undefined {
  let node: SchemaNode = root;
  for (const segment of path) {
    let next: SchemaNode | undefined;
    for (const member of members(root, node)) {
      if (typeof segment === 'string' && member.properties?.[segment] !== undefined) {
        next = member.properties[segment];
      } else if (typeof segment === 'number' && member.items !== undefined && !Array.isArray(member.items)) {
        next = member.items;
      }
      if (next !== undefined) break;
    }
    if (next === undefined) return undefined;
    node = next;
  }
  return node;
}

function isRequiredAt(root: JsonSchema, path: Path): boolean {
  const last = path.at(-1);
  if (last === undefined || typeof last === 'number') return true;
  const parent = nodeAt(root, path.slice(0, -1));
  return parent !== undefined && members(root, parent).some((member) => member.required?.includes(last) === true);
}

/** Every place of the input the generator breaks: the whole input, each property, each array's items. */
function locations(root: JsonSchema): Path[] {
  const found: Path[] = [];
  const walk = (node: SchemaNode, path: Path) => {
    found.push(path);
    if (path.length > MAX_DEPTH) return;
    for (const member of members(root, node)) {
      for (const [key, child] of Object.entries(member.properties ?? {})) walk(child, [...path, key]);
      if (member.items !== undefined && !Array.isArray(member.items)) walk(member.items, [...path, 0]);
    }
  };
  walk(root, []);
  return found.filter((path, index) => found.findIndex((other) => pathLabel(other) === pathLabel(path)) === index);
}

function pathLabel(path: Path): string {
  if (path.length === 0) return '(input)';
  return path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : segment)).join('.');
}

// ---------------------------------------------------------------------------
// Does the JSON Schema certainly reject a value? (Conservative: "false" means "maybe valid".)

type Kind = 'undefined' | 'null' | 'boolean' | 'number' | 'non-finite' | 'string' | 'bigint' | 'array' | 'object';

function kindOf(value: unknown): Kind {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isFinite(value) ? 'number' : 'non-finite';
    case 'string':
      return 'string';
    case 'bigint':
      return 'bigint';
    default:
      // Date, Map, Set, typed arrays: zod's object schema takes any non-array object.
      return 'object';
  }
}

function typeAccepts(types: string[], value: unknown): boolean {
  const kind = kindOf(value);
  return types.some((type) => {
    if (type === 'integer') return kind === 'number' && Number.isSafeInteger(value);
    return type === kind;
  });
}

const codePoints = (value: string) => Array.from(value).length;

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return kindOf(value) === 'object';
}

function surelyRejects(root: JsonSchema, node: SchemaNode, value: unknown, depth = 0): boolean {
  const resolved = resolve(root, node);
  if (resolved === false) return true;
  if (resolved === true || depth > MAX_DEPTH) return false;
  const schema = resolved;
  if (schema.anyOf && schema.anyOf.every((member) => surelyRejects(root, member, value, depth + 1))) return true;
  if (schema.oneOf && schema.oneOf.every((member) => surelyRejects(root, member, value, depth + 1))) return true;
  if (schema.allOf?.some((member) => surelyRejects(root, member, value, depth + 1))) return true;
  if (schema.const !== undefined && value !== schema.const) return true;
  if (schema.enum !== undefined && !schema.enum.some((option) => option === value)) return true;
  const types = typesOf(schema);
  if (types !== null && !typeAccepts(types, value)) return true;

  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (schema.maxLength !== undefined && codePoints(trimmed) > schema.maxLength) return true;
    if (schema.minLength !== undefined && value.length < schema.minLength) return true;
    if (schema.pattern !== undefined) {
      const pattern = new RegExp(schema.pattern);
      if (!pattern.test(value) && !pattern.test(trimmed)) return true;
    }
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) && types !== null) return true;
    if (schema.minimum !== undefined && value < schema.minimum) return true;
    if (schema.maximum !== undefined && value > schema.maximum) return true;
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) return true;
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) return true;
  }
  if (Array.isArray(value)) {
    const items: unknown[] = value;
    if (schema.minItems !== undefined && items.length < schema.minItems) return true;
    if (schema.maxItems !== undefined && items.length > schema.maxItems) return true;
    const itemSchema = schema.items;
    if (itemSchema !== undefined && !Array.isArray(itemSchema)) {
      for (let index = 0; index < items.length; index++) {
        if (surelyRejects(root, itemSchema, items[index], depth + 1)) return true;
      }
    }
  }
  if (isPlainRecord(value) && (types === null || types.includes('object'))) {
    const properties = schema.properties ?? {};
    for (const key of schema.required ?? []) {
      if (!Object.hasOwn(value, key) || value[key] === undefined) return true;
    }
    for (const key of Object.keys(value)) {
      const propertySchema = Object.hasOwn(properties, key) ? properties[key] : undefined;
      if (propertySchema === undefined) {
        if (schema.additionalProperties === false) return true;
        continue;
      }
      const child = value[key];
      // An optional key may hold undefined; a required one was checked above.
      if (child !== undefined && surelyRejects(root, propertySchema, child, depth + 1)) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------
// Valid values (for the baseline)

/** A 32-bit seed of its own for each channel and place, so adding a channel changes no other's inputs. */
function seedFor(...parts: string[]): number {
  return createHash('sha256')
    .update(`${SEED}:${parts.join('|')}`)
    .digest()
    .readInt32LE(0);
}

const GENERIC_STRINGS = ['', 'a', 'Gleam', 'https://hooks.example.com', 'test@example.com'];

function validCandidates(root: JsonSchema, node: SchemaNode, where: string, depth = 0): unknown[] {
  const resolved = resolve(root, node);
  if (resolved === false || depth > MAX_DEPTH) return [];
  if (resolved === true) return ['x'];
  const schema = resolved;
  if (schema.const !== undefined) return [schema.const];
  if (schema.enum !== undefined) return [...schema.enum];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    // Non-null alternatives first, so nested places get broken too.
    const values = alternatives.flatMap((member) => validCandidates(root, member, where, depth + 1));
    return [...values.filter((value) => value !== null), ...values.filter((value) => value === null)];
  }
  if (schema.allOf?.[0] !== undefined) return validCandidates(root, schema.allOf[0], where, depth + 1);
  const type = (typesOf(schema) ?? ['string']).find((entry) => entry !== 'null') ?? 'null';
  switch (type) {
    case 'string': {
      const sampled =
        schema.pattern !== undefined
          ? fc.sample(fc.stringMatching(new RegExp(schema.pattern)), { seed: seedFor(where), numRuns: 6 })
          : [];
      const minimum = schema.minLength ?? 0;
      const maximum = schema.maxLength ?? Number.MAX_SAFE_INTEGER;
      return [...sampled, ...GENERIC_STRINGS, 'x'.repeat(minimum)].filter(
        (value) => value.length >= minimum && value.length <= maximum,
      );
    }
    case 'number':
    case 'integer': {
      const base =
        schema.minimum ?? (typeof schema.exclusiveMinimum === 'number' ? Math.floor(schema.exclusiveMinimum) + 1 : 0);
      return [base, base + 1];
    }
    case 'boolean':
      return [false, true];
    case 'null':
      return [null];
    case 'array': {
      const items = schema.items !== undefined && !Array.isArray(schema.items) ? schema.items : true;
      const first = validCandidates(root, items, `${where}[]`, depth + 1)[0];
      const minimum = schema.minItems ?? 0;
      const maximum = schema.maxItems ?? Number.MAX_SAFE_INTEGER;
      const arrays: unknown[][] = [];
      if (first !== undefined && maximum >= 1) arrays.push(Array.from({ length: Math.max(minimum, 1) }, () => first));
      if (minimum === 0) arrays.push([]);
      return arrays;
    }
    case 'object': {
      const properties = Object.entries(schema.properties ?? {}).map(
        ([key, child]) => [key, validCandidates(root, child, `${where}.${key}`, depth + 1)] as const,
      );
      return [0, 1, 2].map((variant) =>
        Object.fromEntries(
          properties
            .filter(([, values]) => values.length > 0)
            .map(([key, values]) => [key, values[Math.min(variant, values.length - 1)]]),
        ),
      );
    }
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------
// Building inputs

function valueAt(input: unknown, path: Path): unknown {
  let current = input;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = Reflect.get(current, segment);
  }
  return current;
}

/** A copy of `input` with `value` at `path`, as a real own property (even `__proto__`). */
function withValueAt(input: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy: unknown = structuredClone(input);
  let parent = copy;
  for (const segment of path.slice(0, -1)) {
    const next: unknown = typeof parent === 'object' && parent !== null ? Reflect.get(parent, segment) : undefined;
    if (typeof next !== 'object' || next === null) return copy;
    parent = next;
  }
  const last = path.at(-1);
  if (typeof parent === 'object' && parent !== null && last !== undefined) {
    Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

function withoutKeyAt(input: unknown, path: Path): unknown {
  const copy: unknown = structuredClone(input);
  const parent = valueAt(copy, path.slice(0, -1));
  const last = path.at(-1);
  if (typeof parent === 'object' && parent !== null && last !== undefined) Reflect.deleteProperty(parent, last);
  return copy;
}

/** An object with one more own key, defined (not assigned) so `__proto__` stays an ordinary key. */
function withOwnKey(base: unknown, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = isPlainRecord(base) ? { ...base } : {};
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/**
 * A valid input for the channel: the first candidate, repaired field by field
 * from zod's own issues (which also sees refinements the JSON Schema cannot).
 */
function findBaseline(channel: Channel, schema: z.ZodType, root: JsonSchema): unknown {
  let value = validCandidates(root, root, channel)[0];
  const tried = new Map<string, number>();
  for (let attempt = 0; attempt < 100; attempt++) {
    const parsed = schema.safeParse(value);
    if (parsed.success) return value;
    const path: Segment[] = (parsed.error.issues[0]?.path ?? []).filter(
      (segment): segment is Segment => typeof segment !== 'symbol',
    );
    const key = pathLabel(path);
    const next = (tried.get(key) ?? 0) + 1;
    tried.set(key, next);
    const node = nodeAt(root, path);
    const candidates = node === undefined ? [] : validCandidates(root, node, `${channel}:${key}`);
    const candidate = candidates[next];
    if (next < candidates.length) value = withValueAt(value, path, candidate);
    else if (path.length > 0 && !isRequiredAt(root, path) && next === candidates.length) {
      value = withoutKeyAt(value, path);
    } else return undefined;
  }
  return undefined;
}

function wrongTypeValues(current: unknown): [string, unknown][] {
  return [
    ['null', null],
    ['undefined', undefined],
    ['true', true],
    ['false', false],
    ['0', 0],
    ['-1', -1],
    ['1.5', 1.5],
    ['2^53', 2 ** 53],
    ['-0', -0],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['""', ''],
    ['"0"', '0'],
    ['"true"', 'true'],
    ['"null"', 'null'],
    ['"[object Object]"', '[object Object]'],
    ['[]', []],
    ['[valid value]', [current]],
    ['[null]', [null]],
    ['sparse array', new Array<unknown>(3)],
    ['{}', {}],
    ['{ value: valid value }', { value: current }],
    ['bigint', 10n],
    ['Date', new Date(0)],
    ['Map', new Map([['key', 'value']])],
    ['Set', new Set(['value'])],
    ['Uint8Array', new Uint8Array(4)],
  ];
}

const describeString = (value: string) =>
  value.length > 40
    ? `${JSON.stringify(value.slice(0, 24))}… (${value.length.toLocaleString('en-US')} units)`
    : JSON.stringify(value);

/** Near-valid variants of a valid string: one character off. */
function nearMisses(valid: string): [string, string, Category][] {
  const middle = Math.floor(valid.length / 2);
  const homoglyph = valid.replace(/[ACEOPaceop]/, (letter) =>
    String.fromCodePoint((letter.codePointAt(0) ?? 0) + 0x3d0),
  );
  const fullWidth = valid.replace(/[0-9]/g, (digit) => String.fromCodePoint((digit.codePointAt(0) ?? 0) + 0xfee0));
  return [
    [`valid value + SQL`, `${valid}${SQL_PAYLOADS[0] ?? ''}`, 'sql'],
    [`valid value + NUL`, `${valid}\u0000`, 'unicode'],
    [`RTL override + valid value`, `\u202E${valid}`, 'unicode'],
    [`valid value with a zero-width space`, `${valid.slice(0, middle)}\u200B${valid.slice(middle)}`, 'unicode'],
    [`valid value with a lone surrogate`, `${valid}\uD800`, 'unicode'],
    [`valid value with a Cyrillic look-alike`, homoglyph, 'unicode'],
    [`valid value with full-width digits`, fullWidth, 'unicode'],
    [`valid value twice`, `${valid}${valid}`, 'bounds'],
  ];
}

function stringCandidates(root: JsonSchema, node: SchemaNode, current: unknown, where: string): Candidate[] {
  const candidates: Candidate[] = [
    { label: `huge string ${describeString(HUGE_ASCII)}`, category: 'huge', value: HUGE_ASCII, mandatory: true },
    { label: `huge emoji string ${describeString(HUGE_EMOJI)}`, category: 'huge', value: HUGE_EMOJI, mandatory: true },
    ...SQL_PAYLOADS.map((value): Candidate => ({ label: `SQL ${describeString(value)}`, category: 'sql', value })),
    ...UNICODE_PAYLOADS.map((value): Candidate => ({
      label: `unicode ${describeString(value)}`,
      category: 'unicode',
      value,
    })),
  ];
  if (typeof current === 'string') {
    for (const [label, value, category] of nearMisses(current)) candidates.push({ label, category, value });
  }
  // Free text takes SQL and unicode as they are; made one character too long, they are malformed by construction.
  const stringMembers = members(root, node).filter((member) => typesOf(member)?.includes('string') === true);
  const limits = stringMembers.map((member) => member.maxLength);
  if (limits.length > 0 && limits.every((limit) => limit !== undefined)) {
    const longest = Math.max(...limits);
    const padding = 'x'.repeat(longest + 1);
    for (const value of [...SQL_PAYLOADS, ...UNICODE_PAYLOADS]) {
      const category: Category = SQL_PAYLOADS.includes(value) ? 'sql' : 'unicode';
      candidates.push({
        label: `${category} ${describeString(value)} past the length limit`,
        category,
        value: value + padding,
      });
    }
  }
  const random = fc.sample(fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }), {
    seed: seedFor(where, 'random'),
    numRuns: 6,
  });
  for (const value of random) candidates.push({ label: `random ${describeString(value)}`, category: 'random', value });
  return candidates;
}

function numberCandidates(root: JsonSchema, node: SchemaNode): Candidate[] {
  const candidates: Candidate[] = [];
  for (const member of members(root, node)) {
    const bounds = [
      member.minimum === undefined ? undefined : member.minimum - 1,
      member.maximum === undefined ? undefined : member.maximum + 1,
      typeof member.exclusiveMinimum === 'number' ? member.exclusiveMinimum : undefined,
      typeof member.exclusiveMaximum === 'number' ? member.exclusiveMaximum : undefined,
      typesOf(member)?.includes('integer') === true ? 0.5 : undefined,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
    ];
    for (const value of bounds) {
      if (value !== undefined) candidates.push({ label: `number ${value}`, category: 'bounds', value });
    }
  }
  return candidates;
}

function arrayCandidates(root: JsonSchema, node: SchemaNode, current: unknown): Candidate[] {
  if (!Array.isArray(current)) return [];
  const items: unknown[] = current;
  const candidates: Candidate[] = [];
  for (const member of members(root, node)) {
    if (member.minItems !== undefined && member.minItems > 0) {
      candidates.push({ label: 'empty array', category: 'bounds', value: [] });
    }
    if (items.length > 0) {
      candidates.push({ label: 'a valid item twice', category: 'bounds', value: [...items, items[0]] });
    }
    if (member.maxItems !== undefined && member.maxItems < 100_000 && items.length > 0) {
      const length = member.maxItems + 1;
      candidates.push({
        label: `array of ${length.toLocaleString('en-US')} valid items`,
        category: 'bounds',
        value: Array.from({ length }, (_, index) => items[index % items.length]),
      });
    }
  }
  return candidates;
}

function objectCandidates(current: unknown): Candidate[] {
  if (!isPlainRecord(current)) return [];
  const unknownKeys: [string, string][] = [
    ['unexpected', 'unknown key "unexpected"'],
    ['', 'unknown key ""'],
    ...SQL_PAYLOADS.slice(0, 3).map((key): [string, string] => [key, `unknown SQL key ${describeString(key)}`]),
    ...UNICODE_PAYLOADS.slice(0, 8).map((key): [string, string] => [key, `unknown unicode key ${describeString(key)}`]),
    ['k'.repeat(65_536), 'unknown 64 Ki key'],
  ];
  return [
    ...unknownKeys.map(([key, label]): Candidate => ({
      label,
      category: 'unknown-key',
      value: withOwnKey(current, key, 1),
    })),
    ...POLLUTION_KEYS.flatMap((key): Candidate[] => [
      {
        label: `own key ${key} = { polluted }`,
        category: 'pollution',
        value: withOwnKey(current, key, { polluted: POLLUTION_MARK }),
      },
      {
        label: `own key ${key} = { prototype: { polluted } }`,
        category: 'pollution',
        value: withOwnKey(current, key, { prototype: { polluted: POLLUTION_MARK } }),
      },
    ]),
    {
      label: 'own key __proto__ = null',
      category: 'pollution',
      value: withOwnKey(current, '__proto__', null),
    },
  ];
}

interface ChannelInputs {
  channel: Channel;
  baseline: unknown;
  inputs: Generated[];
  /** Generated values the schema accepts: valid, so never sent. */
  skipped: number;
  /** Places of the input (paths) that at least one sent input broke, and all places. */
  covered: Set<string>;
  places: string[];
}

function generateInputs(channel: Channel): ChannelInputs {
  const schema: z.ZodType = contract[channel].input;
  const root: JsonSchema = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', reused: 'inline' });
  const baselineFound = findBaseline(channel, schema, root);
  const baseline = baselineFound ?? validCandidates(root, root, channel)[0];
  const inputs: Generated[] = [];
  const covered = new Set<string>();
  let skipped = 0;
  const places = locations(root);
  for (const path of places) {
    const node = nodeAt(root, path);
    if (node === undefined) continue;
    const where = `${channel}:${pathLabel(path)}`;
    const current = valueAt(baseline, path);
    const candidates: Candidate[] = [
      ...wrongTypeValues(current).map(([label, value]): Candidate => {
        // Same JSON type as the field (an empty string for a string field): a wrong value, not a wrong type.
        const category: Category = mayAccept(root, node, kindOf(value)) ? 'bounds' : 'type';
        return { label, category, value };
      }),
      ...pollutionValues().map(([label, value]): Candidate => ({ label, category: 'pollution', value })),
    ];
    if (mayAccept(root, node, 'string')) candidates.push(...stringCandidates(root, node, current, where));
    if (mayAccept(root, node, 'number')) candidates.push(...numberCandidates(root, node));
    if (mayAccept(root, node, 'array')) candidates.push(...arrayCandidates(root, node, current));
    if (mayAccept(root, node, 'object')) candidates.push(...objectCandidates(current));
    for (const candidate of candidates) {
      const input = withValueAt(baseline, path, candidate.value);
      const label = `${pathLabel(path)} ← ${candidate.label}`;
      if (candidate.mandatory === true || surelyRejects(root, root, input)) {
        inputs.push({ label, category: candidate.category, value: input, byRefinement: false });
      } else if (!schema.safeParse(input).success) {
        // The JSON Schema would take it, zod refuses it: a refinement (a URL, no duplicates…) is tested too.
        inputs.push({ label, category: candidate.category, value: input, byRefinement: true });
      } else {
        skipped++;
        continue;
      }
      covered.add(pathLabel(path));
    }
    if (path.length > 0 && isRequiredAt(root, path) && typeof path.at(-1) === 'string') {
      const input = withoutKeyAt(baseline, path);
      inputs.push({ label: `${pathLabel(path)} missing`, category: 'missing', value: input, byRefinement: false });
    }
  }
  return { channel, baseline: baselineFound, inputs, skipped, covered, places: places.map(pathLabel) };
}

// ---------------------------------------------------------------------------
// What must not change

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

function stateSnapshot(harness: CoreHarness) {
  const core = harness.core();
  const tables = z
    .array(z.string())
    .parse(core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all());
  const rows = Object.fromEntries(
    tables.map((table) => {
      const all = core.db.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`).all();
      return [table, { count: all.length, digest: digest(all.map((row) => JSON.stringify(row)).sort()) }];
    }),
  );
  return {
    rows,
    /** Rows changed by this connection since it opened. */
    totalChanges: core.db.prepare('SELECT total_changes()').pluck().get(),
    /** Changes when another connection (the sync worker) commits. */
    dataVersion: core.db.pragma('data_version', { simple: true }),
    schema: digest(core.db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()),
    credentials: fs.existsSync(core.paths.credentials) ? digest(fs.readFileSync(core.paths.credentials, 'hex')) : null,
    events: harness.events.length,
    logBytes: fs.existsSync(core.paths.log) ? fs.statSync(core.paths.log).size : 0,
  };
}

const PROTOTYPES: [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
];

type PrototypeSnapshot = Map<string, readonly unknown[]>;

/** Every own property of the built-in prototypes, by reference (value, or getter and setter). */
function prototypeSnapshot(): PrototypeSnapshot {
  const snapshot: PrototypeSnapshot = new Map();
  for (const [name, prototype] of PROTOTYPES) {
    for (const key of Reflect.ownKeys(prototype)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(prototype, key);
      snapshot.set(`${name}.${String(key)}`, [descriptor?.value, descriptor?.get, descriptor?.set]);
    }
  }
  return snapshot;
}

/** Keys added to, removed from or changed on a built-in prototype since `before`. */
function prototypeChanges(before: PrototypeSnapshot): string[] {
  const after = prototypeSnapshot();
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((key) => {
    const [a, b] = [before.get(key), after.get(key)];
    return a === undefined || b === undefined || a.some((part, index) => !Object.is(part, b[index]));
  });
}

// ---------------------------------------------------------------------------

let harness: CoreHarness;
let prototypesBefore: PrototypeSnapshot;
let listsBefore: unknown[];
const totals = { channels: 0, inputs: 0, byRefinement: 0, skipped: 0, byCategory: new Map<Category, number>() };

const invoke = (channel: string, input: unknown) => harness.core().registry.invoke(SENDER, channel, input);

/** Valid read-only calls whose answers must not change during the fuzz. */
async function readEverything(): Promise<unknown[]> {
  const replies = await Promise.all(
    (['connection:getStatus', 'numbers:list', 'agents:list', 'settings:get'] as const).map((channel) =>
      invoke(channel, {}),
    ),
  );
  for (const reply of replies) expect(reply.ok).toBe(true);
  return replies;
}

beforeAll(async () => {
  harness = await createCoreHarness();
  const { control } = harness;
  const core = harness.core();
  // A connected account with something in every part of the app, so a handler that ran would change it.
  const account = await control.seedAccount({});
  const service = await control.seedMessagingService({ accountSid: account.sid, friendlyName: 'Shop texts' });
  const number = await control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+13035550100' });
  await control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+13035550101' });
  await core.services.connection.connect({
    accountSid: account.sid,
    authToken: account.authToken,
    messagingServiceSid: service.sid,
  });
  await core.refreshFromTwilio();
  const agent = core.services.agents.save({ agent: { ...EMPTY_AGENT_DRAFT, name: 'Front desk', greeting: 'Hello!' } });
  const { outcomes } = await core.services.assignments.run({
    jobId: randomUUID(),
    action: 'assign',
    agentId: agent.id,
    numberSids: [number.sid],
  });
  expect(outcomes).toMatchObject([{ outcome: 'done' }]);
  listsBefore = await readEverything();
  await control.clearRequests();
  prototypesBefore = prototypeSnapshot();
}, 30_000);

afterAll(async () => {
  await harness.close();
});

describe('IPC fuzz', () => {
  it.each(CHANNELS)(
    '%s answers every generated malformed input with a validation error, and nothing changes',
    async (channel) => {
      const generated = generateInputs(channel);
      const schema: z.ZodType = contract[channel].input;

      // The generator is trusted only as far as zod agrees: each input must really be malformed.
      expect(
        generated.baseline,
        'no valid input found for the channel (teach validCandidates its schema)',
      ).toBeDefined();
      const acceptedBySchema = generated.inputs.filter((input) => schema.safeParse(input.value).success);
      expect(
        acceptedBySchema.map((input) => input.label),
        'generated inputs the schema accepts (a generator bug, or a field without limits)',
      ).toEqual([]);
      expect(generated.places.filter((place) => !generated.covered.has(place))).toEqual([]);
      const categories = new Set(generated.inputs.map((input) => input.category));
      expect([...categories]).toEqual(expect.arrayContaining(['type', 'unknown-key', 'pollution']));
      if (generated.inputs.some((input) => input.category === 'huge')) {
        expect([...categories]).toEqual(expect.arrayContaining(['sql', 'unicode']));
      }

      const before = stateSnapshot(harness);
      const wrongAnswers: { label: string; reply: unknown }[] = [];
      for (const input of generated.inputs) {
        // What ipcMain hands main: a structured clone of what the renderer sent.
        const reply = await invoke(channel, structuredClone(input.value));
        if (reply.ok || reply.error.code !== 'validation') {
          wrongAnswers.push({ label: input.label, reply: reply.ok ? reply : { ok: false, code: reply.error.code } });
        } else {
          expect(() => structuredClone(reply), input.label).not.toThrow();
        }
      }
      expect(wrongAnswers).toEqual([]);

      // Nothing was written, nobody was told anything, Twilio heard nothing, no prototype changed.
      expect(stateSnapshot(harness)).toEqual(before);
      expect(await harness.control.requests()).toEqual([]);
      expect(prototypeChanges(prototypesBefore)).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();

      // And the app still answers.
      expect(await invoke('connection:getStatus', {})).toMatchObject({ ok: true, value: { state: 'connected' } });

      totals.channels++;
      totals.inputs += generated.inputs.length;
      totals.skipped += generated.skipped;
      totals.byRefinement += generated.inputs.filter((input) => input.byRefinement).length;
      for (const input of generated.inputs) {
        totals.byCategory.set(input.category, (totals.byCategory.get(input.category) ?? 0) + 1);
      }
    },
    60_000,
  );

  it('still answers every read as before, with Twilio untouched', async () => {
    expect(await readEverything()).toEqual(listsBefore);
    expect(await harness.control.requests()).toEqual([]);
    expect(totals.channels).toBe(CHANNELS.length);
    const count = (value: number) => value.toLocaleString('en-US');
    const categories = [...totals.byCategory.entries()]
      .sort(([, a], [, b]) => b - a)
      .map(([category, value]) => `${category} ${count(value)}`)
      .join(', ');
    console.log(
      `IPC fuzz: ${count(totals.channels)} channels, ${count(totals.inputs)} malformed inputs, all answered validation ` +
        `(seed ${SEED}; ${categories}; ${count(totals.byRefinement)} of them refused only by refinements; ` +
        `${count(totals.skipped)} generated values the schemas accept were not sent)`,
    );
  });
});
