/**
 * @module reference/operations/pagination
 * Limit/Marker paging shared by the List* operations. Markers are opaque to callers.
 */
import { kmsError } from '../errors.ts';

const PREFIX = 'kmsref:';

export interface Page<T> {
  items: T[];
  /** Present only when the listing was truncated. */
  nextMarker?: string;
  truncated: boolean;
}

export function paginate<T>(all: readonly T[], limit: number | undefined, marker: string | undefined, defaultLimit: number): Page<T> {
  let start = 0;
  if (marker !== undefined) {
    const decoded = Buffer.from(marker, 'base64url').toString('utf8');
    const n = decoded.startsWith(PREFIX) ? Number(decoded.slice(PREFIX.length)) : NaN;
    if (!Number.isInteger(n) || n < 0) throw kmsError('InvalidMarkerException', 'The marker is not valid.');
    start = n;
  }
  const end = start + (limit ?? defaultLimit);
  const items = all.slice(start, end);
  const truncated = end < all.length;
  return truncated ? { items, truncated, nextMarker: Buffer.from(`${PREFIX}${end}`).toString('base64url') } : { items, truncated };
}

/** The `Truncated` / `NextMarker` members every List* response has. */
export function pageMembers(page: Page<unknown>): { Truncated: boolean; NextMarker?: string } {
  return { Truncated: page.truncated, ...(page.nextMarker && { NextMarker: page.nextMarker }) };
}
