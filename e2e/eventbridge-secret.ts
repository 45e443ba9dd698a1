// The shared secret the e2e console accepts EventBridge deliveries with (EVENTBRIDGE_SECRET in
// playwright.config.ts); e2e/alerts.spec.ts sends it the way an API destination connection does.
export const E2E_EVENTBRIDGE_SECRET = 'e2e-only-eventbridge-secret-0123456789';
