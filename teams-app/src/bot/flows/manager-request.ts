import {
  type AdaptiveCardJson,
  errorCardFor,
  managerRequestDecidedCard,
  managerRequestFormCard,
  parseManagerDecision,
  parseManagerRequest,
  type Submitted,
} from '@rebound/cards';
import { resolveLocale } from '@rebound/core';
import type { Deliverer } from '../delivery';
import { say } from '../reply';
import { cardActivity } from '../respond';
import { once, type Turn } from '../turn';

/** The form lists at most this many people (the card's own limit). */
const MAX_CANDIDATES = 100;

/** Whom the rep can name (core decides), in the reader's alphabetical order. */
async function candidates(turn: Turn): Promise<{ id: string; name: string }[]> {
  const people = await turn.deps.rebound.managerCandidates(turn.actor, { limit: MAX_CANDIDATES });
  return people
    .map((p) => ({ id: p.id, name: p.displayName }))
    .sort((a, b) => a.name.localeCompare(b.name, turn.locale));
}

/** `managerRequest.open`: the form to name a manager. */
export async function requestForm(turn: Turn): Promise<AdaptiveCardJson> {
  return managerRequestFormCard({ locale: turn.locale, candidates: await candidates(turn) });
}

/** `managerRequest.send`: core records the request; the named person gets the card to accept or decline. */
export async function sendRequest(turn: Turn, data: Submitted, deliver: Deliverer): Promise<AdaptiveCardJson | string> {
  const parsed = parseManagerRequest(data);
  if (!parsed.ok) return errorCardFor(parsed.error, turn.locale);
  const { notification } = await turn.deps.rebound.requestManager(turn.actor, { ...parsed.value, ...once(turn) });
  await deliver.notifications(turn.actor.tenantId, [notification]);
  const manager = await turn.deps.store.getPerson(turn.actor.tenantId, parsed.value.managerId);
  return say(turn.locale, 'managerRequest.sent', { name: manager?.displayName ?? '—' });
}

/**
 * `managerRequest.accept` / `managerRequest.decline`: only the named manager can answer (core says so). Their
 * card turns into the decision; the rep hears about it in their own language.
 */
export async function answerRequest(turn: Turn, data: Submitted, deliver: Deliverer): Promise<AdaptiveCardJson> {
  const parsed = parseManagerDecision(data);
  if (!parsed.ok) return errorCardFor(parsed.error, turn.locale);
  const { assignment } = await turn.deps.rebound.answerManagerRequest(turn.actor, { ...parsed.value, ...once(turn) });
  const { tenantId } = turn.actor;
  const rep = await turn.deps.store.getPerson(tenantId, assignment.repId);
  const status = assignment.status === 'accepted' ? 'accepted' : 'declined';
  if (rep) {
    const locale = resolveLocale(rep.language, rep.clientLocale);
    const toRep = managerRequestDecidedCard({
      locale,
      assignmentId: assignment.id,
      status,
      viewer: 'rep',
      otherName: turn.person.displayName,
    });
    await deliver.direct(tenantId, rep.id, cardActivity(toRep));
  }
  return managerRequestDecidedCard({
    locale: turn.locale,
    assignmentId: assignment.id,
    status,
    viewer: 'manager',
    otherName: rep?.displayName ?? '—',
  });
}
