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

/** Where a card button was pressed. */
export interface CardActionOptions {
  locale?: string;
  /** The message holding the card (default `card-1`, as Teams always sets one); `null` leaves it out. */
  replyToId?: string | null;
  /** Pressed on a card in this team's general channel instead of the person's chat. */
  teamsTeamId?: string;
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

  /**
   * An Adaptive Card Action.Execute, as Teams sends it when a card button is pressed. `replyToId` is the message
   * holding the card (`null`: none given).
   */
  action(user: TestUser, verb: string, data: Record<string, unknown>, options: CardActionOptions = {}) {
    const replyToId = options.replyToId === undefined ? 'card-1' : options.replyToId;
    const activity = this.base(user, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      locale: options.locale ?? 'en-US',
      ...(replyToId === null ? {} : { replyToId }),
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
    return this.post(options.teamsTeamId ? this.inChannel(activity, options.teamsTeamId) : activity);
  }

  /**
   * The Action.Submit fallback of a card button, as Teams sends it: a message with the button's data and the
   * card's inputs in `value` (the verb among them), and no text.
   */
  submit(user: TestUser, verb: string, data: Record<string, unknown>, options: CardActionOptions = {}) {
    const replyToId = options.replyToId === undefined ? 'card-1' : options.replyToId;
    const activity = this.base(user, {
      type: 'message',
      locale: options.locale ?? 'en-US',
      ...(replyToId === null ? {} : { replyToId }),
      value: { ...data, verb },
    });
    return this.post(options.teamsTeamId ? this.inChannel(activity, options.teamsTeamId) : activity);
  }

  /** A message in a team channel where the bot is installed. */
  channelMessage(user: TestUser, teamsTeamId: string, text: string) {
    return this.post(this.inChannel(this.base(user, { type: 'message', text }), teamsTeamId));
  }

  /** The activity, moved to the general channel of a team. */
  // biome-ignore lint/suspicious/noExplicitAny: activities are free-form JSON on the wire
  private inChannel(activity: Record<string, any>, teamsTeamId: string): Record<string, any> {
    activity.conversation = {
      id: this.channelConversationId(teamsTeamId),
      conversationType: 'channel',
      tenantId: this.tenantId,
    };
    activity.channelData = {
      tenant: { id: this.tenantId },
      team: { id: teamsTeamId },
      channel: { id: this.channelConversationId(teamsTeamId) },
    };
    return activity;
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
