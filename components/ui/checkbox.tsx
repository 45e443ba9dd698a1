import type { ComponentProps, ReactNode } from 'react';

export interface CheckboxProps extends Omit<ComponentProps<'input'>, 'type' | 'id'> {
  id: string;
  label: ReactNode;
  description?: ReactNode;
}

export function Checkbox({ id, label, description, ...props }: CheckboxProps) {
  return (
    <div className="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        aria-describedby={description ? `${id}-description` : undefined}
        className="mt-0.5 size-4 shrink-0 rounded border-zinc-300 accent-blue-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-zinc-600 dark:accent-blue-400"
        {...props}
      />
      <div className="text-sm">
        <label htmlFor={id} className="font-medium text-zinc-900 dark:text-zinc-100">
          {label}
        </label>
        {description && (
          <p id={`${id}-description`} className="text-zinc-600 dark:text-zinc-400">
            {description}
          </p>
        )}
      </div>
    </div>
  );
}
