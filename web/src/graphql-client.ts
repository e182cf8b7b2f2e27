import { Client, cacheExchange, fetchExchange } from 'urql';

/**
 * The explorer's GraphQL client: the service's own /graphql, results cached per
 * document and variables. Queries go as POST with a JSON body, which the server's
 * CSRF prevention accepts (a GET would need a preflight header).
 */
export const graphqlClient = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  preferGetMethod: false,
  requestPolicy: 'cache-first',
});
