/**
 * Escaping for what the host writes into a page: course text is never trusted. Text and
 * attribute values go through `escapeHtml`; JSON-LD goes through `jsonLdScript`, whose body
 * cannot end the script element early (`<` and `>` escaped) and reads the same with JSON.parse.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text or a double-quoted attribute value. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/** JSON that is safe inside `<script type="application/ld+json">`. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function jsonLdScript(value: unknown): string {
  return `<script type="application/ld+json">${safeJson(value)}</script>`;
}

export { plainText } from '../../web/src/lib/plain-text.ts';
