/**
 * @module harness/aws/aws-endpoint
 * Where an `aws` target's requests go: AWS's regional KMS endpoint, unless the SDK's own
 * endpoint variables override it (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html).
 * The raw client and preflight need the URL itself, so it is worked out once here for every client.
 */

/** `AWS_ENDPOINT_URL_KMS`, then `AWS_ENDPOINT_URL`, then `https://kms.<region>.amazonaws.com` (`.com.cn` in China). */
export function awsEndpoint(region: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env.AWS_ENDPOINT_URL_KMS || env.AWS_ENDPOINT_URL;
  if (override) return override;
  return `https://kms.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}
