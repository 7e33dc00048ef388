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
import type { Turn } from '../turn';

/** The form lists at most this many people (the card's own limit). */
const MAX_CANDIDATES = 100;

/**
 * Whom a rep can name as their manager: the people of the tenant's teams (org chart or roster) who have used
 * Rebound (so there is a name to show and a chat to reach), except the rep and the managers they already have
 * or already asked. The Store has no tenant-wide list of people, so someone in no team is not offered.
 */
async function candidates(turn: Turn): Promise<{ id: string; name: string }[]> {
  const { store } = turn.deps;
  const { tenantId, personId } = turn.actor;
  const teams = await store.listTeams(tenantId);
  const members = await Promise.all(teams.map((t) => store.listMemberships(tenantId, { teamId: t.id })));
  const taken = new Set(
    (await store.listAssignments(tenantId, { repId: personId }))
      .filter((a) => a.status === 'pending' || a.status === 'accepted')
      .map((a) => a.managerId),
  );
  taken.add(personId);
  const ids = [...new Set(members.flat().map((m) => m.personId))].filter((id) => !taken.has(id));
  const people = await Promise.all(ids.map((id) => store.getPerson(tenantId, id)));
  return people
    .flatMap((p) => (p ? [{ id: p.id, name: p.displayName }] : []))
    .sort((a, b) => a.name.localeCompare(b.name, turn.locale))
    .slice(0, MAX_CANDIDATES);
}

/** `managerRequest.open`: the form to name a manager. */
export async function requestForm(turn: Turn): Promise<AdaptiveCardJson> {
  return managerRequestFormCard({ locale: turn.locale, candidates: await candidates(turn) });
}

/** `managerRequest.send`: core records the request; the named person gets the card to accept or decline. */
export async function sendRequest(turn: Turn, data: Submitted, deliver: Deliverer): Promise<AdaptiveCardJson | string> {
  const parsed = parseManagerRequest(data);
  if (!parsed.ok) return errorCardFor(parsed.error, turn.locale);
  const { notification } = await turn.deps.rebound.requestManager(turn.actor, parsed.value);
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
  const { assignment } = await turn.deps.rebound.answerManagerRequest(turn.actor, parsed.value);
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
