// S3 general-purpose bucket naming rules (the model only checks length and characters).
export function s3BucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return 'must be between 3 and 63 characters long';
  if (!/^[a-z0-9.-]+$/.test(name)) return 'may contain only lowercase letters, numbers, dots (.) and hyphens (-)';
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) return 'must begin and end with a letter or number';
  if (name.includes('..')) return 'must not contain two adjacent periods';
  if (name.includes('.-') || name.includes('-.')) return 'must not contain a period next to a hyphen';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return 'must not be formatted as an IP address';
  for (const prefix of ['xn--', 'sthree-', 'sthree-configurator', 'amzn-s3-demo-']) {
    if (name.startsWith(prefix)) return `must not start with the reserved prefix '${prefix}'`;
  }
  for (const suffix of ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3']) {
    if (name.endsWith(suffix)) return `must not end with the reserved suffix '${suffix}'`;
  }
  return undefined;
}
