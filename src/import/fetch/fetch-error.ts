/**
 * A release could not be fetched or unpacked: an HTTP error, a timeout, a body cut
 * short, a download over its size limit, an archive that is corrupt, unsafe or too
 * large, or a checksum that differs from the pinned one. The message says what to
 * do; nothing half-done is left in the cache. The import command exits 2.
 */
export class FetchError extends Error {
  override name = 'FetchError';
}
