/**
 * A list of ids kept in one query-string parameter, comma-separated
 * (`?roles=music-producer,sound-engineer`): readable and short in a shared link.
 * Ids are lowercase words joined by hyphens, so a comma never occurs in one.
 */
export function readIdList(params: URLSearchParams, name: string, max = Infinity): string[] {
  const ids: string[] = [];
  for (const part of (params.get(name) ?? '').split(',')) {
    const id = part.trim();
    if (id && !ids.includes(id) && ids.length < max) ids.push(id);
  }
  return ids;
}

/** A copy of `params` with `name` set to the ids (or removed when there are none). */
export function withIdList(params: URLSearchParams, name: string, ids: readonly string[]): URLSearchParams {
  const next = new URLSearchParams(params);
  if (ids.length > 0) next.set(name, ids.join(','));
  else next.delete(name);
  return next;
}
