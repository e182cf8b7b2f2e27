import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../database/database';
import type { Admission } from './admission';
import { ErrorCode } from '../errors/error-code';
import type { Context } from '../graphql/context';

/** Operation names are chosen by clients: at most this many get a label value of their own, the rest count as `other`. */
const MAX_OPERATIONS = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Prometheus metrics (prom-client), in a registry of the app's own so that several
 * apps in one process (the tests) keep theirs apart: per GraphQL operation the
 * requests with their outcome, the latency, the errors by code and the Cypher round
 * trips; budget and admission refusals; the operations admitted and waiting (see
 * admission.ts); the database statements in flight (each holds a driver connection); and the process's own figures (CPU, memory, event-loop lag, GC).
 */
export function createMetrics(database: Database, admission: Admission): { plugin: ApolloServerPlugin<Context>; handler: RequestHandler; registry: Registry } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'careers_graph_' });
  const requests = new Counter({
    name: 'careers_graph_graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok, or the first error code)',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'careers_graph_graphql_request_duration_seconds',
    help: 'GraphQL request latency by operation name, from the request received to the answer sent',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'careers_graph_graphql_errors_total',
    help: 'GraphQL errors by operation name and error code',
    labelNames: ['operation', 'code'] as const,
    registers: [registry],
  });
  const roundTrips = new Counter({
    name: 'careers_graph_cypher_round_trips_total',
    help: 'Cypher statements sent, by GraphQL operation name',
    labelNames: ['operation'] as const,
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'careers_graph_budget_refusals_total',
    help: 'Requests refused because their client had spent its cost budget (RATE_LIMITED)',
    registers: [registry],
  });
  const admissionRefusals = new Counter({
    name: 'careers_graph_admission_refusals_total',
    help: 'Requests refused admission: reason "client" when their client had its most operations in flight (CONCURRENCY_LIMITED), "overloaded" when the waiting room was full (OVERLOADED)',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'careers_graph_operations_running',
    help: 'GraphQL operations admitted and running now',
    registers: [registry],
    collect() {
      this.set(admission.running);
    },
  });
  new Gauge({
    name: 'careers_graph_operations_waiting',
    help: 'GraphQL operations waiting for admission now',
    registers: [registry],
    collect() {
      this.set(admission.waiting);
    },
  });
  new Gauge({
    name: 'careers_graph_database_in_flight',
    help: 'Database statements and write transactions running now, each holding a driver connection',
    registers: [registry],
    collect() {
      this.set(database.inFlight);
    },
  });

  const known = new Set<string>();
  const label = (name: string | undefined): string => {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (known.has(name)) return name;
    if (known.size >= MAX_OPERATIONS) return 'other';
    known.add(name);
    return name;
  };

  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart({ contextValue }) {
      const stop = duration.startTimer();
      return {
        async willSendResponse({ operationName, response }) {
          const operation = label(operationName ?? undefined);
          // The errors as sent (formatted), those of the resolvers included.
          const sent = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const codes = sent.map((error) => String(error.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR));
          for (const code of codes) errors.inc({ operation, code });
          if (codes.includes(ErrorCode.RATE_LIMITED)) refusals.inc();
          if (codes.includes(ErrorCode.CONCURRENCY_LIMITED)) admissionRefusals.inc({ reason: 'client' });
          if (codes.includes(ErrorCode.OVERLOADED)) admissionRefusals.inc({ reason: 'overloaded' });
          requests.inc({ operation, outcome: codes[0] ?? 'ok' });
          roundTrips.inc({ operation }, contextValue.run.stats.roundTrips);
          stop({ operation });
        },
      };
    },
  };

  const handler: RequestHandler = (_request, response, next) => {
    registry.metrics().then((text) => {
      response.set('content-type', registry.contentType).send(text);
    }, next);
  };
  return { plugin, handler, registry };
}
