/**
 * @module reference/operations/pagination
 * Limit/Marker paging shared by the List* operations. Markers are opaque to callers.
 *
 * A listing that other callers change between pages (the region's keys and aliases, a principal's
 * retirable grants across keys) pages by cursor: items are ordered by creation time, then by id, and a
 * marker names the last item handed out, so the next page starts after it whatever was added or
 * removed meanwhile: no item is handed out twice or skipped because another item went away. A
 * listing only its own key changes (tags, rotations) pages by position.
 */
import { kmsError } from '../errors.ts';

const OFFSET = 'kmsref:';
const CURSOR = 'kmsref-after:';

export interface Page<T> {
  items: T[];
  /** Present only when the listing was truncated. */
  nextMarker?: string;
  truncated: boolean;
}

/** Where an item sits in a cursor-paged listing: its creation time, then an id unique in the listing. */
export interface Cursor {
  at: number;
  id: string;
}

function invalidMarker(): never {
  throw kmsError('InvalidMarkerException', 'The marker is not valid.');
}

function encode(text: string): string {
  return Buffer.from(text).toString('base64url');
}

function compare(a: Cursor, b: Cursor): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The cursor a marker names, or InvalidMarkerException. */
function cursorOf(marker: string): Cursor {
  const decoded = Buffer.from(marker, 'base64url').toString('utf8');
  if (!decoded.startsWith(CURSOR)) invalidMarker();
  const rest = decoded.slice(CURSOR.length);
  const colon = rest.indexOf(':');
  const at = Number(rest.slice(0, colon));
  if (colon < 1 || !Number.isSafeInteger(at)) invalidMarker();
  return { at, id: rest.slice(colon + 1) };
}

/**
 * One page of `all`. With `order`, pages by cursor (see the module comment); without it, by position
 * in `all`. A marker of the other kind is InvalidMarkerException.
 */
export function paginate<T>(all: readonly T[], limit: number | undefined, marker: string | undefined, defaultLimit: number, order?: (item: T) => Cursor): Page<T> {
  const size = limit ?? defaultLimit;
  if (order) {
    const sorted = all.map((item) => ({ item, cursor: order(item) })).sort((a, b) => compare(a.cursor, b.cursor));
    const after = marker === undefined ? undefined : cursorOf(marker);
    const start = after === undefined ? 0 : sorted.findIndex((x) => compare(x.cursor, after) > 0);
    const rest = start < 0 ? [] : sorted.slice(start);
    const taken = rest.slice(0, size);
    if (rest.length <= size) return { items: taken.map((x) => x.item), truncated: false };
    const last = taken.at(-1)!.cursor;
    return { items: taken.map((x) => x.item), truncated: true, nextMarker: encode(`${CURSOR}${last.at}:${last.id}`) };
  }
  let start = 0;
  if (marker !== undefined) {
    const decoded = Buffer.from(marker, 'base64url').toString('utf8');
    const n = decoded.startsWith(OFFSET) ? Number(decoded.slice(OFFSET.length)) : NaN;
    if (!Number.isInteger(n) || n < 0) invalidMarker();
    start = n;
  }
  const end = start + size;
  const items = all.slice(start, end);
  const truncated = end < all.length;
  return truncated ? { items, truncated, nextMarker: encode(`${OFFSET}${end}`) } : { items, truncated };
}

/** The `Truncated` / `NextMarker` members every List* response has. */
export function pageMembers(page: Page<unknown>): { Truncated: boolean; NextMarker?: string } {
  return { Truncated: page.truncated, ...(page.nextMarker && { NextMarker: page.nextMarker }) };
}
