import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from './env.js';

describe('configuration', () => {
  it('has working defaults for an embedded start', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 8080, DATA_DIR: './data', DEMO: true });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('lists every bad variable at once, not just the first', () => {
    try {
      loadEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', ADMIN_PASSWORD: 'short', DEMO: 'maybe' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(EnvError);
      const names = (err as EnvError).problems.map((p) => p.split(':')[0]);
      expect(names).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'ADMIN_PASSWORD', 'DEMO']));
    }
  });

  it('treats empty variables as unset', () => {
    expect(loadEnv({ DATABASE_URL: '', PORT: '' }).PORT).toBe(8080);
  });
});
