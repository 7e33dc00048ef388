import { randomUUID } from 'node:crypto';

export interface TestUser {
  aadObjectId: string;
  name: string;
  /** Teams user id (`29:...`). */
  id: string;
}

export function testUser(name: string): TestUser {
  const aad = randomUUID();
  return { aadObjectId: aad, name, id: `29:${aad}` };
}

export interface PostResult {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: response JSON as the bot answered it
  body: any;
  text: string;
}

/** Posts real Bot Framework activities to the running bot over HTTP, as Teams would. */
export class BotClient {
  readonly botId = '28:rebound-test-bot';
  constructor(
    readonly botUrl: string,
    readonly serviceUrl: string,
    readonly tenantId = 'tenant-test',
    private readonly authorization: () => string | undefined = () => undefined,
  ) {}

  personalConversationId(user: TestUser): string {
    return `a:personal-${user.aadObjectId}`;
  }

  // biome-ignore lint/suspicious/noExplicitAny: activities are free-form JSON on the wire
  base(user: TestUser, extra: Record<string, any> = {}): Record<string, any> {
    return {
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: this.serviceUrl,
      timestamp: new Date().toISOString(),
      locale: 'en-US',
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      recipient: { id: this.botId, name: 'Rebound' },
      conversation: { id: this.personalConversationId(user), conversationType: 'personal', tenantId: this.tenantId },
      channelData: { tenant: { id: this.tenantId } },
      ...extra,
    };
  }

  async post(activity: unknown, headers: Record<string, string> = {}): Promise<PostResult> {
    const auth = this.authorization();
    const res = await fetch(`${this.botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}), ...headers },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    return { status: res.status, body, text };
  }

  message(user: TestUser, text: string, options: { locale?: string } = {}): Promise<PostResult> {
    return this.post(this.base(user, { type: 'message', text, locale: options.locale ?? 'en-US' }));
  }

  /** An Adaptive Card Action.Execute, as Teams sends it when a card button is pressed. */
  action(
    user: TestUser,
    verb: string,
    data: Record<string, unknown>,
    options: { locale?: string; replyToId?: string } = {},
  ) {
    return this.post(
      this.base(user, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        locale: options.locale ?? 'en-US',
        replyToId: options.replyToId ?? 'card-1',
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      }),
    );
  }

  /** A message in a team channel where the bot is installed. */
  channelMessage(user: TestUser, teamsTeamId: string, text: string) {
    const activity = this.base(user, { type: 'message', text });
    activity.conversation = {
      id: `19:${teamsTeamId}-general@thread.tacv2`,
      conversationType: 'channel',
      tenantId: this.tenantId,
    };
    activity.channelData = {
      tenant: { id: this.tenantId },
      team: { id: teamsTeamId },
      channel: { id: `19:${teamsTeamId}-general@thread.tacv2` },
    };
    return this.post(activity);
  }

  channelConversationId(teamsTeamId: string): string {
    return `19:${teamsTeamId}-general@thread.tacv2`;
  }

  installationUpdate(user: TestUser, action: 'add' | 'remove', options: { locale?: string } = {}) {
    return this.post(this.base(user, { type: 'installationUpdate', action, locale: options.locale ?? 'en-US' }));
  }

  /** The bot was added to (or removed from) the user's personal chat. */
  conversationUpdate(user: TestUser, change: 'membersAdded' | 'membersRemoved', options: { locale?: string } = {}) {
    return this.post(
      this.base(user, {
        type: 'conversationUpdate',
        locale: options.locale ?? 'en-US',
        [change]: [{ id: this.botId }],
      }),
    );
  }
}
