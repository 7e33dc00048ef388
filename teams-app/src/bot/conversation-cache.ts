/**
 * Which conversations this process already stored (with which serviceUrl), so a turn does not rewrite an
 * unchanged reference. Forget a conversation whenever it is deactivated, so the next message stores it again.
 */
export class ConversationCache {
  private readonly saved = new Map<string, string>();

  constructor(private readonly limit = 5000) {}

  has(key: string, fingerprint: string): boolean {
    return this.saved.get(key) === fingerprint;
  }

  remember(key: string, fingerprint: string): void {
    // A cache, not a registry: bounded so that a bot serving many people does not grow without end.
    if (this.saved.size >= this.limit) this.saved.clear();
    this.saved.set(key, fingerprint);
  }

  forget(conversationId: string): void {
    for (const key of this.saved.keys()) if (key.includes(`|${conversationId}|`)) this.saved.delete(key);
  }
}
