import { z } from 'zod';
import { teamRoleSchema } from './enums';
import { LIMITS } from './person';
import { idSchema, instantSchema, localTimeSchema, tenantIdSchema, text, timeZoneSchema } from './primitives';

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export const weekdaySchema = z.number().int().min(1).max(7);

export const teamSchema = z.strictObject({
  tenantId: tenantIdSchema,
  id: idSchema,
  name: text(LIMITS.teamName),
  timeZone: timeZoneSchema,
  digestDay: weekdaySchema.default(5),
  digestTime: localTimeSchema.default('16:00'),
  /** First month (1-12) of the fiscal year; April by default, as in most Japanese companies. */
  fiscalYearStartMonth: z.number().int().min(1).max(12).default(4),
  /** The Teams team this team is linked to (org chart `teamsTeamId`), if any. */
  teamsTeamId: idSchema.nullable().default(null),
  /** Conversation reference of the channel where the bot was installed, if any. */
  channelConversationRefId: idSchema.nullable().default(null),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Team = z.infer<typeof teamSchema>;

export const MEMBERSHIP_SOURCES = ['org-chart', 'assignment', 'roster', 'api'] as const;

export const membershipSchema = z.strictObject({
  tenantId: tenantIdSchema,
  teamId: idSchema,
  personId: idSchema,
  role: teamRoleSchema,
  source: z.enum(MEMBERSHIP_SOURCES),
  since: instantSchema,
});
export type Membership = z.infer<typeof membershipSchema>;

export const ASSIGNMENT_STATUSES = ['pending', 'accepted', 'declined', 'ended'] as const;

/** A rep names a manager; the manager accepts. Accepted assignments make a manager in addition to teams. */
export const managerAssignmentSchema = z.strictObject({
  tenantId: tenantIdSchema,
  id: idSchema,
  repId: idSchema,
  managerId: idSchema,
  status: z.enum(ASSIGNMENT_STATUSES),
  requestedAt: instantSchema,
  decidedAt: instantSchema.nullable(),
});
export type ManagerAssignment = z.infer<typeof managerAssignmentSchema>;
