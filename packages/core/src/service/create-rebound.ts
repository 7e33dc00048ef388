import { z } from 'zod';
import { parseInput } from '../errors';
import { privacyConfigSchema } from '../privacy/policy';
import { idSchema } from '../records/primitives';
import type { Store } from '../store/port';
import type { ServiceContext, SupportContact } from './context';
import { dataRightsUseCases, erasePerson } from './data-rights';
import { type Catalogs, guidanceUseCases } from './guidance';
import { hostOperations } from './host';
import { itemUseCases } from './items';
import { peopleUseCases, syncOrgChart } from './people';
import { schedulerOperations } from './scheduler';
import { storyChannelUseCases } from './story-channel';
import { viewUseCases } from './views';

export const supportContactSchema = z.strictObject({
  kind: z.enum(['manager', 'hr', 'eap', 'occupational-physician', 'other']),
  name: z.string().trim().min(1).max(100),
  contact: z.string().trim().min(1).max(300),
});

export interface ReboundOptions {
  store: Store;
  /** The current time. Injected so that core reads no clock of its own (tests, replays, other runtimes). */
  clock: () => Date;
  /** A new unique, opaque id per call (for example `() => crypto.randomUUID()`). */
  ids: () => string;
  /** `{ k }`: the fewest people a team figure may be built from (default 5, never below 3). */
  privacy?: { k?: number };
  /** Shown at once to a rep who asks for support. */
  supportContacts?: SupportContact[];
  /** Your own reflection prompts and reply templates, in place of the defaults (see `extendPromptCatalog`). */
  catalogs?: Catalogs;
}

const optionsSchema = z.object({
  privacy: privacyConfigSchema,
  supportContacts: z.array(supportContactSchema).max(20).default([]),
});

/**
 * The Rebound service: every use case, each the only way in. Each takes the acting person first
 * (`{ tenantId, personId }`, the authenticated sender, never an id from a payload) and enforces the privacy
 * policy itself, so callers never filter.
 */
export function createRebound(options: ReboundOptions) {
  const { privacy, supportContacts } = parseInput(optionsSchema, {
    privacy: options.privacy ?? {},
    supportContacts: options.supportContacts,
  });
  const ctx: ServiceContext = {
    store: options.store,
    now: () => options.clock().toISOString(),
    // The one value core takes unchecked from its embedder on every write: make sure it is a usable id.
    newId: () => parseInput(idSchema, options.ids()),
    privacy,
    supportContacts,
  };
  return {
    ...peopleUseCases(ctx),
    ...itemUseCases(ctx),
    ...viewUseCases(ctx),
    ...dataRightsUseCases(ctx),
    ...guidanceUseCases(ctx, options.catalogs ?? {}),
    ...storyChannelUseCases(ctx),
    /** Operations for the delivering host (the bot); not for people. */
    host: hostOperations(ctx),
    /**
     * The scheduler: `plan({ now?, lookbackHours? })` writes one pending delivery per due check-in, check-in
     * reminder, next-step reminder and digest. Run it on a timer (every minute or so); it never plans twice.
     */
    scheduler: schedulerOperations(ctx),
    /** Administrative operations; the host decides who may call them. */
    admin: {
      syncOrgChart: (tenantId: unknown, chart: unknown) => syncOrgChart(ctx, tenantId, chart),
      erasePerson: (tenantId: unknown, personId: unknown) => erasePerson(ctx, tenantId, personId),
    },
    /** The privacy threshold in force. */
    privacy,
  };
}

export type Rebound = ReturnType<typeof createRebound>;
