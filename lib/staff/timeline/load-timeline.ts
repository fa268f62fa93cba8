import { TIMELINE_SOURCES } from './sources';
import type { TimelineAccount, TimelineDeps, TimelineEntry, TimelineSource } from './types';

const DEFAULT_TIMELINE_LENGTH = 50;

/** Newest first; entries at the same moment keep a stable order (by key). */
export function mergeByTime(lists: readonly TimelineEntry[][], limit: number): TimelineEntry[] {
  return lists
    .flat()
    .sort((a, b) => b.at.getTime() - a.at.getTime() || a.key.localeCompare(b.key))
    .slice(0, limit);
}

/** The account's activity from every source, one list, newest first. */
export async function loadTimeline(
  deps: TimelineDeps,
  account: TimelineAccount,
  limit = DEFAULT_TIMELINE_LENGTH,
  sources: readonly TimelineSource[] = TIMELINE_SOURCES,
): Promise<TimelineEntry[]> {
  const lists = await Promise.all(sources.map((s) => s.load(deps, account, limit)));
  return mergeByTime(lists, limit);
}
