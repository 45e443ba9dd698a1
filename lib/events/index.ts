import 'server-only';

// The console's event feed: what happened to channels, from the watcher and from EventBridge.
export * from '@/lib/events/types';
export { eventsAfter, listEvents, recordEvent } from '@/lib/events/store';
