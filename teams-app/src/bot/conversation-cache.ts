import { BoundedMap } from '@rebound/core';

/** A conversation as a turn saw it: which tenant, which chat or channel, and who wrote (none in a channel). */
export interface SeenConversation {
  tenantId: string;
  conversationId: string;
  personId: string | null;
}

const keyOf = (c: SeenConversation) => JSON.stringify([c.tenantId, c.conversationId, c.personId ?? '']);

/**
 * Which conversations this process already stored (with which serviceUrl), so a turn does not rewrite an
 * unchanged reference. Forget a conversation whenever it is deactivated, and a person whenever they erase
 * their data (their references went with it), so the next message stores it again. Bounded: past `limit`
 * entries the oldest is forgotten (then stored again on its next message, which costs one write).
 */
export class ConversationCache {
  private readonly saved: BoundedMap<string, { seen: SeenConversation; fingerprint: string }>;

  constructor(limit = 5000) {
    this.saved = new BoundedMap(limit);
  }

  get size(): number {
    return this.saved.size;
  }

  has(conversation: SeenConversation, fingerprint: string): boolean {
    return this.saved.get(keyOf(conversation))?.fingerprint === fingerprint;
  }

  remember(conversation: SeenConversation, fingerprint: string): void {
    this.saved.set(keyOf(conversation), { seen: { ...conversation }, fingerprint });
  }

  /** Every entry of a conversation (all its writers). */
  forget(conversationId: string): void {
    this.forgetWhere((c) => c.conversationId === conversationId);
  }

  /** Every conversation a person wrote from, in their tenant. */
  forgetPerson(tenantId: string, personId: string): void {
    this.forgetWhere((c) => c.tenantId === tenantId && c.personId === personId);
  }

  private forgetWhere(matches: (c: SeenConversation) => boolean): void {
    for (const key of [...this.saved.keys()]) {
      const entry = this.saved.get(key);
      if (entry && matches(entry.seen)) this.saved.delete(key);
    }
  }
}
