'use client';

import { buttonClasses } from '@/components/ui/button';

const href = (format: 'cloudformation' | 'terraform', arns: string[]) =>
  `/api/iac/export?${new URLSearchParams([['format', format], ...arns.map((arn) => ['arn', arn])])}`;

/**
 * The selected channels and what they reference, as CloudFormation or Terraform that adopts them
 * (import), downloaded. Stream keys are never in it.
 */
export function ExportAsCode({ channelArns }: { channelArns: string[] }) {
  return (
    <span className="flex items-center gap-1" role="group" aria-label="Export as code">
      <a className={buttonClasses('secondary', 'sm')} href={href('cloudformation', channelArns)} download>
        CloudFormation
      </a>
      <a className={buttonClasses('secondary', 'sm')} href={href('terraform', channelArns)} download>
        Terraform
      </a>
      <a className={buttonClasses('ghost', 'sm')} href="/code/compare">
        Compare a file…
      </a>
    </span>
  );
}
