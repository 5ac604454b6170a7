/**
 * @module reference/operations/custom-key-stores
 * The six custom key store operations, answered as an endpoint without custom key stores answers
 * (key-management §10, MGT-156, MGT-157): none exist, so any store named is not found, and a new
 * one cannot be made because the cluster or proxy it would use is not there. AWS's texts for these
 * errors are not known; the reference's say what happened.
 */
import { kmsError } from '../errors.ts';
import { defineOperation } from './define.ts';

const notFound = (id: string | undefined) =>
  kmsError('CustomKeyStoreNotFoundException', `Custom key store ${id === undefined ? 'named' : `'${id}'`} does not exist: this endpoint has no custom key stores.`);

export const describeCustomKeyStores = defineOperation({
  name: 'DescribeCustomKeyStores',
  async handle(input) {
    if (input.CustomKeyStoreId !== undefined) throw notFound(input.CustomKeyStoreId);
    if (input.CustomKeyStoreName !== undefined) throw notFound(input.CustomKeyStoreName);
    return { CustomKeyStores: [], Truncated: false };
  },
});

/** An operation on one named store: none exists here. */
const onNamedStore = <Op extends 'ConnectCustomKeyStore' | 'DisconnectCustomKeyStore' | 'UpdateCustomKeyStore' | 'DeleteCustomKeyStore'>(name: Op) =>
  defineOperation({
    name,
    async handle(input) {
      throw notFound(input.CustomKeyStoreId);
    },
  });

export const connectCustomKeyStore = onNamedStore('ConnectCustomKeyStore');
export const disconnectCustomKeyStore = onNamedStore('DisconnectCustomKeyStore');
export const updateCustomKeyStore = onNamedStore('UpdateCustomKeyStore');
export const deleteCustomKeyStore = onNamedStore('DeleteCustomKeyStore');

export const createCustomKeyStore = defineOperation({
  name: 'CreateCustomKeyStore',
  async handle(input) {
    // No modeled "unsupported" error: the store-specific one for what the store would need (MGT-157).
    if (input.CustomKeyStoreType === 'EXTERNAL_KEY_STORE') {
      throw kmsError('XksProxyUriUnreachableException', `The external key store proxy ${input.XksProxyUriEndpoint ?? ''}${input.XksProxyUriPath ?? ''} cannot be reached from this endpoint.`);
    }
    throw kmsError('CloudHsmClusterNotFoundException', `CloudHSM cluster ${input.CloudHsmClusterId ?? '(none given)'} does not exist: this endpoint has no CloudHSM clusters.`);
  },
});
