// The shared secret the e2e console accepts EventBridge deliveries with (EVENTBRIDGE_SECRET in
// playwright.config.ts); e2e/alerts.spec.ts sends it the way an API destination connection does.
export const E2E_EVENTBRIDGE_SECRET = 'e2e-only-eventbridge-secret-0123456789';

// Vercel Cron's bearer token for GET /api/cron/tick (CRON_SECRET in playwright.config.ts).
export const E2E_CRON_SECRET = 'e2e-only-cron-secret-0123456789';
