/**
 * @module reference/operations/tag-list
 * The tag list CreateKey and TagResource accept, checked as AWS documents it.
 */
import type { Tag } from '../api/kms-api.generated.ts';
import { kmsError } from '../errors.ts';

/** Reads a validated Tags list; tag keys beginning with `aws:` are reserved for AWS. */
export function tagsFromInput(tags: readonly Tag[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of tags ?? []) {
    if (t.TagKey.startsWith('aws:')) throw kmsError('TagException', `Tag keys beginning with 'aws:' are reserved: ${t.TagKey}`);
    out.set(t.TagKey, t.TagValue);
  }
  return out;
}
