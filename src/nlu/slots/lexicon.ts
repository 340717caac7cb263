/**
 * A word list indexed by first character, each bucket longest first: the index behind leftmost-longest scans
 * (regions, kinship words), so a scan tries only the words that can start at a position.
 */
export function byFirstChar<T>(entries: Iterable<readonly [string, T]>): ReadonlyMap<string, readonly (readonly [string, T])[]> {
  const map = new Map<string, (readonly [string, T])[]>();
  for (const entry of entries) {
    const first = entry[0][0];
    if (first === undefined) continue;
    const list = map.get(first) ?? [];
    list.push(entry);
    map.set(first, list);
  }
  for (const list of map.values()) list.sort((a, b) => b[0].length - a[0].length);
  return map;
}
