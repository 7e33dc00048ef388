import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the connector. */
export interface ConnectorCall {
  kind: 'send' | 'reply' | 'update' | 'delete' | 'create-conversation' | 'members' | 'other';
  method: string;
  path: string;
  conversationId: string | null;
  activityId: string | null;
  authorization: string | null;
  // biome-ignore lint/suspicious/noExplicitAny: recorded JSON as the bot sent it
  body: any;
  status: number;
}

export interface Member {
  id: string;
  name: string;
  aadObjectId: string;
  userRole?: string;
}

/**
 * A local Bot Framework connector on 127.0.0.1 that records everything the bot sends. Roster calls are
 * answered from `members`; `respondWith` makes the next calls answer with a chosen status (429, 403...).
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  members: Member[] = [];
  private queuedStatuses: number[] = [];
  private nextId = 1;
  private server = createServer((req, res) => void this.handle(req, res));
  url = '';

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `count` calls answer `status` with an error body. */
  respondWith(status: number, count = 1): void {
    for (let i = 0; i < count; i++) this.queuedStatuses.push(status);
  }

  clear(): void {
    this.calls.length = 0;
  }

  /** Messages (sends and replies) sent into one conversation, in order. */
  messagesTo(conversationId: string): ConnectorCall[] {
    return this.calls.filter(
      (c) =>
        (c.kind === 'send' || c.kind === 'reply') && c.conversationId === conversationId && c.body?.type === 'message',
    );
  }

  /** Texts of the plain-text messages (not cards) sent into one conversation. */
  textsTo(conversationId: string): string[] {
    return this.messagesTo(conversationId)
      .filter((c) => !c.body?.attachments?.length)
      .map((c) => String(c.body?.text ?? ''));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      body = raw;
    }
    const path = (req.url ?? '').split('?')[0] ?? '';
    const method = req.method ?? 'GET';
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    // v3/conversations/{conversationId}/activities/{activityId}
    const conversationId = parts[0] === 'v3' && parts[1] === 'conversations' ? (parts[2] ?? null) : null;
    const activityId = parts[3] === 'activities' ? (parts[4] ?? null) : null;
    let kind: ConnectorCall['kind'] = 'other';
    if (method === 'POST' && parts.length === 2 && parts[1] === 'conversations') kind = 'create-conversation';
    else if (parts[3] === 'activities' && method === 'POST') kind = activityId ? 'reply' : 'send';
    else if (parts[3] === 'activities' && method === 'PUT') kind = 'update';
    else if (parts[3] === 'activities' && method === 'DELETE') kind = 'delete';
    else if (parts[3] === 'members' || parts[3] === 'pagedmembers') kind = 'members';

    const status = this.queuedStatuses.shift() ?? 200;
    this.calls.push({
      kind,
      method,
      path,
      conversationId,
      activityId,
      authorization: req.headers.authorization ?? null,
      body,
      status,
    });
    res.setHeader('content-type', 'application/json');
    if (status >= 400) {
      res.statusCode = status;
      res.end(JSON.stringify({ error: { code: 'Fake', message: `fake status ${status}` } }));
      return;
    }
    res.statusCode = kind === 'create-conversation' ? 201 : 200;
    if (kind === 'members') {
      if (parts[3] === 'pagedmembers') res.end(JSON.stringify({ members: this.members }));
      else if (parts[4])
        res.end(JSON.stringify(this.members.find((m) => m.id === parts[4] || m.aadObjectId === parts[4]) ?? {}));
      else res.end(JSON.stringify(this.members));
      return;
    }
    if (kind === 'create-conversation') {
      res.end(JSON.stringify({ id: `a:created-${this.nextId++}` }));
      return;
    }
    res.end(JSON.stringify({ id: activityId && kind === 'update' ? activityId : `act-${this.nextId++}` }));
  }
}
