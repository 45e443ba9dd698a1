'use client';

import { useId, useState, type KeyboardEvent } from 'react';
import { cn } from '@/components/ui/cn';
import { Input } from '@/components/ui/input';
import { COUNTRY_NAMES, countryLabel, searchCountries } from '@/lib/countries';

export interface CountryPickerProps {
  id: string;
  /** Selected ISO 3166-1 alpha-2 codes; empty means every country (IVS treats [] as "all"). */
  value: string[];
  onChange: (codes: string[]) => void;
  invalid?: boolean;
  describedBy?: string;
}

/**
 * A searchable country list (ARIA combobox): type "ger" and pick Germany (DE). Selected countries are
 * chips with a remove button; nothing selected reads "All countries", which is what IVS does with [].
 */
export function CountryPicker({ id, value, onChange, invalid, describedBy }: CountryPickerProps) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = searchCountries(query, 12).filter((c) => !value.includes(c.code));
  const shown = open && query.trim() ? matches : [];

  const add = (code: string) => {
    if (!value.includes(code)) onChange([...value, code]);
    setQuery('');
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && shown.length) {
      event.preventDefault();
      setActive((a) => (a + 1) % shown.length);
    } else if (event.key === 'ArrowUp' && shown.length) {
      event.preventDefault();
      setActive((a) => (a - 1 + shown.length) % shown.length);
    } else if (event.key === 'Enter') {
      // Enter picks the highlighted country instead of submitting the surrounding form.
      if (shown[active]) {
        event.preventDefault();
        add(shown[active].code);
      }
    } else if (event.key === 'Escape') {
      setOpen(false);
    } else if (event.key === 'Backspace' && !query && value.length) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-1.5" aria-live="polite">
        {value.length === 0 ? (
          <span className="text-sm text-zinc-600 dark:text-zinc-400">All countries (no geographic restriction)</span>
        ) : (
          value.map((code) => (
            <span
              key={code}
              className="inline-flex items-center gap-1 rounded-full bg-blue-50 py-0.5 pr-1 pl-2.5 text-xs font-medium text-blue-800 ring-1 ring-blue-600/30 ring-inset dark:bg-blue-950 dark:text-blue-300"
            >
              {countryLabel(code)}
              <button
                type="button"
                onClick={() => onChange(value.filter((c) => c !== code))}
                aria-label={`Remove ${COUNTRY_NAMES[code] ?? code}`}
                className="rounded-full px-1 hover:bg-blue-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-blue-900"
              >
                ×
              </button>
            </span>
          ))
        )}
      </div>
      <div className="relative">
        <Input
          id={id}
          role="combobox"
          aria-expanded={shown.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={shown[active] ? `${listId}-${shown[active].code}` : undefined}
          aria-describedby={describedBy}
          invalid={invalid}
          value={query}
          placeholder="Type a country name or code"
          autoComplete="off"
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label="Matching countries"
          className={cn(
            'absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-zinc-200 bg-white py-1 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900',
            shown.length === 0 && 'hidden',
          )}
        >
          {shown.map((c, i) => (
            <li
              key={c.code}
              id={`${listId}-${c.code}`}
              role="option"
              aria-selected={i === active}
              // mousedown, not click: it runs before the input's blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                add(c.code);
              }}
              onMouseEnter={() => setActive(i)}
              className={cn('flex cursor-pointer justify-between px-3 py-1.5', i === active && 'bg-blue-50 dark:bg-blue-950')}
            >
              <span>{c.name}</span>
              <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{c.code}</span>
            </li>
          ))}
        </ul>
        {open && query.trim() && matches.length === 0 && (
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">No country matches “{query.trim()}”.</p>
        )}
      </div>
    </div>
  );
}
