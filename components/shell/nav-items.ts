import type { Role } from '@/lib/auth/roles';

export interface NavItem {
  href: string;
  label: string;
  /** Minimum role to see the link (the page checks again). */
  role?: Role;
}

export const NAV_ITEMS: NavItem[] = [
  { href: '/', label: 'Overview' },
  { href: '/channels', label: 'Channels' },
  { href: '/live', label: 'Live' },
  { href: '/events', label: 'Events' },
  { href: '/playback-keys', label: 'Playback keys' },
  { href: '/recording-configurations', label: 'Recording' },
  { href: '/restriction-policies', label: 'Restriction policies' },
  { href: '/ad-configurations', label: 'Ads' },
  { href: '/quotas', label: 'Quotas' },
  { href: '/usage', label: 'Usage' },
  { href: '/jobs', label: 'Jobs' },
  { href: '/audit', label: 'Audit log', role: 'admin' },
  { href: '/sessions', label: 'Sessions', role: 'admin' },
  { href: '/alerts', label: 'Alerts', role: 'admin' },
];
