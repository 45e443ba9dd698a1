import { countryLabel } from '@/lib/countries';

/** "All countries" for IVS's empty list, else the names (first few, then a count). */
export function CountriesSummary({ codes, max = 4 }: { codes: string[]; max?: number }) {
  if (!codes.length) return <span className="text-zinc-600 dark:text-zinc-400">All countries</span>;
  const shown = codes.slice(0, max).map(countryLabel).join(', ');
  return <span title={codes.map(countryLabel).join(', ')}>{codes.length > max ? `${shown} +${codes.length - max} more` : shown}</span>;
}

export function OriginsSummary({ origins, max = 2 }: { origins: string[]; max?: number }) {
  if (!origins.length) return <span className="text-zinc-600 dark:text-zinc-400">All origins</span>;
  const shown = origins.slice(0, max).join(', ');
  return (
    <span className="font-mono text-xs" title={origins.join('\n')}>
      {origins.length > max ? `${shown} +${origins.length - max} more` : shown}
    </span>
  );
}
