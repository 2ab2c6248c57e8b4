import { describe, expect, it } from 'vitest';
import { knownOrigins } from './origins.ts';

describe('knownOrigins', () => {
  it('maps each Host header this server answers to to its origin', () => {
    const origins = knownOrigins('https://learn.example.com', 8787, '127.0.0.1');
    expect(Object.fromEntries(origins)).toEqual({
      'learn.example.com': 'https://learn.example.com',
      'localhost:8787': 'http://localhost:8787',
      '127.0.0.1:8787': 'http://127.0.0.1:8787',
      '[::1]:8787': 'http://[::1]:8787',
    });
  });

  it('adds a specific listening interface, and drops default ports as browsers do', () => {
    const origins = knownOrigins('http://localhost:80', 80, '192.168.1.20');
    expect([...origins.keys()].sort()).toEqual(['127.0.0.1', '192.168.1.20', '[::1]', 'localhost']);
    expect(knownOrigins('http://localhost:8787', 8787, '::').has('[::]:8787')).toBe(false);
  });
});
