import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../graphql/context';

/**
 * Names the operation for database transaction metadata, reports the Cypher
 * round trips of the request in `extensions.queryStats`, and logs one line per
 * request: operation, duration, round trips and error codes.
 */
export const requestStatsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart({ contextValue }) {
    const started = performance.now();
    return {
      async didResolveOperation({ operationName }) {
        contextValue.operation.name = operationName ?? 'anonymous';
      },
      async willSendResponse({ response, errors }) {
        const stats = { cypherRoundTrips: contextValue.run.stats.roundTrips };
        if (response.body.kind === 'single') {
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, queryStats: stats };
        }
        contextValue.logger.info(
          {
            operation: contextValue.operation.name,
            // Who wrote, by the name configured with the token; the token itself is never logged.
            ...(contextValue.curator ? { curator: contextValue.curator.name } : {}),
            durationMs: Math.round(performance.now() - started),
            ...stats,
            errorCodes: errors?.map((error) => error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
          },
          'graphql request',
        );
      },
    };
  },
};
