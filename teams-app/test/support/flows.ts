import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PostResult, TestUser } from './bot-client';
import { cardOf, submission } from './cards';
import type { RunningBot } from './start-bot';

/** Writes an org chart to a fresh temporary file and returns its path (for `REBOUND_ORG_FILE`). */
export function writeOrgChart(chart: { teams: readonly Record<string, unknown>[] }): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'rebound-org-')), 'org.json');
  writeFileSync(file, JSON.stringify(chart));
  return file;
}

/**
 * Asks for the log form in the person's chat and submits it with `values`, as a Teams client would.
 * `beforeSubmit` runs once the form is there (to clear the connector's record, or make it refuse sends).
 */
export async function submitLog(
  bot: RunningBot,
  user: TestUser,
  values: Record<string, string>,
  options: { locale?: string; beforeSubmit?: () => void } = {},
): Promise<PostResult> {
  const locale = options.locale ?? 'en-US';
  await bot.client.message(user, locale.startsWith('ja') ? '記録' : 'log', { locale });
  const form = cardOf(bot.connector.messagesTo(bot.client.personalConversationId(user)).at(-1));
  options.beforeSubmit?.();
  return bot.client.action(user, 'log.submit', submission(form, 'log.submit', values), { locale });
}
