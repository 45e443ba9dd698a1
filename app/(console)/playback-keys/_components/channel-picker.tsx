'use client';

import { useRouter } from 'next/navigation';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/input';

/** Private channels only; the choice lives in the URL (?channel=<id>) so the page can be shared. */
export function ChannelPicker({ channels, selected }: { channels: { id: string; name: string }[]; selected: string }) {
  const router = useRouter();
  return (
    <Field id="channel" label="Private channel">
      <Select
        id="channel"
        value={selected}
        onChange={(e) =>
          router.push(e.target.value ? `/playback-keys/token?channel=${encodeURIComponent(e.target.value)}` : '/playback-keys/token')
        }
        className="max-w-md"
      >
        <option value="">Choose a channel…</option>
        {channels.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name || '(unnamed)'} — {c.id}
          </option>
        ))}
      </Select>
    </Field>
  );
}
