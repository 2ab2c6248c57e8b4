/**
 * Amounts in integer minor units, formatted for their currency with Intl.NumberFormat (en-US
 * conventions): 123456 USD is "$1,234.56", 123456 JPY is "¥123,456", 1234 KWD is "KWD 1.234".
 */
export type CurrencyDisplay = 'symbol' | 'code';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, display: CurrencyDisplay): Intl.NumberFormat {
  const code = currency.toUpperCase();
  const key = `${code} ${display}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency: code, currencyDisplay: display });
    formatters.set(key, f);
  }
  return f;
}

/** Digits after the decimal point for the currency (USD 2, JPY 0, KWD 3). */
const digits = new Map<string, number>();
export function minorDigits(currency: string): number {
  let d = digits.get(currency);
  if (d === undefined) {
    d = formatter(currency, 'code').resolvedOptions().maximumFractionDigits ?? 2;
    digits.set(currency, d);
  }
  return d;
}

/** The exact decimal string of an integer minor amount: (123456, 2) -> '1234.56', (-5, 2) -> '-0.05'. */
export function toDecimal(minor: number, digits: number): `${number}` {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount must be an integer in minor units: ${minor}`);
  const sign = minor < 0 ? '-' : '';
  const s = String(Math.abs(minor)).padStart(digits + 1, '0');
  return (digits === 0 ? `${sign}${s}` : `${sign}${s.slice(0, -digits)}.${s.slice(-digits)}`) as `${number}`;
}

/** A decimal string is formatted exactly (Intl.NumberFormat v3): no float division, no rounding. */
export function formatMoney(minor: number, currency: string, display: CurrencyDisplay = 'symbol'): string {
  return formatter(currency, display).format(toDecimal(minor, minorDigits(currency)));
}
