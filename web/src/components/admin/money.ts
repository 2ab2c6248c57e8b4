import { formatMoney } from '../../lib/format.ts';

/**
 * Amounts as admins type them ("12.50" US dollars) and as the API takes them (1250 minor units),
 * and percentages ("12.5") as basis points (1250). Integer arithmetic on the digits: no floats.
 */

/** The currency's minor digits (USD 2, JPY 0), from Intl; 2 for a code Intl does not know. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "12.5" with two digits -> 1250; null unless it is a plain non-negative amount with at most `digits` decimals. */
function parseScaled(text: string, digits: number): number | null {
  const t = text.trim().replace(/,/g, '');
  const m = /^(\d+)(?:\.(\d*))?$/.exec(t);
  if (!m || (m[2] ?? '').length > digits) return null;
  const value = Number(m[1]!) * 10 ** digits + Number((m[2] ?? '').padEnd(digits, '0') || '0');
  return Number.isSafeInteger(value) ? value : null;
}

/** What someone typed, in the currency's units, as minor units; null when it is not an amount. */
export function toMinor(text: string, currency: string): number | null {
  return parseScaled(text, minorDigits(currency));
}

/** Minor units as the currency's units, for an input's value: 1250 USD -> "12.50". */
export function toUnits(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const s = String(minor).padStart(digits + 1, '0');
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** "12.5" (%) -> 1250 basis points; null unless 0..100 with at most two decimals. */
export function percentToBps(text: string): number | null {
  const bps = parseScaled(text, 2);
  return bps === null || bps > 10_000 ? null : bps;
}

/** 1250 -> "12.5", 1000 -> "10". */
export function bpsToPercent(bps: number): string {
  const whole = Math.floor(bps / 100);
  const cents = bps % 100;
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/** formatMoney, except that nothing is "$0.00" rather than "Free" (a sum, not a price). */
export function formatAmount(amount: number, currency: string): string {
  if (amount !== 0) return formatMoney({ amount, currency });
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(0);
  } catch {
    return `0 ${currency}`;
  }
}
