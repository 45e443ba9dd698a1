import { CopyButton } from '@/components/ui/copy-button';

/** A resource's ARN in a details list, with a button to copy it. */
export function ArnValue({ arn }: { arn: string }) {
  return (
    <span className="flex items-center gap-2 font-mono text-xs">
      <span>{arn}</span>
      <CopyButton value={arn} label="Copy ARN" />
    </span>
  );
}
