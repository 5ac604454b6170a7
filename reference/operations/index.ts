/**
 * @module reference/operations
 * The operation table: every operation the reference implements, with its handler and input shape.
 */
import { inputShapes } from '../validation/shapes.ts';
import { createAlias, deleteAlias, listAliases } from './aliases.ts';
import type { Handler } from './context.ts';
import { decrypt, encrypt, generateDataKey } from './crypto.ts';
import { deleteImportedKeyMaterial, getParametersForImport, importKeyMaterial } from './import.ts';
import { cancelKeyDeletion, createKey, describeKey, disableKey, enableKey, listKeys, scheduleKeyDeletion } from './keys.ts';
import { listResourceTags, tagResource, untagResource } from './tags.ts';

export const handlers: Record<string, Handler> = {
  CreateKey: createKey,
  DescribeKey: describeKey,
  ListKeys: listKeys,
  EnableKey: enableKey,
  DisableKey: disableKey,
  ScheduleKeyDeletion: scheduleKeyDeletion,
  CancelKeyDeletion: cancelKeyDeletion,
  GetParametersForImport: getParametersForImport,
  ImportKeyMaterial: importKeyMaterial,
  DeleteImportedKeyMaterial: deleteImportedKeyMaterial,
  Encrypt: encrypt,
  Decrypt: decrypt,
  GenerateDataKey: generateDataKey,
  CreateAlias: createAlias,
  DeleteAlias: deleteAlias,
  ListAliases: listAliases,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListResourceTags: listResourceTags,
};

/** The operations the reference implements, in a stable order. */
export const operationNames: readonly string[] = Object.keys(handlers);

export function shapeOf(operation: string) {
  const shape = inputShapes[operation];
  if (!shape) throw new Error(`no input shape for ${operation}`);
  return shape;
}
