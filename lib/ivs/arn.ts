// Client-safe. Every IVS ARN ends in `<resource-type>/<id>`; the console's URLs and short labels use
// that id (arn:aws:ivs:us-west-2:123456789012:channel/abcd1234EFGH -> abcd1234EFGH).
export function resourceIdFromArn(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}
