import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../edge/api-types.ts';
import { actionLabel, describeDetails } from './audit-labels.ts';

const entry = (action: string, details: Record<string, unknown>): AuditEntry =>
  ({
    id: 'x',
    action,
    actor: null,
    targetType: 'coupon',
    targetId: null,
    targetLabel: null,
    details,
    createdAt: '',
  }) as AuditEntry;

describe('audit labels', () => {
  it('names generic and named actions, and leaves unknown ones as they are', () => {
    expect(actionLabel('coupon.create')).toBe('Created a coupon');
    expect(actionLabel('tax_rate.delete')).toBe('Deleted a tax rate');
    expect(actionLabel('user.suspend')).toBe('Suspended an account');
    expect(actionLabel('company_seats.create')).toBe('Added seats');
    expect(actionLabel('mystery.thing')).toBe('mystery.thing');
  });

  it('describes a generic change by its fields, ids left out, at most five', () => {
    expect(describeDetails(entry('coupon.update', { active: false, code: 'SPRING', coupon_id: 'x' }))).toBe(
      'active: false · code: “SPRING”',
    );
    expect(describeDetails(entry('coupon.create', { code: 'X', expires_at: null }))).toBe('code: “X”');
    expect(describeDetails(entry('coupon.update', { expires_at: null }))).toBe('expires at: none');
    const many = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k) => [k, 1]));
    expect(describeDetails(entry('bundle.create', many))).toBe('a: 1 · b: 1 · c: 1 · d: 1 · e: 1 · and 2 more');
    expect(describeDetails(entry('user.role_change', { from: 'student', to: 'instructor' }))).toBe(
      'student → instructor',
    );
  });
});
