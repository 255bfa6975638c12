/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { copyFileSync, createReadStream, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const backend = process.env.LABELLEDGER_BACKEND ?? 'http://localhost:8080';

const here = dirname(fileURLToPath(import.meta.url));
/** Label Studio's editor (ADR 0031): its built bundle, served under /lsf/vendor/ and loaded only by /lsf/frame.html. */
const LSF_BUILD = resolve(here, 'node_modules/@heartexlabs/label-studio/build/static');
const LSF_FILES: Record<string, string> = {
  'label-studio-1.4.0.js': join(LSF_BUILD, 'js/main.js'),
  'label-studio-1.4.0.css': join(LSF_BUILD, 'css/main.css'),
};

/** Copies the editor's bundle into the build output (never committed) and serves it in `npm run dev`. */
function labelStudioBundle(): Plugin[] {
  let outDir = '';
  return [{
    name: 'labelledger-label-studio-bundle-dev',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/lsf/vendor/', (req, res, next) => {
        const file = LSF_FILES[(req.url ?? '').replace(/^\//, '').split('?')[0]];
        if (!file) return next();
        res.setHeader('Content-Type', file.endsWith('.js') ? 'text/javascript' : 'text/css');
        createReadStream(file).pipe(res);
      });
    },
  }, {
    name: 'labelledger-label-studio-bundle',
    apply: (_config, env) => env.command === 'build' && !process.env.VITEST,
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const target = join(outDir, 'lsf', 'vendor');
      mkdirSync(target, { recursive: true });
      for (const [name, file] of Object.entries(LSF_FILES)) copyFileSync(file, join(target, name));
    },
  }];
}

export default defineConfig({
  plugins: [react(), ...labelStudioBundle()],
  build: {
    // Maven packages target/classes into the jar, so the app ends up under static/ for Spring Boot.
    outDir: 'target/classes/static',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/graphql': { target: backend, ws: true, changeOrigin: false },
      '/saml': { target: backend, changeOrigin: false },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
