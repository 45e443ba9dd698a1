'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { ChannelForm, type PolicyOption, type RecordingOption } from '@/components/channel-form/channel-form';
import { toast } from '@/components/ui/toast';
import { DEFAULT_CHANNEL_SETTINGS } from '@/lib/ivs/schemas/channel';
import { createChannelAction } from '../../actions';

/** Creates the channel, then opens its page on the ingest details. */
export function CreateChannel(props: {
  recordingConfigurations: RecordingOption[];
  restrictionPolicies: PolicyOption[];
  adConfigurations: PolicyOption[];
  pickersError?: string;
}) {
  const router = useRouter();
  // One id for everything this form submits: a second click or a retry is the same request.
  const [requestId] = useState(() => crypto.randomUUID());
  return (
    <ChannelForm
      mode="create"
      initial={{ ...DEFAULT_CHANNEL_SETTINGS, tags: [] }}
      cancelHref="/channels"
      submit={async (values) => {
        const result = await createChannelAction({ ...values, requestId });
        if (result.ok) {
          toast(`Channel ${values.name || result.data.id} created.`, { tone: 'success' });
          router.push(`/channels/${result.data.id}?created=1#ingest`);
        }
        return result;
      }}
      {...props}
    />
  );
}
