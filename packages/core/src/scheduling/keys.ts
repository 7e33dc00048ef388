import type { DeliveryKind } from '../records/delivery';

/**
 * The unique delivery key of a scheduled send: `<kind>:<part>:<part>...`. The store's `createDelivery`
 * refuses a second delivery with the same key, which is what keeps a period from being scheduled twice.
 * Parts are joined as they are; tenant ids (GUIDs) hold no colon, so keys stay unambiguous.
 */
export function scheduledDeliveryKey(kind: DeliveryKind, ...parts: string[]): string {
  return [kind, ...parts].join(':');
}
