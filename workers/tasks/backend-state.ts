/**
 * The worker's current backend: chosen once (auto probe or the user's preference) and reused by
 * every run and prediction, which record it.
 */
import type { BackendPreference } from '../../src/lib/contracts/compute';
import type { BackendInfo } from '../../src/lib/contracts/entities';
import { selectBackend } from '../ml';

let current: Promise<BackendInfo> | null = null;

/** Selects a backend (again); later {@link ensureBackend} calls get this choice. */
export function chooseBackend(preference: BackendPreference): Promise<BackendInfo> {
  const next = selectBackend(preference);
  current = next;
  // A failed choice must not stick: the next call tries again.
  next.catch(() => {
    if (current === next) current = null;
  });
  return next;
}

/** The backend in use, selecting `auto` first if nothing was chosen yet. */
export function ensureBackend(): Promise<BackendInfo> {
  return current ?? chooseBackend('auto');
}

/**
 * Uses the backend another thread chose (a trial worker of a search): the same backend, and the
 * same recorded choice and reason, so its runs read like the ones trained in the compute worker.
 * @throws Error when this thread cannot start that backend
 */
export async function adoptBackend(info: BackendInfo): Promise<BackendInfo> {
  const mine = await selectBackend(info.name);
  if (mine.name !== info.name) {
    throw new Error(`this worker could not start the ${info.name} backend (got ${mine.name})`);
  }
  current = Promise.resolve(info);
  return info;
}
