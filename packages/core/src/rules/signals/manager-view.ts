import { z } from 'zod';
import { parseInput, ReboundError } from '../../errors';
import { personSchema } from '../../records/person';
import { type PersonalSignals, personalSignalsSchema, type Signal } from './signal-schema';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A signal as a manager sees it: `explanation` is the manager's wording; the rep-facing text is left out. */
export type ManagerSignal = DistributiveOmit<Signal, 'explanationForManager'>;

export interface ManagerSignalView {
  personId: string;
  asOf: string;
  /** True when the rep turned on "share my signals with my managers". */
  consent: boolean;
  signals: ManagerSignal[];
}

const managerViewInputSchema = z.strictObject({ signals: personalSignalsSchema, person: personSchema });

/**
 * What a manager may see of a rep's signals: all of them when the rep turned on
 * `privacy.shareSignalsWithManagers`, otherwise only a request for support, which the rep made in order to be
 * heard. Pass the rep's current Person record, so a consent withdrawn a minute ago is honoured.
 */
export function signalsVisibleToManager(signals: PersonalSignals, person: unknown): ManagerSignalView {
  const input = parseInput(managerViewInputSchema, { signals, person });
  if (input.signals.personId !== input.person.id) {
    // Signals of one rep checked against another rep's consent would be a privacy leak, not a typo to forgive.
    throw new ReboundError('validation', 'error.validation', {
      fields: [{ path: 'person.id', messageKey: 'validation.invalid', params: {} }],
    });
  }
  const consent = input.person.privacy.shareSignalsWithManagers;
  const visible = input.signals.signals.filter((s) => consent || s.kind === 'asked-for-support');
  return {
    personId: input.signals.personId,
    asOf: input.signals.asOf,
    consent,
    signals: visible.map(({ explanation: _forRep, explanationForManager, ...rest }) => ({
      ...rest,
      explanation: explanationForManager,
    })) as ManagerSignal[],
  };
}
