/**
 * @module reference/operations/tags
 * TagResource, UntagResource, ListResourceTags, and the tag list CreateKey accepts.
 */
import { kmsError } from '../errors.ts';
import type { Handler } from './context.ts';
import { pageOutput, paginate } from './pagination.ts';
import { requireKey } from './require-key.ts';

interface TagInput {
  TagKey: string;
  TagValue: string;
}

/** Reads a validated Tags list; tag keys beginning with `aws:` are reserved for AWS. */
export function tagsFromInput(tags: unknown): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of (tags as TagInput[] | undefined) ?? []) {
    if (t.TagKey.startsWith('aws:')) throw kmsError('TagException', `Tag keys beginning with 'aws:' are reserved: ${t.TagKey}`);
    out.set(t.TagKey, t.TagValue);
  }
  return out;
}

export const tagResource: Handler = async (input, ctx) => {
  const key = requireKey(ctx, input.KeyId as string, 'TagResource');
  for (const [k, v] of tagsFromInput(input.Tags)) key.tags.set(k, v);
  return undefined;
};

export const untagResource: Handler = async (input, ctx) => {
  const key = requireKey(ctx, input.KeyId as string, 'UntagResource');
  for (const k of input.TagKeys as string[]) key.tags.delete(k);
  return undefined;
};

export const listResourceTags: Handler = async (input, ctx) => {
  const key = requireKey(ctx, input.KeyId as string, 'ListResourceTags');
  const all = [...key.tags].map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
  return pageOutput('Tags', paginate(all, input.Limit as number | undefined, input.Marker as string | undefined, 50));
};
