import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { printSchema } from 'graphql';
import { ErrorCode } from '../errors/error-code';

/**
 * GET /schema.graphql: the schema the server runs, printed by graphql-js as SDL,
 * as text/plain (browsers show it; codegen and IDEs read it by URL). It tells
 * exactly what introspection tells, so it is served only where introspection is
 * on; elsewhere it answers 404 naming INTROSPECTION=true. The plugin hands over
 * the schema once Apollo has built it.
 */
export function schemaSdl(introspection: boolean): { plugin: ApolloServerPlugin; handler: RequestHandler } {
  let sdl: string | null = null;
  const plugin: ApolloServerPlugin = {
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate({ apiSchema }) {
          sdl = `${printSchema(apiSchema)}\n`;
        },
      };
    },
  };
  const handler: RequestHandler = (_request, response) => {
    if (!introspection || sdl === null) {
      response.status(404).json({
        errors: [{ message: 'The schema is served only where introspection is on (INTROSPECTION=true).', extensions: { code: ErrorCode.NOT_FOUND } }],
      });
      return;
    }
    response.type('text/plain; charset=utf-8').set('cache-control', 'no-cache').send(sdl);
  };
  return { plugin, handler };
}
