import type { Driver } from 'neo4j-driver';

/**
 * Counts the statements a driver sends (each one a Cypher round trip), whoever
 * calls it: the benchmark's peers hand the counting driver to code they do not
 * own (the Neo4j GraphQL Library), which opens sessions and transactions itself.
 * Counted: driver.executeQuery, and run() on sessions and on the transactions of
 * executeRead, executeWrite and beginTransaction. A Proxy keeps every other
 * method and property of the driver as it is.
 */
export function countingDriver(driver: Driver): { driver: Driver; count: () => number } {
  let statements = 0;
  /** `method` bound to `object`, counting one statement per call. */
  const counted = (object: object, method: unknown) => (...args: unknown[]) => {
    statements += 1;
    return (method as (...a: unknown[]) => unknown).apply(object, args);
  };
  const countRun = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, key, receiver) {
        const value: unknown = Reflect.get(object, key, receiver);
        if (typeof value !== 'function') return value;
        if (key === 'run') return counted(object, value);
        if (key === 'executeRead' || key === 'executeWrite') {
          return (work: (tx: object) => unknown, ...rest: unknown[]) =>
            (value as (...a: unknown[]) => unknown).call(object, (tx: object) => work(countRun(tx)), ...rest);
        }
        if (key === 'beginTransaction') {
          return (...args: unknown[]) => countRun((value as (...a: unknown[]) => object).apply(object, args));
        }
        return (value as (...a: unknown[]) => unknown).bind(object);
      },
    });
  const countingProxy = new Proxy(driver, {
    get(object, key, receiver) {
      const value: unknown = Reflect.get(object, key, receiver);
      if (typeof value !== 'function') return value;
      if (key === 'executeQuery') return counted(object, value);
      if (key === 'session') return (...args: unknown[]) => countRun((value as (...a: unknown[]) => object).apply(object, args));
      return (value as (...a: unknown[]) => unknown).bind(object);
    },
  });
  return { driver: countingProxy, count: () => statements };
}
