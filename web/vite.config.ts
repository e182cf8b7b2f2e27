import { defineConfig } from 'vite';

/**
 * The explorer's build: `vite build web` writes dist/web (index.html and hashed
 * assets/), which the service serves; `vite web` serves the sources with live
 * reload and passes /graphql to the API (EXPLORER_API, default http://127.0.0.1:4000).
 * No plugin: Vite compiles TSX itself (automatic JSX runtime).
 */
export default defineConfig({
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // The graph drawing library is large on its own; split it out instead of warning.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
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
    proxy: { '/graphql': process.env.EXPLORER_API ?? 'http://127.0.0.1:4000' },
  },
});
