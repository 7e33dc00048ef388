import { type RawBuilder, sql } from 'kysely';
import type { SqlDialectName } from './config';
import { ROLLUP_COLUMNS, rollupSelect } from './rollup';
import type { Tables } from './tables';

export interface Migration {
  version: number;
  name: string;
  statements(t: Tables, dialect: SqlDialectName): RawBuilder<unknown>[];
}

/**
 * The schema, one step per version. Never edit a released step: add a new one. Each record is stored whole as
 * JSON in `data` (what was put comes back unchanged) beside the columns that queries filter, sort and count on.
 * Booleans are 0/1 integers in both dialects; instants are ISO strings in UTC, which sort as text.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    statements(t, dialect) {
      // PostgreSQL: byte-order collation for keys and instants, whatever the database's locale.
      const key = sql.raw(dialect === 'postgres' ? 'TEXT COLLATE "C"' : 'TEXT');
      const data = sql.raw('TEXT NOT NULL');
      const flag = sql.raw('INTEGER NOT NULL');
      const idx = (name: string, table: Parameters<Tables['t']>[0], columns: string[], unique = false) =>
        sql`CREATE ${sql.raw(unique ? 'UNIQUE INDEX' : 'INDEX')} ${t.index(name)} ON ${t.t(table)} (${sql.join(
          columns.map((c) => sql.id(c)),
        )})`;
      return [
        sql`CREATE TABLE ${t.t('persons')} (
          tenant_id ${key} NOT NULL, id ${key} NOT NULL, count_in_stats ${flag}, data ${data},
          PRIMARY KEY (tenant_id, id))`,
        sql`CREATE TABLE ${t.t('teams')} (
          tenant_id ${key} NOT NULL, id ${key} NOT NULL, data ${data}, PRIMARY KEY (tenant_id, id))`,
        sql`CREATE TABLE ${t.t('memberships')} (
          tenant_id ${key} NOT NULL, team_id ${key} NOT NULL, person_id ${key} NOT NULL, role ${key} NOT NULL,
          since ${key} NOT NULL, data ${data}, PRIMARY KEY (tenant_id, team_id, person_id))`,
        idx('memberships_person', 'memberships', ['tenant_id', 'person_id', 'team_id']),
        sql`CREATE TABLE ${t.t('assignments')} (
          tenant_id ${key} NOT NULL, id ${key} NOT NULL, rep_id ${key} NOT NULL, manager_id ${key} NOT NULL,
          status ${key} NOT NULL, requested_at ${key} NOT NULL, data ${data}, PRIMARY KEY (tenant_id, id))`,
        idx('assignments_rep', 'assignments', ['tenant_id', 'rep_id', 'requested_at']),
        idx('assignments_manager', 'assignments', ['tenant_id', 'manager_id', 'requested_at']),
        sql`CREATE TABLE ${t.t('logs')} (
          tenant_id ${key} NOT NULL, id ${key} NOT NULL, author_id ${key} NOT NULL, occurred_at ${key} NOT NULL,
          asked_why ${flag}, has_discovery ${flag}, follow_up ${flag}, reason ${key} NOT NULL,
          o_reopened ${flag}, o_won_later ${flag}, o_referral ${flag}, o_repeat ${flag}, o_closed ${flag},
          data ${data}, PRIMARY KEY (tenant_id, id))`,
        // Covers both listing a rep's logs and the insight counts, which then never touch the table itself.
        idx('logs_author', 'logs', [
          'tenant_id',
          'author_id',
          'occurred_at',
          'asked_why',
          'has_discovery',
          'follow_up',
          'reason',
          'o_reopened',
          'o_won_later',
          'o_referral',
          'o_repeat',
          'o_closed',
        ]),
        sql`CREATE TABLE ${t.t('outcomes')} (
          tenant_id ${key} NOT NULL, id ${key} NOT NULL, log_id ${key} NOT NULL, author_id ${key} NOT NULL,
          kind ${key} NOT NULL, recorded_at ${key} NOT NULL, data ${data}, PRIMARY KEY (tenant_id, id))`,
        idx('outcomes_log', 'outcomes', ['tenant_id', 'log_id', 'kind']),
        idx('outcomes_author', 'outcomes', ['tenant_id', 'author_id', 'recorded_at']),
        sql`CREATE TABLE ${t.t('check_ins')} (
          tenant_id ${key} NOT NULL, id ${key} NOT NULL, author_id ${key} NOT NULL, cadence ${key} NOT NULL,
          period_key ${key} NOT NULL, submitted_at ${key} NOT NULL, data ${data}, PRIMARY KEY (tenant_id, id))`,
        idx('check_ins_period', 'check_ins', ['tenant_id', 'author_id', 'cadence', 'period_key'], true),
        idx('check_ins_author', 'check_ins', ['tenant_id', 'author_id', 'submitted_at']),
        sql`CREATE TABLE ${t.t('shares')} (
          tenant_id ${key} NOT NULL, id ${key} NOT NULL, item_id ${key} NOT NULL, owner_id ${key} NOT NULL,
          shared_at ${key} NOT NULL, withdrawn ${flag}, data ${data}, PRIMARY KEY (tenant_id, id))`,
        idx('shares_item', 'shares', ['tenant_id', 'item_id']),
        idx('shares_owner', 'shares', ['tenant_id', 'owner_id', 'shared_at']),
        // Keyed by person first: "shares I can see" is the hot lookup (a manager's inbox).
        sql`CREATE TABLE ${t.t('share_audience')} (
          tenant_id ${key} NOT NULL, share_id ${key} NOT NULL, person_id ${key} NOT NULL,
          PRIMARY KEY (tenant_id, person_id, share_id))`,
        idx('share_audience_share', 'share_audience', ['tenant_id', 'share_id']),
        sql`CREATE TABLE ${t.t('replies')} (
          tenant_id ${key} NOT NULL, id ${key} NOT NULL, manager_id ${key} NOT NULL, rep_id ${key} NOT NULL,
          item_id ${key} NOT NULL, sent_at ${key} NOT NULL, data ${data}, PRIMARY KEY (tenant_id, id))`,
        idx('replies_rep', 'replies', ['tenant_id', 'rep_id', 'sent_at']),
        idx('replies_manager', 'replies', ['tenant_id', 'manager_id', 'sent_at']),
        idx('replies_item', 'replies', ['tenant_id', 'item_id']),
        sql`CREATE TABLE ${t.t('schedules')} (
          tenant_id ${key} NOT NULL, person_id ${key} NOT NULL, enabled ${flag}, data ${data},
          PRIMARY KEY (tenant_id, person_id))`,
        idx('schedules_enabled', 'schedules', ['enabled', 'tenant_id', 'person_id']),
        sql`CREATE TABLE ${t.t('conversation_refs')} (
          tenant_id ${key} NOT NULL, id ${key} NOT NULL, person_id ${key}, team_id ${key},
          conversation_id ${key} NOT NULL, active ${flag}, updated_at ${key} NOT NULL, data ${data},
          PRIMARY KEY (tenant_id, id))`,
        idx('conversation_refs_person', 'conversation_refs', ['tenant_id', 'person_id']),
        idx('conversation_refs_team', 'conversation_refs', ['tenant_id', 'team_id']),
        idx('conversation_refs_conversation', 'conversation_refs', ['tenant_id', 'conversation_id']),
        sql`CREATE TABLE ${t.t('deliveries')} (
          tenant_id ${key} NOT NULL, id ${key} NOT NULL, key ${key} NOT NULL, kind ${key} NOT NULL,
          status ${key} NOT NULL, recipient_id ${key}, team_id ${key}, item_id ${key}, owner_id ${key},
          created_at ${key} NOT NULL, data ${data}, PRIMARY KEY (tenant_id, id))`,
        idx('deliveries_key', 'deliveries', ['tenant_id', 'key'], true),
        idx('deliveries_item', 'deliveries', ['tenant_id', 'item_id']),
        idx('deliveries_owner', 'deliveries', ['tenant_id', 'owner_id']),
        idx('deliveries_recipient', 'deliveries', ['tenant_id', 'recipient_id']),
        idx('deliveries_team', 'deliveries', ['tenant_id', 'team_id']),
        idx('deliveries_status', 'deliveries', ['tenant_id', 'status', 'kind']),
      ];
    },
  },
  {
    version: 2,
    name: 'monthly log counts per author',
    statements(t, dialect) {
      const key = sql.raw(dialect === 'postgres' ? 'TEXT COLLATE "C"' : 'TEXT');
      const counts = ROLLUP_COLUMNS.map((c) => sql`${sql.id(c)} INTEGER NOT NULL`);
      return [
        sql`CREATE TABLE ${t.t('log_months')} (
          tenant_id ${key} NOT NULL, author_id ${key} NOT NULL, month ${key} NOT NULL, ${sql.join(counts)},
          PRIMARY KEY (tenant_id, author_id, month))`,
        // Existing logs are counted in once; from here on every write keeps the counts in step.
        sql`INSERT INTO ${t.t('log_months')} (tenant_id, author_id, month, ${sql.join(ROLLUP_COLUMNS.map((c) => sql.id(c)))})
          ${rollupSelect(t.t('logs'), 1, sql`1 = 1`)}`,
      ];
    },
  },
  {
    version: 3,
    name: 'scheduler scans: delivery subject, anonymity and due time; next-step due dates',
    statements(t, dialect) {
      const key = sql.raw(dialect === 'postgres' ? 'TEXT COLLATE "C"' : 'TEXT');
      const pg = dialect === 'postgres';
      // Reads a field of the stored JSON (text, or NULL when absent).
      const field = (path: string[]) =>
        pg ? sql`(data::jsonb #>> ${`{${path.join(',')}}`})` : sql`json_extract(data, ${`$.${path.join('.')}`})`;
      const deliveries = t.t('deliveries');
      // Rows written before v3 kept anonymity in `periodKey: 'anonymous'`: give them the two new fields.
      const anonymous = sql`(${field(['periodKey'])} = 'anonymous')`;
      const fill = pg
        ? sql`(data::jsonb || jsonb_build_object('subjectId', NULL, 'anonymous', COALESCE(${anonymous}, false),
            'periodKey', CASE WHEN ${anonymous} THEN NULL ELSE data::jsonb -> 'periodKey' END))::text`
        : sql`json_set(data, '$.subjectId', NULL, '$.anonymous',
            json(CASE WHEN COALESCE(${anonymous}, 0) THEN 'true' ELSE 'false' END),
            '$.periodKey', CASE WHEN COALESCE(${anonymous}, 0) THEN NULL ELSE ${field(['periodKey'])} END)`;
      return [
        sql`ALTER TABLE ${deliveries} ADD COLUMN subject_id ${key}`,
        sql`ALTER TABLE ${deliveries} ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0`,
        sql`ALTER TABLE ${deliveries} ADD COLUMN due_at ${key}`,
        sql`UPDATE ${deliveries} SET data = ${fill} WHERE ${field(['anonymous'])} IS NULL`,
        sql`UPDATE ${deliveries} SET due_at = ${field(['dueAt'])}, anonymous = CASE WHEN ${field(['anonymous'])} = ${
          pg ? sql`'true'` : sql`1`
        } THEN 1 ELSE 0 END`,
        // The queue's due scan and the reminder scan, across tenants.
        sql`CREATE INDEX ${t.index('deliveries_due')} ON ${deliveries} (status, due_at, id, tenant_id)`,
        sql`ALTER TABLE ${t.t('logs')} ADD COLUMN next_step_due ${key}`,
        sql`UPDATE ${t.t('logs')} SET next_step_due = ${field(['nextStep', 'dueDate'])}
          WHERE ${field(['nextStep', 'dueDate'])} IS NOT NULL`,
        // Partial: only logs with a due date are indexed, so writing the other logs costs nothing more.
        sql`CREATE INDEX ${t.index('logs_next_step_due')} ON ${t.t('logs')} (next_step_due, tenant_id, id)
          WHERE next_step_due IS NOT NULL`,
      ];
    },
  },
  {
    version: 4,
    name: 'idempotency records: answers kept per person, operation and key',
    statements(t, dialect) {
      const key = sql.raw(dialect === 'postgres' ? 'TEXT COLLATE "C"' : 'TEXT');
      const records = t.t('idempotency_records');
      return [
        // The primary key also serves erasing a person (its first two columns).
        sql`CREATE TABLE ${records} (
          tenant_id ${key} NOT NULL, person_id ${key} NOT NULL, operation ${key} NOT NULL, key ${key} NOT NULL,
          created_at ${key} NOT NULL, result TEXT NOT NULL,
          PRIMARY KEY (tenant_id, person_id, operation, key))`,
        // Forgetting old records, across tenants.
        sql`CREATE INDEX ${t.index('idempotency_records_created')} ON ${records} (created_at)`,
      ];
    },
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
