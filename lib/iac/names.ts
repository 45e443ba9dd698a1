/**
 * Stable, unique names for resources in a template: CloudFormation logical ids ([A-Za-z0-9]) and
 * Terraform resource names ([a-z0-9_]), from the resource's name (or id) and its kind. The same
 * inventory always gives the same names.
 */
export function nameMaker(style: 'cloudformation' | 'terraform') {
  const used = new Set<string>();
  return (kind: string, name: string | undefined, arn: string): string => {
    const base = name || arn.split('/').pop() || 'resource';
    const words = `${kind} ${base}`.split(/[^A-Za-z0-9]+/).filter(Boolean);
    let out =
      style === 'cloudformation' ? words.map((w) => w[0].toUpperCase() + w.slice(1)).join('') : words.map((w) => w.toLowerCase()).join('_');
    if (style === 'terraform' && /^[0-9]/.test(out)) out = `r_${out}`;
    let candidate = out;
    for (let n = 2; used.has(candidate); n++) candidate = style === 'cloudformation' ? `${out}${n}` : `${out}_${n}`;
    used.add(candidate);
    return candidate;
  };
}
