/**
 * @module reference/operations/tag-list
 * The tag lists CreateKey and TagResource accept, checked as AWS was recorded checking them
 * (key-management §5.3): no duplicate keys in one request, no key beginning with `aws:` in any
 * case, at most 50 tags on a key. Lengths are the model's (validated before the handler).
 */
import type { Tag } from '../api/kms-api.generated.ts';
import { kmsError } from '../errors.ts';

/** User tags per key (Developer Guide, tags; recorded "Too many tags" at 51). */
export const MAX_TAGS = 50;

/** Recorded TagException texts. */
const TEXT = { duplicate: 'Duplicate tag keys', reserved: 'Tags beginning with aws: are reserved', tooMany: 'Too many tags' } as const;

/**
 * The key's tags with `tags` added or replacing the values of keys already there, checked: the
 * request's own keys first (duplicates, reserved prefix), then the total.
 */
export function withTags(existing: ReadonlyMap<string, string>, tags: readonly Tag[] | undefined): Map<string, string> {
  const seen = new Set<string>();
  for (const t of tags ?? []) {
    if (seen.has(t.TagKey)) throw kmsError('TagException', TEXT.duplicate);
    seen.add(t.TagKey);
    if (t.TagKey.toLowerCase().startsWith('aws:')) throw kmsError('TagException', TEXT.reserved);
  }
  const out = new Map(existing);
  for (const t of tags ?? []) out.set(t.TagKey, t.TagValue);
  if (out.size > MAX_TAGS) throw kmsError('TagException', TEXT.tooMany);
  return out;
}

/** The tags of a new key (CreateKey's Tags). */
export const tagsFromInput = (tags: readonly Tag[] | undefined): Map<string, string> => withTags(new Map(), tags);
