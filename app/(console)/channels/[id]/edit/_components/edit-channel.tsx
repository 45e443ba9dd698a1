'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ChannelForm, type PolicyOption, type RecordingOption } from '@/components/channel-form/channel-form';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { toast } from '@/components/ui/toast';
import type { ActionResult } from '@/lib/action-result';
import type { CreateChannelInput } from '@/lib/ivs/schemas/channel';
import { stopStreamAction, updateChannelAction } from '../../../actions';

interface Props {
  id: string;
  name: string;
  initial: CreateChannelInput;
  live: boolean;
  recordingConfigurations: RecordingOption[];
  restrictionPolicies: PolicyOption[];
  adConfigurations: PolicyOption[];
  pickersError?: string;
}

/** The edit form; a live channel cannot be updated in IVS, so the form says so and offers to stop the stream. */
export function EditChannel({ id, name, initial, live: initiallyLive, ...pickers }: Props) {
  const router = useRouter();
  const [live, setLive] = useState(initiallyLive);
  const [stopping, setStopping] = useState(false);
  const [stopResult, setStopResult] = useState<ActionResult<unknown> | null>(null);

  const onStop = async () => {
    setStopping(true);
    setStopResult(null);
    const res = await stopStreamAction({ id, wait: true });
    setStopping(false);
    if (res.ok || res.code === 'ChannelNotBroadcasting') {
      setLive(false);
      toast('The stream has ended. You can save your changes now.', { tone: 'success' });
    } else setStopResult(res);
  };

  const notice = live && (
    <div
      role="alert"
      className="space-y-3 rounded-md border border-yellow-400 bg-yellow-50 px-4 py-3 text-sm text-yellow-900 dark:border-yellow-700 dark:bg-yellow-950 dark:text-yellow-100"
    >
      <p>
        <strong>{name || id} is live.</strong> IVS does not allow changes to a live channel. Stop the stream, save, then restart it from
        your encoder. Your edits stay in the form.
      </p>
      <Button variant="danger" size="sm" onClick={onStop} pending={stopping}>
        {stopping ? 'Stopping the stream and waiting for it to end…' : 'Stop the stream first'}
      </Button>
      <FormError result={stopResult} />
    </div>
  );

  return (
    <ChannelForm
      mode="edit"
      initial={initial}
      cancelHref={`/channels/${id}`}
      notice={notice}
      locked={live}
      submit={async (values) => {
        const { tags: _tags, ...settings } = values;
        void _tags;
        const result = await updateChannelAction({ id, ...settings });
        if (result.ok) {
          toast(`Channel ${values.name || id} saved.`, { tone: 'success' });
          router.push(`/channels/${id}`);
          router.refresh();
        } else if (result.code === 'ChannelLive') setLive(true);
        return result;
      }}
      {...pickers}
    />
  );
}
