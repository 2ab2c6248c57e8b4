/**
 * The site's name and tagline as web/src/lib/site.ts has them (that file reads Vite's build-time
 * env, which the host's compiler does not know); site.test.ts keeps the two the same.
 */
export const SITE_NAME = 'Learnwell';
export const TAGLINE = 'Practical courses that fit around your life.';
