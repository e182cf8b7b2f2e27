import { Sema } from 'async-sema';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';

/**
 * The turns of one process's exclusive writers (Database.writeTransaction's
 * `exclusive`): one at a time. A worker thread that writes through a driver of its
 * own takes its turns from the main thread's keeper (see role-neighbours-worker.ts),
 * so the process still has one queue.
 */
export interface TurnKeeper {
  /**
   * Waits, at most until `deadline` (then QUERY_TIMEOUT), for the turn. Fails at once
   * with SERVICE_UNAVAILABLE when a write that held the turn since `waitingSince`
   * found the database unreachable.
   */
  take(deadline: number, waitingSince: number): Promise<void>;
  release(): void;
  /** The holder's write found the database unreachable. */
  unavailable(): void;
}

/**
 * The writers' lock in the database serialises exclusive writers across processes
 * (cypher/queries/writers-lock.cypher); waiting here first keeps the writers of one
 * process out of Neo4j's lock queue, where each would hold a connection and a
 * transaction, and would meet the lock timeout (db.lock.acquisition.timeout) before
 * its own. async-sema has no cancellable wait: a turn granted after the caller gave
 * up is handed straight back.
 * When a write ahead of it found the database unreachable while it waited, a writer
 * fails at once with SERVICE_UNAVAILABLE, nothing written: trying in turn, each queued
 * writer would spend the driver's retries against a database known to be down, and
 * the last ones would answer QUERY_TIMEOUT well past the request's time limit.
 */
export class ExclusiveTurns implements TurnKeeper {
  private readonly turns = new Sema(1);
  /** When a holder last found the database unreachable. */
  private unavailableAt = Number.NEGATIVE_INFINITY;

  async take(deadline: number, waitingSince: number): Promise<void> {
    if (this.turns.tryAcquire() !== undefined) return;
    let gaveUp = false;
    let timer: NodeJS.Timeout | undefined;
    const turn = this.turns.acquire().then(() => {
      if (gaveUp) this.turns.release();
      return true;
    });
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
    });
    const granted = await Promise.race([turn, late]);
    clearTimeout(timer);
    const unavailable = this.unavailableAt >= waitingSince;
    if (granted && unavailable) this.turns.release();
    if (!granted) gaveUp = true;
    if (unavailable) {
      throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The database is unavailable (a write before this one could not reach it); nothing was written; try again shortly.');
    }
    if (!granted) {
      throw new AppError(ErrorCode.QUERY_TIMEOUT, 'The request ran past its time limit waiting for other writes and was stopped; nothing was written.');
    }
  }

  release(): void {
    this.turns.release();
  }

  unavailable(): void {
    this.unavailableAt = Date.now();
  }
}
