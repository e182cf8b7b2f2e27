import type { ApolloServerPlugin } from '@apollo/server';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import type { Context } from '../graphql/context';

/** The challenge sent with every 401, as RFC 6750 asks of bearer-token APIs. */
export const BEARER_CHALLENGE = 'Bearer realm="careers-graph"';

/**
 * The curation rules that sit around execution. Who may write: a mutation from anyone
 * but a curator is refused once the operation is known and before anything runs, so
 * no resolver of an unauthenticated mutation is called and nothing is written; reads
 * stay public. What the answer says: a mutation that answered before the roles' kept
 * neighbours reflected it says so, `extensions.neighboursPending: true`.
 */
export const curationPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue, response }) {
        if (operation?.operation !== 'mutation' || contextValue.curator) return;
        response.http.headers.set('www-authenticate', BEARER_CHALLENGE);
        throw new AppError(ErrorCode.UNAUTHENTICATED, 'Mutations need the header Authorization: Bearer <token>.', {
          http: { status: 401 },
        });
      },
      async willSendResponse({ contextValue, response }) {
        if (!contextValue.curation.neighboursPending || response.body.kind !== 'single') return;
        response.body.singleResult.extensions = { ...response.body.singleResult.extensions, neighboursPending: true };
      },
    };
  },
};
