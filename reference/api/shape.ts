/**
 * @module reference/api/shape
 * The runtime form of AWS's KMS model that `kms-api.generated.ts` emits: only the traits that decide
 * whether a request is valid or how an error goes on the wire. Shape references are shape NAMES (keys
 * of the same table), as in botocore, so the table stays flat and cycle-free.
 */

/** Traits any shape may carry: botocore marks a retired shape (CustomerMasterKeySpec) `deprecated`. */
interface CommonTraits {
  readonly deprecated?: boolean;
}

/** One entry of the table; `type` picks which traits apply, so validators can switch on it. */
export type Shape = CommonTraits &
  (
    | {
        readonly type: 'string';
        readonly min?: number;
        readonly max?: number;
        readonly pattern?: string;
        readonly enum?: readonly string[];
        readonly sensitive?: boolean;
      }
    | { readonly type: 'blob'; readonly min?: number; readonly max?: number; readonly sensitive?: boolean }
    | { readonly type: 'integer' | 'long'; readonly min?: number; readonly max?: number }
    | { readonly type: 'boolean' }
    | { readonly type: 'timestamp' }
    | {
        readonly type: 'list';
        readonly member: string;
        readonly min?: number;
        readonly max?: number;
        readonly sensitive?: boolean;
      }
    | {
        readonly type: 'map';
        readonly key: string;
        readonly value: string;
        readonly min?: number;
        readonly max?: number;
        readonly sensitive?: boolean;
      }
    | {
        readonly type: 'structure';
        readonly members: Readonly<Record<string, string>>;
        readonly required?: readonly string[];
        /** Members the model marks deprecated on the member reference, not on the target shape. */
        readonly deprecatedMembers?: readonly string[];
        readonly sensitive?: boolean;
        readonly error?: ModelError;
      }
  );

/** How an exception shape goes on the wire: its `__type` code, HTTP status and who is at fault. */
export interface ModelError {
  readonly code: string;
  readonly status: number;
  readonly fault: 'client' | 'server';
}

/** Every shape of the service by name; what the generated `SHAPES` constant satisfies. */
export type ShapeTable = Readonly<Record<string, Shape>>;

/** One operation: its input/output shape names and the exception shape names it may return. */
export interface OperationModel {
  readonly input?: string;
  readonly output?: string;
  readonly errors: readonly string[];
}
