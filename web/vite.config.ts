import path from 'node:path';
import { defineConfig } from 'vite';

/**
 * The explorer's build: `vite build web` writes dist/web (index.html and hashed
 * assets/), which the service serves; `vite web` serves the sources with live
 * reload and passes /graphql to the API (EXPLORER_API, default http://127.0.0.1:4000).
 * Two pages: the explorer (index.html) and the GraphQL IDE (ide.html, GraphiQL with
 * its Monaco editor and workers bundled, so it loads nothing from elsewhere).
 * No plugin: Vite compiles TSX itself (automatic JSX runtime).
 */
export default defineConfig({
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // The graph drawing library is large on its own, and the IDE's editor (Monaco, about
    // 2.8 MB, loaded by /ide only) more so; split them out instead of warning.
    chunkSizeWarningLimit: 3_000,
    rolldownOptions: {
      input: { index: path.join(import.meta.dirname, 'index.html'), ide: path.join(import.meta.dirname, 'ide.html') },
      onwarn(warning, warn) {
        // React Router marks its modules "use client" for server components; a client bundle has no use for it.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  server: {
    host: '127.0.0.1',
    proxy: Object.fromEntries(['/graphql', '/schema.graphql'].map((route) => [route, process.env.EXPLORER_API ?? 'http://127.0.0.1:4000'])),
  },
});
