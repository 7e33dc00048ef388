import type { PlaygroundUser } from './playground';

/** The local demo's people. `teams-app/dev/demo-org.json` links the manager to these reps. */
export const DEMO_TENANT_ID = 'rebound-demo-tenant';

export const DEMO_REP: PlaygroundUser = {
  id: 'user-aoi',
  name: 'Aoi Tanaka',
  aadObjectId: 'a0000000-0000-4000-8000-000000000001',
};
export const DEMO_MANAGER: PlaygroundUser = {
  id: 'user-ken',
  name: 'Ken Sato',
  aadObjectId: 'b0000000-0000-4000-8000-000000000001',
};
export const DEMO_OTHER_REPS: PlaygroundUser[] = [
  { id: 'user-mei', name: 'Mei Suzuki', aadObjectId: 'a0000000-0000-4000-8000-000000000002' },
  { id: 'user-riku', name: 'Riku Ito', aadObjectId: 'a0000000-0000-4000-8000-000000000003' },
  { id: 'user-sam', name: 'Sam Carter', aadObjectId: 'a0000000-0000-4000-8000-000000000004' },
  { id: 'user-yui', name: 'Yui Nakamura', aadObjectId: 'a0000000-0000-4000-8000-000000000005' },
];
