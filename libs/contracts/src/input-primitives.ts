// The building blocks every request schema uses for text, dates and numbers, so bad input stops
// at the edge with a 400 instead of reaching PostgreSQL (which refuses NUL, int4 overflow, year 10000).
import { z } from 'zod';

/** PostgreSQL `int` columns (version numbers, episode numbers) hold at most this. */
export const INT32_MAX = 2_147_483_647;

/** The years a plan, an agenda event or a filter may name: anything else is a typo or a probe. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;
const MIN_INSTANT = Date.UTC(MIN_YEAR, 0, 1);
const MAX_INSTANT_EXCLUSIVE = Date.UTC(MAX_YEAR + 1, 0, 1);

// C0 controls (but TAB, LF and CR in multi-line text), DEL and C1 controls. NUL in particular:
// PostgreSQL refuses 0x00 in text, so letting it through turned a typo into a 500.
// eslint-disable-next-line no-control-regex
const CONTROL_IN_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_LINE = /[\u0000-\u001f\u007f-\u009f]/;

const LONE_SURROGATE = /\p{Surrogate}/u;

/** True for a string that is not valid Unicode: a UTF-16 surrogate without its pair. */
export function hasLoneSurrogate(value: string): boolean {
  // In a `u` regex a well-formed pair is one code point, so only an unpaired half matches.
  return LONE_SURROGATE.test(value);
}

/** True for a string no text field accepts anywhere (the API's last line of defence checks this). */
export function isUnstorableText(value: string): boolean {
  return value.includes('\u0000') || hasLoneSurrogate(value);
}

export interface TextOptions {
  max: number;
  /** Minimum length after trimming; 0 allows an empty string. */
  min?: number;
  /** Message when shorter than `min`. */
  minMessage?: string;
  /** Allows line breaks and tabs (descriptions, comments, notes). */
  multiline?: boolean;
  /** Defaults to true: surrounding spaces are never meaningful in these fields. */
  trim?: boolean;
}

/**
 * Text a person typed: valid Unicode (no lone surrogate, which would be stored as U+FFFD and so
 * no longer match what was hashed into the audit trail), no control characters, bounded length.
 */
export function text(options: TextOptions) {
  const { max, min = 0, minMessage, multiline = false, trim = true } = options;
  let schema = z.string();
  if (trim) schema = schema.trim();
  if (min > 0) schema = schema.min(min, minMessage);
  return schema
    .max(max, `at most ${max} characters`)
    .refine((v) => !hasLoneSurrogate(v), 'must be valid Unicode text (it contains a lone UTF-16 surrogate)')
    .refine(
      (v) => !(multiline ? CONTROL_IN_MULTILINE : CONTROL_IN_LINE).test(v),
      multiline ? 'must not contain control characters (such as NUL) other than line breaks and tabs' : 'must not contain control characters (such as NUL or line breaks)',
    );
}

function withinYears(ms: number): boolean {
  return Number.isFinite(ms) && ms >= MIN_INSTANT && ms < MAX_INSTANT_EXCLUSIVE;
}

const ISO_DATE = z.iso.date();
const ISO_DATE_TIME = z.iso.datetime({ offset: true });

/** A calendar day, `2026-12-03`, in the years 1900–2999. */
export function day() {
  return z
    .string()
    .refine((v) => ISO_DATE.safeParse(v).success, { message: 'must be a date, e.g. 2026-12-03', abort: true })
    .refine((v) => withinYears(Date.parse(`${v}T00:00:00Z`)), { message: `must be between ${MIN_YEAR}-01-01 and ${MAX_YEAR}-12-31`, abort: true });
}

/**
 * A moment: an ISO 8601 date-time with its offset, or a plain date (an all-day plan, read as
 * midnight UTC). Bounded once converted to UTC, so `9999-12-31T23:59:59-14:00` (year 10000) is refused.
 */
export function instant(name: string) {
  return z
    .string()
    .refine((v) => ISO_DATE_TIME.safeParse(v).success || ISO_DATE.safeParse(v).success, {
      message: `${name} must be an ISO 8601 date-time, e.g. 2026-12-01T09:00:00Z, or a date, e.g. 2026-12-01`,
      abort: true,
    })
    .transform((v) => (ISO_DATE.safeParse(v).success ? `${v}T00:00:00Z` : v))
    .refine((v) => withinYears(Date.parse(v)), { message: `${name} must fall between ${MIN_YEAR}-01-01 and ${MAX_YEAR}-12-31 (UTC)`, abort: true });
}

/** A whole number from a query string or path segment, within [min, max] (max defaults to int4). */
export function queryInt(options: { min: number; max?: number; name?: string }) {
  const { min, max = INT32_MAX, name = 'value' } = options;
  return z.coerce
    .number({ message: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`);
}

/** A version number in a path (`/versions/:number`): digits only, 1 to 2³¹−1. */
export const versionNumberParamSchema = z
  .string()
  .regex(/^[0-9]{1,10}$/, 'the version number must be a positive whole number')
  .transform(Number)
  .pipe(z.number().int().min(1, 'the version number must be at least 1').max(INT32_MAX, `the version number must be at most ${INT32_MAX}`));

/** A page number in a path (a PDF's page images): digits only, within int4, so `/pages/0` or `/pages/x` is a 400. */
export const pageNumberParamSchema = z
  .string()
  .regex(/^[0-9]{1,10}$/, 'the page number must be a positive whole number')
  .transform(Number)
  .pipe(z.number().int().min(1, 'the page number must be at least 1').max(INT32_MAX, `the page number must be at most ${INT32_MAX}`));

/** A link people will click: http or https only (never `javascript:` or `data:`). */
export function webUrl(max: number) {
  return z
    .url({ protocol: /^https?$/, message: 'must be an http:// or https:// address' })
    .max(max, `at most ${max} characters`);
}
