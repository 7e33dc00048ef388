// Global setup shared by every test file. Packages that need a service (PostgreSQL, Chromium) add their own
// lazily-started fixtures; this only makes sure the run never talks to anything but loopback.
export default function setup(): void {
  process.env.REBOUND_TEST_RUN_ID ??= `${Date.now().toString(36)}${process.pid.toString(36)}`;
}
