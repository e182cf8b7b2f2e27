import { buildClientSchema, getIntrospectionQuery, printSchema, type IntrospectionQuery } from 'graphql';
import { startTestApi } from './test-api';

describe('GET /schema.graphql', () => {
  it('serves the SDL as text, the same schema introspection describes', async () => {
    const api = await startTestApi();
    try {
      const response = await fetch(`${api.baseUrl}/schema.graphql`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      const sdl = await response.text();
      expect(sdl).toMatch(/^type Query \{$/m);
      expect(sdl).toContain('skillOverlap(');

      const introspection = await api.query<IntrospectionQuery>(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }));
      expect(introspection.errors).toBeUndefined();
      expect(sdl).toBe(`${printSchema(buildClientSchema(introspection.data!))}\n`);
    } finally {
      await api.close();
    }
  });

  it('is not served where introspection is off, and says what turns it on', async () => {
    const api = await startTestApi(undefined, { production: true });
    try {
      const response = await fetch(`${api.baseUrl}/schema.graphql`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        errors: [{ message: expect.stringContaining('INTROSPECTION=true'), extensions: { code: 'NOT_FOUND' } }],
      });
      const introspection = await api.query('{ __schema { queryType { name } } }');
      expect(introspection.errors).toBeDefined();
    } finally {
      await api.close();
    }
  });

  it('is served in production when INTROSPECTION=true', async () => {
    const api = await startTestApi(undefined, { production: true, introspection: true });
    try {
      const response = await fetch(`${api.baseUrl}/schema.graphql`);
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(/^type Query \{$/m);
    } finally {
      await api.close();
    }
  });
});
