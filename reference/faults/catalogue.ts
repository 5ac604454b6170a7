/**
 * @module reference/faults/catalogue
 * Named deviations the reference can be started with, each making it misbehave the way some KMS
 * emulator does (the emulator research behind the project). They exist only so the project's own
 * tests can prove that the specs catch each deviation; a faithful reference has none switched on,
 * and nothing under reference/operations or reference/protocol knows about them.
 */

export const FAULTS = {
  'accept-alias': 'the import operations accept alias names and alias ARNs as KeyId',
  'skip-origin-check': 'DeleteImportedKeyMaterial accepts AWS_KMS keys and deletes their material',
  'refuse-pending-deletion': 'DeleteImportedKeyMaterial refuses a PendingDeletion key with KMSInvalidStateException',
  'refuse-pending-import': 'DeleteImportedKeyMaterial refuses a PendingImport key with KMSInvalidStateException',
  'pending-deletion-to-pending-import': 'DeleteImportedKeyMaterial moves a PendingDeletion key to PendingImport',
  'ignore-arn-account': "a key ARN naming another account is resolved to the caller's key with that key id",
  'accept-different-material': 'reimporting different key material is accepted and replaces the material',
  'stay-enabled-after-delete': 'DeleteImportedKeyMaterial leaves the key in its state (Enabled stays Enabled)',
  'unbound-import-token': 'an import token is accepted for any key',
  'long-import-parameters': 'import parameters are valid for 100 days instead of 24 hours',
  'ignore-expiration-model': 'KEY_MATERIAL_EXPIRES without ValidTo is accepted as not expiring',
  'empty-delete-response': 'DeleteImportedKeyMaterial answers with an empty object',
  'wrong-error-code': 'NotFoundException is sent as ResourceNotFoundException',
  'wrong-status-code': 'client errors carry the Smithy model status (404, 409, 412) instead of 400',
  'no-signature-check': 'signatures are not verified (any secret is accepted)',
  'throttle-first-request': 'the first request of each operation is answered with ThrottlingException (as AWS does over its request quota)',
  'no-import-operations': 'GetParametersForImport, ImportKeyMaterial and DeleteImportedKeyMaterial do not exist (UnknownOperationException)',
  'hostile-messages': 'every error message starts with HTML markup that runs script if a report fails to escape it',
} as const;

export type FaultName = keyof typeof FAULTS;

/**
 * What `hostile-messages` puts in front of every error message: markup that would set `window.__xss`
 * if a report rendered it unescaped. A report test looks for that variable in a real browser.
 */
export const HOSTILE_MARKUP = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';

/** Checks fault names; an unknown one is a mistake in the caller. */
export function checkFaults(names: readonly string[]): ReadonlySet<FaultName> {
  for (const n of names) if (!Object.hasOwn(FAULTS, n)) throw new Error(`unknown fault '${n}' (known: ${Object.keys(FAULTS).join(', ')})`);
  return new Set(names as FaultName[]);
}
