/**
 * Reading affiliated keywords (`#+CAPTION:`, `#+NAME:`, `#+ATTR_HTML:`) off
 * uniorg elements, in the shapes uniorg-parse gives them.
 */
import type { AffiliatedKeywords, ObjectType } from 'uniorg';

/**
 * `#+CAPTION:` lines, long form, joined by a space (`org-export-get-caption`).
 * Each line is `ObjectType[]`, or `[long, short]` when written
 * `#+CAPTION[short]: long`.
 */
export function captionObjects(affiliated: AffiliatedKeywords | undefined): ObjectType[] {
  const raw = affiliated?.['CAPTION'];
  if (raw === undefined) return [];
  const lines: unknown[] = Array.isArray(raw) && raw.every((l) => Array.isArray(l)) ? raw : [raw];
  const out: ObjectType[] = [];
  for (const line of lines) {
    let objects: ObjectType[];
    if (typeof line === 'string') objects = line ? [{ type: 'text', value: line }] : [];
    else if (Array.isArray(line) && Array.isArray(line[0])) objects = line[0] as ObjectType[];
    else if (Array.isArray(line)) objects = line as ObjectType[];
    else objects = [];
    if (objects.length === 0) continue;
    if (out.length > 0) out.push({ type: 'text', value: ' ' });
    out.push(...objects);
  }
  return out;
}

/** A single-valued keyword such as `NAME` (the last one wins, as in org). */
export function keywordString(affiliated: AffiliatedKeywords | undefined, key: string): string | undefined {
  const value = affiliated?.[key];
  if (typeof value === 'string') return value;
  const last = Array.isArray(value) ? value[value.length - 1] : undefined;
  return typeof last === 'string' ? last : undefined;
}

/** Every line of a keyword that may repeat, such as `ATTR_HTML`. */
export function keywordLines(affiliated: AffiliatedKeywords | undefined, key: string): string[] {
  const value = affiliated?.[key];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
