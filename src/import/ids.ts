/** Graph ids for imported concepts: a prefix naming the taxonomy, then the code in lowercase words. */
export function taxonomyId(prefix: string, code: string): string {
  const words = code
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${prefix}-${words}`.slice(0, 200).replace(/-+$/, '');
}
