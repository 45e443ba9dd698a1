import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';

// A plain GET form: the filters live in the URL, so a filtered view can be shared and reloaded.
export function ListFilter({ q, state }: { q: string; state: string }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-2" role="search">
      <div className="w-64">
        <label htmlFor="rc-filter-q" className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Search
        </label>
        <Input id="rc-filter-q" name="q" defaultValue={q} placeholder="Name, bucket or id" />
      </div>
      <div>
        <label htmlFor="rc-filter-state" className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
          State
        </label>
        <Select id="rc-filter-state" name="state" defaultValue={state}>
          <option value="">Any state</option>
          <option value="ACTIVE">ACTIVE</option>
          <option value="CREATING">CREATING</option>
          <option value="CREATE_FAILED">CREATE_FAILED</option>
        </Select>
      </div>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
      {(q || state) && (
        <Link href="/recording-configurations" className="self-center text-sm text-blue-700 hover:underline dark:text-blue-400">
          Clear
        </Link>
      )}
    </form>
  );
}
