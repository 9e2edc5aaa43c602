import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The browser benchmarks reuse the end-to-end set-up (real server, Debian's Chromium).
export default defineConfig({ ...base, testDir: 'bench', testMatch: /.*\.bench\.ts/, reporter: [['list']] });
