/** Site-wide constants. The contact address can be set at build time with VITE_CONTACT_EMAIL. */
export const SITE_NAME = 'Learnwell';
export const TAGLINE = 'Practical courses that fit around your life.';

const configuredContact: unknown = import.meta.env?.VITE_CONTACT_EMAIL;
export const CONTACT_EMAIL: string =
  typeof configuredContact === 'string' && configuredContact.includes('@')
    ? configuredContact
    : 'hello@learnwell.example';
