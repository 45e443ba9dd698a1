import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { Severity } from '@/lib/health';

const TONE: Record<Severity, BadgeTone> = { critical: 'red', warning: 'yellow', info: 'blue' };
const WORD: Record<Severity, string> = { critical: 'Critical', warning: 'Warning', info: 'Info' };

/** The severity in words (never colour alone). */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return <Badge tone={TONE[severity]}>{WORD[severity]}</Badge>;
}
