import { BoundedMap } from '@rebound/core';
import { Template } from 'adaptivecards-templating';

/** An expanded Adaptive Card, ready to send. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  version: '1.5';
  body: unknown[];
  actions?: unknown[];
  [key: string]: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Every `Action.Execute` gets an `Action.Submit` fallback for hosts older than 1.4: same title, and data that
 * carries the verb, so one handler reads both (`data.action` is the stable name either way).
 */
function addSubmitFallbacks(node: Json): Json {
  if (Array.isArray(node)) return node.map(addSubmitFallbacks);
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  // A refresh action is invoked by the host, never shown: it takes no fallback.
  for (const [key, value] of Object.entries(node)) out[key] = key === 'refresh' ? value : addSubmitFallbacks(value);
  if (out.type === 'Action.Execute' && out.fallback === undefined) {
    const data = (out.data ?? {}) as { [key: string]: Json };
    out.fallback = {
      type: 'Action.Submit',
      title: out.title ?? '',
      ...(out.style === undefined ? {} : { style: out.style }),
      ...(out.associatedInputs === undefined ? {} : { associatedInputs: out.associatedInputs }),
      data: { ...data, verb: out.verb ?? '' },
    };
  }
  return out;
}

function deepFreeze(node: Json): Json {
  if (node !== null && typeof node === 'object' && !Object.isFrozen(node)) {
    for (const child of Object.values(node)) deepFreeze(child);
    Object.freeze(node);
  }
  return node;
}

/** A deep copy of JSON data (plain objects, arrays, primitives): what the engine's output is made of. */
function copyJson(node: Json): Json {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) {
    const out: Json[] = new Array(node.length);
    for (let i = 0; i < node.length; i++) out[i] = copyJson(node[i] as Json);
    return out;
  }
  const out: { [key: string]: Json } = {};
  for (const key in node) out[key] = copyJson(node[key] as Json);
  return out;
}

/**
 * A card template: the JSON is prepared and parsed into a `Template` once, on first use, and expanded per
 * call. Parsing compiles every `${...}` expression, which costs far more than evaluating it.
 */
export class CardTemplate<D extends object> {
  /** The naive way, for the benchmark's side-by-side baseline only: parse a fresh `Template` on every call. */
  static parseEveryCall = false;

  private template: Template | undefined;
  private prepared: Json | undefined;

  constructor(
    readonly name: string,
    private readonly json: object,
  ) {
    const version = (json as { version?: unknown }).version;
    if (version !== '1.5') throw new Error(`card template ${name} must set version 1.5`);
  }

  expand(data: D): AdaptiveCardJson {
    if (CardTemplate.parseEveryCall) return this.expandUncached(data);
    this.template ??= new Template(this.source());
    return this.template.expand({ $root: data }) as AdaptiveCardJson;
  }

  /**
   * For cards whose whole output is decided by a few small values (flags, a locale, a short list from
   * configuration): expands `data()` once per distinct `key` and returns a fresh copy of that card on later calls
   * with the same key, so the template engine runs once per key instead of once per call (evaluating a card's
   * expressions costs tens of µs; copying it, a few). `key` must encode everything the data depends on, exactly.
   * At most `MEMO_LIMIT` cards are kept per template; the oldest goes first.
   */
  expandMemo(key: string, data: () => D): AdaptiveCardJson {
    if (!CardTemplate.memoize || CardTemplate.parseEveryCall) return this.expand(data());
    const card = this.memo.getOrSet(key, () => deepFreeze(this.expand(data()) as Json));
    return copyJson(card) as AdaptiveCardJson;
  }

  /** Off: `expandMemo` expands on every call (the tests' and benchmarks' reference for what it must return). */
  static memoize = true;
  /** How many expanded cards `expandMemo` keeps per template. */
  static readonly MEMO_LIMIT = 256;
  private readonly memo = new BoundedMap<string, Json>(CardTemplate.MEMO_LIMIT);

  /** The naive way, for the benchmark: a fresh `Template` (a fresh parse) per call. */
  expandUncached(data: D): AdaptiveCardJson {
    return new Template(this.source()).expand({ $root: data }) as AdaptiveCardJson;
  }

  /** The prepared JSON (fallbacks added), as if written so in the file. */
  source(): Json {
    this.prepared ??= addSubmitFallbacks(this.json as Json);
    return this.prepared;
  }
}
