/**
 * Pure helpers over one model's alias event log (the append-only, hash-chained `AliasEvent`s of
 * src/lib/db/aliases.ts): who held an alias at a time, what to roll back to, and the whole
 * history as a timeline of spans.
 *
 * Order: events are taken in `seq` order when every event has one (the store's order), else in
 * the order given, stably sorted by `at`. Events of several models are refused: alias names are
 * per model, so mixing them would silently merge histories.
 */
import type { AliasEvent } from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';

/** What happened in one event. */
export type AliasChange = 'assigned' | 'moved' | 'removed' | 'unchanged';

/** One event of a {@link timeline}, in order, with what it did. */
export interface AliasTimelineEntry {
  event: AliasEvent;
  change: AliasChange;
}

/** A period during which an alias pointed at one version. */
export interface AliasSpan {
  alias: string;
  versionId: string;
  /** When the alias started pointing at the version (ms). */
  start: number;
  /** When it stopped; null while it still does. */
  end: number | null;
  /** The reason given for the move that started the span. */
  reason: string;
  actor: string;
}

/** Result of {@link timeline}. */
export interface AliasTimeline {
  /** Every event, oldest first. */
  entries: AliasTimelineEntry[];
  /** Per alias (in order of first event), its holders over time, oldest first. */
  spans: AliasSpan[];
  /** Current holder of each alias that is set, in order of first event. */
  current: { alias: string; versionId: string }[];
}

/** The events in log order; throws when they span several models. */
function ordered(events: readonly AliasEvent[]): AliasEvent[] {
  const models = new Set(events.map((e) => e.modelName));
  if (models.size > 1) {
    throw new InvalidArgumentError(
      'events',
      [...models].slice(0, 3),
      'mix several models; pass the events of one model',
    );
  }
  const copy = [...events];
  if (copy.every((e) => typeof e.seq === 'number')) return copy.sort((a, b) => a.seq! - b.seq!);
  return copy.sort((a, b) => a.at - b.at); // Array.prototype.sort is stable (ES2019).
}

/**
 * Which version an alias pointed at, at a given time: the `to` of its last event with
 * `at ≤ time` (null when it was unset then, or removed).
 * @param events the model's alias events (any order)
 * @param alias the alias, e.g. `champion`
 * @param time ms since epoch
 * @returns the version id, or null
 * @throws InvalidArgumentError when the events belong to several models
 * @example
 * holderAt(events, 'champion', Date.parse('2025-03-01')) // 'churn@2'
 */
export function holderAt(
  events: readonly AliasEvent[],
  alias: string,
  time: number,
): string | null {
  let holder: string | null = null;
  for (const e of ordered(events)) {
    if (e.alias === alias && e.at <= time) holder = e.to;
  }
  return holder;
}

/**
 * The version an alias pointed at before its current holder: what a one-click rollback moves it
 * back to. That is the `from` of the latest event that changed the alias (events with
 * `from === to` are skipped). After a rollback, the previous holder is the version rolled back
 * from, so a second click undoes the first. After a removal (`to: null`), it is the version
 * removed, so a rollback restores it.
 * @param events the model's alias events (any order)
 * @param alias the alias
 * @returns the version id, or null when there is nothing to roll back to (the alias was set
 *   once, or never)
 * @throws InvalidArgumentError when the events belong to several models
 * @example
 * // champion: null → m@1, m@1 → m@2, m@2 → m@3
 * previousHolder(events, 'champion') // 'm@2'
 */
export function previousHolder(events: readonly AliasEvent[], alias: string): string | null {
  const mine = ordered(events).filter((e) => e.alias === alias && e.from !== e.to);
  return mine.at(-1)?.from ?? null;
}

/**
 * The whole alias history of a model: every event with what it did, each alias's holders as
 * spans of time, and the current holders.
 * @param events the model's alias events (any order)
 * @returns entries, spans and current holders
 * @throws InvalidArgumentError when the events belong to several models
 * @example
 * timeline(events).spans
 * // [{ alias: 'champion', versionId: 'm@1', start: 1000, end: 2000, reason: 'first', actor: 'me' },
 * //  { alias: 'champion', versionId: 'm@2', start: 2000, end: null, reason: 'better F1', actor: 'me' }]
 */
export function timeline(events: readonly AliasEvent[]): AliasTimeline {
  const entries: AliasTimelineEntry[] = [];
  const spans: AliasSpan[] = [];
  // Map, not an object: an alias named `__proto__` is an ordinary key.
  const open = new Map<string, AliasSpan | null>();
  for (const event of ordered(events)) {
    const change: AliasChange =
      event.from === event.to
        ? 'unchanged'
        : event.to === null
          ? 'removed'
          : event.from === null
            ? 'assigned'
            : 'moved';
    entries.push({ event, change });
    if (!open.has(event.alias)) open.set(event.alias, null);
    if (change === 'unchanged') continue;
    const span = open.get(event.alias);
    if (span) span.end = event.at;
    if (event.to === null) {
      open.set(event.alias, null);
      continue;
    }
    const next: AliasSpan = {
      alias: event.alias,
      versionId: event.to,
      start: event.at,
      end: null,
      reason: event.reason,
      actor: event.actor,
    };
    spans.push(next);
    open.set(event.alias, next);
  }
  const order = [...open.keys()];
  spans.sort((a, b) => order.indexOf(a.alias) - order.indexOf(b.alias)); // stable: time order kept
  const current = [...open.values()]
    .filter((s): s is AliasSpan => s !== null)
    .map((s) => ({ alias: s.alias, versionId: s.versionId }));
  return { entries, spans, current };
}
