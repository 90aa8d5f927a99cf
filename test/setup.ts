/**
 * Every test file runs as the kiosk does: `src/cli.tsx` clears CI before anything loads Ink (Ink
 * draws only the last frame when it thinks it runs in CI), so tests that render Ink clear it too.
 */
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
