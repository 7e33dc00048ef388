import { describe, expect, it } from 'vitest';
import { as, TENANT, tokyoWorld } from './test-world';

const channel = (conversationId: string) => ({
  kind: 'channel' as const,
  teamId: 'tokyo',
  conversationId,
  serviceUrl: 'https://smba.example.test/',
  reference: '{}',
});

async function storyChannelOf(rebound: Awaited<ReturnType<typeof tokyoWorld>>['rebound']) {
  return (await rebound.host.conversationFor(TENANT, { teamId: 'tokyo' }))?.conversationId ?? null;
}

describe('the team’s story channel', () => {
  it('is the first channel heard from, and a message from another channel of the team does not move it', async () => {
    const { rebound } = await tokyoWorld();
    await rebound.host.saveConversation(TENANT, channel('19:general'));
    await rebound.host.saveConversation(TENANT, channel('19:random'));
    await rebound.host.saveConversation(TENANT, channel('19:random'));
    expect(await storyChannelOf(rebound)).toBe('19:general');
  });

  it('moves when a manager of the team asks from another channel, and only then', async () => {
    const { rebound } = await tokyoWorld();
    await rebound.host.saveConversation(TENANT, channel('19:general'));
    await rebound.host.saveConversation(TENANT, channel('19:stories'));
    const moved = await rebound.chooseStoryChannel(as('mgr'), { conversationId: '19:stories' });
    expect(moved.changed).toBe(true);
    expect(await storyChannelOf(rebound)).toBe('19:stories');
    await rebound.host.saveConversation(TENANT, channel('19:general'));
    expect(await storyChannelOf(rebound)).toBe('19:stories');
    expect((await rebound.chooseStoryChannel(as('mgr'), { conversationId: '19:stories' })).changed).toBe(false);
  });

  it('cannot be moved by a rep, a manager of another team, or from a personal chat', async () => {
    const { rebound } = await tokyoWorld();
    await rebound.host.saveConversation(TENANT, channel('19:general'));
    await rebound.host.saveConversation(TENANT, channel('19:random'));
    for (const person of ['rep', 'otherMgr']) {
      await expect(rebound.chooseStoryChannel(as(person), { conversationId: '19:random' })).rejects.toMatchObject({
        code: 'forbidden',
        params: { who: 'team-manager' },
      });
    }
    await rebound.host.saveConversation(TENANT, {
      kind: 'personal',
      personId: 'mgr',
      conversationId: 'a:mgr-chat',
      serviceUrl: 'https://smba.example.test/',
      reference: '{}',
    });
    const personal = await rebound.chooseStoryChannel(as('mgr'), { conversationId: 'a:mgr-chat' }).catch((e) => e);
    expect(personal).toMatchObject({ code: 'validation', messageKey: 'error.story-channel.not-a-channel' });
    expect(personal.localize('ja').message).toBe('断られ話を投稿したいチームのチャネルで送ってください。');
    await expect(rebound.chooseStoryChannel(as('mgr'), { conversationId: '19:unknown' })).rejects.toMatchObject({
      code: 'validation',
    });
    expect(await storyChannelOf(rebound)).toBe('19:general');
  });

  it('is taken over by the next channel heard from once the bot can no longer post to it', async () => {
    const { rebound } = await tokyoWorld();
    await rebound.host.saveConversation(TENANT, channel('19:general'));
    await rebound.host.deactivateConversation(TENANT, '19:general');
    await rebound.host.saveConversation(TENANT, channel('19:random'));
    expect(await storyChannelOf(rebound)).toBe('19:random');
  });
});
