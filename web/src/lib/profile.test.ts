import { describe, expect, it } from 'vitest';
import { initials } from './profile.ts';

describe('initials', () => {
  it('takes the first letter of each name, or of the email', () => {
    expect(initials('Ada', 'Lovelace')).toBe('AL');
    expect(initials('  émile ', '')).toBe('É');
    expect(initials('', '', 'student@demo.test')).toBe('S');
    expect(initials('', '')).toBe('?');
  });
});
