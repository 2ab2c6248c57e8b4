/** A course slug from its title: lower-case ASCII words joined by '-', at most `max` characters. */
export function slugify(title: string, max = 80): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = base.slice(0, max).replace(/-+$/, '');
  return cut || 'course';
}

/** The n-th candidate for a slug: the base first, then the base with a random suffix. */
export function slugCandidate(base: string, attempt: number, random: () => string): string {
  return attempt === 0 ? base : `${base}-${random()}`;
}

/** Six lower-case hex characters from the platform's CSPRNG. */
export function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(3));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
