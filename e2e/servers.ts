// Where the e2e servers listen; shared by playwright.config.ts and the fixtures.
// E2E_PORT_OFFSET moves every port at once, so a second checkout (a git worktree) can run the
// suite while this one does; its data folders are its own already.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const E2E_PORT = 3100 + offset;
export const E2E_EMULATOR_PORT = 4610 + offset;
export const E2E_DATA_DIR = '.data/e2e';

// The second console, in aws mode: IVS_ENDPOINT is the emulator above, sign-in goes through the
// local OpenID Connect issuer (e2e/oidc-issuer.ts).
export const E2E_AWS_PORT = 3101 + offset;
export const E2E_AWS_DATA_DIR = '.data/e2e-aws';
export const E2E_OIDC_PORT = 4611 + offset;
export const oidcIssuerUrl = `http://127.0.0.1:${E2E_OIDC_PORT}`;
// ... and through a stand-in GitHub Enterprise Server (e2e/github-oauth.ts).
export const E2E_GITHUB_PORT = 4612 + offset;
export const githubEnterpriseUrl = `http://127.0.0.1:${E2E_GITHUB_PORT}`;
export const awsBaseUrl = `http://localhost:${E2E_AWS_PORT}`;

/** Set when the developer runs the specs against a server they started themselves. */
export const externalBaseUrl = process.env.E2E_BASE_URL;
export const baseUrl = externalBaseUrl ?? `http://localhost:${E2E_PORT}`;
export const emulatorUrl = externalBaseUrl
  ? (process.env.E2E_EMULATOR_URL ?? 'http://127.0.0.1:4599')
  : `http://127.0.0.1:${E2E_EMULATOR_PORT}`;
