import type { ConversationRef } from '@rebound/core';
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { ReboundAdapter } from '../http/adapter';
import { withSendContext } from './send-context';

/** Sends into a stored conversation (personal chat or team channel) outside any turn of its own. */
export interface ConversationSender {
  /** Posts a new message; resolves with the id Teams gave it (null when Teams gave none). */
  send(ref: ConversationRef, activity: Partial<Activity>): Promise<string | null>;
  /** Replaces a message posted earlier (a card taken back to its withdrawn form). */
  update(ref: ConversationRef, messageId: string, activity: Partial<Activity>): Promise<void>;
}

export function createConversationSender(adapter: ReboundAdapter, botAppId: string): ConversationSender {
  /**
   * Runs `work` in the conversation. Errors are caught inside the turn and rethrown here: otherwise the
   * adapter hands them to the turn error handler, which would apologise in the recipient's chat.
   */
  async function inConversation(ref: ConversationRef, work: (ctx: TurnContext) => Promise<void>): Promise<void> {
    let failure: unknown = null;
    const reference = JSON.parse(ref.reference) as Partial<ConversationReference>;
    // The send context tells the rate limiter whose budget every HTTP attempt of this send spends.
    await withSendContext({ tenantId: ref.tenantId, conversationId: ref.conversationId }, () =>
      adapter.continueConversationAsync(botAppId, reference, async (ctx) => {
        try {
          await work(ctx);
        } catch (err) {
          failure = err ?? new Error('send failed');
        }
      }),
    );
    if (failure) throw failure;
  }

  return {
    async send(ref, activity) {
      let id: string | null = null;
      await inConversation(ref, async (ctx) => {
        id = (await ctx.sendActivity(activity))?.id ?? null;
      });
      return id;
    },
    async update(ref, messageId, activity) {
      await inConversation(ref, async (ctx) => {
        await ctx.updateActivity({ ...activity, id: messageId });
      });
    },
  };
}
