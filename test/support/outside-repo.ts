/**
 * Suites that need something outside the repository (the source documents, the
 * published releases, a browser). On a user's clone it may be absent: the suite is
 * skipped with one line saying what it needs and how to get it. Under CI=true an
 * absent dependency is an error, so a CI that lost it fails instead of going green
 * on fewer tests.
 */
export interface OutsideDependency {
  /** What is needed, e.g. "the published releases in ../shared/realdata". */
  what: string;
  available: boolean;
  /** How to get it, for the skip line and the CI failure. */
  howToGet: string;
}

const announced = new Set<string>();

/** describe(name, body) when the dependency is there; otherwise skipped with one line, or failing under CI=true. */
export function describeNeeding(dependency: OutsideDependency, name: string, body: () => void): void {
  if (dependency.available) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it(`needs ${dependency.what}`, () => {
        throw new Error(`${dependency.what} is missing (CI=true): ${dependency.howToGet}`);
      });
    });
    return;
  }
  if (!announced.has(dependency.what)) {
    announced.add(dependency.what);
    process.stderr.write(`skipped: tests needing ${dependency.what}; ${dependency.howToGet}\n`);
  }
  describe.skip(name, body);
}
