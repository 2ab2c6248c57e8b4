/** highlight.js ships types for its entry points only; each grammar module exports one LanguageFn. */
declare module 'highlight.js/lib/languages/*' {
  const language: import('highlight.js').LanguageFn;
  export default language;
}
