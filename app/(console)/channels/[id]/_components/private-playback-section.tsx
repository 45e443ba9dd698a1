'use client';

import dynamic from 'next/dynamic';

// Only private channels show the token generator and the viewer revocation form (~10 KB gzipped with
// their schemas and the token signing): loaded, and preloaded by the server render, only on the page
// of a private channel, so a public channel's page does not carry them.
export const PrivatePlaybackSection = dynamic(() => import('@/components/private-playback/private-playback-panel').then((m) => m.PrivatePlaybackPanel));
