import type { ComponentProps } from 'react';
import { cn } from '@/components/ui/cn';

const control =
  'block w-full rounded-md border bg-white px-3 text-sm text-zinc-900 shadow-sm placeholder:text-zinc-400 ' +
  'focus:outline-2 focus:outline-offset-0 focus:outline-blue-600 disabled:cursor-not-allowed disabled:bg-zinc-100 disabled:text-zinc-500 ' +
  'dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500 dark:focus:outline-blue-400 dark:disabled:bg-zinc-800';

const border = (invalid?: boolean) => (invalid ? 'border-red-600 dark:border-red-400' : 'border-zinc-300 dark:border-zinc-700');

interface InvalidProp {
  /** Marks the control invalid for assistive technology and draws a red border. */
  invalid?: boolean;
}

export function Input({ invalid, className, ...props }: ComponentProps<'input'> & InvalidProp) {
  return <input aria-invalid={invalid || undefined} className={cn(control, border(invalid), 'h-10', className)} {...props} />;
}

export function Textarea({ invalid, className, rows = 4, ...props }: ComponentProps<'textarea'> & InvalidProp) {
  return (
    <textarea
      rows={rows}
      aria-invalid={invalid || undefined}
      className={cn(control, border(invalid), 'py-2 font-mono', className)}
      {...props}
    />
  );
}

export function Select({ invalid, className, ...props }: ComponentProps<'select'> & InvalidProp) {
  return <select aria-invalid={invalid || undefined} className={cn(control, border(invalid), 'h-10 pr-8', className)} {...props} />;
}
