/**
 * A small schema.org checker for the JSON-LD the host writes, without the network: for each
 * type it knows, the properties schema.org defines for it (others are a mistake), those search
 * engines require (Google's structured data guidelines) and those they recommend. Nested objects
 * with a known @type are checked the same way.
 */

interface TypeRules {
  /** Every property the type may carry here (schema.org's, restricted to what we use or may use). */
  known: string[];
  required: string[];
  recommended: string[];
}

const THING = ['name', 'description', 'url', 'image', 'sameAs', 'identifier'];

export const SCHEMA_TYPES: Record<string, TypeRules> = {
  Course: {
    known: [
      ...THING,
      'provider',
      'offers',
      'hasCourseInstance',
      'inLanguage',
      'educationalLevel',
      'teaches',
      'coursePrerequisites',
      'aggregateRating',
      'courseCode',
      'numberOfCredits',
      'timeRequired',
      'about',
      'keywords',
      'review',
    ],
    required: ['name', 'description', 'provider'],
    recommended: ['offers', 'hasCourseInstance', 'url', 'inLanguage', 'image'],
  },
  CourseInstance: {
    known: [...THING, 'courseMode', 'courseWorkload', 'courseSchedule', 'instructor', 'location', 'offers'],
    required: ['courseMode'],
    recommended: ['courseWorkload', 'instructor'],
  },
  Offer: {
    known: [...THING, 'category', 'price', 'priceCurrency', 'availability', 'validFrom', 'priceValidUntil'],
    required: ['price', 'priceCurrency', 'category'],
    recommended: ['availability', 'url'],
  },
  Organization: {
    known: [...THING, 'logo', 'email', 'contactPoint', 'address'],
    required: ['name', 'url'],
    recommended: ['logo'],
  },
  Person: { known: [...THING, 'jobTitle', 'knowsAbout'], required: ['name'], recommended: [] },
  AggregateRating: {
    known: ['ratingValue', 'ratingCount', 'reviewCount', 'bestRating', 'worstRating'],
    required: ['ratingValue', 'ratingCount'],
    recommended: ['bestRating'],
  },
  BreadcrumbList: { known: [...THING, 'itemListElement'], required: ['itemListElement'], recommended: [] },
  ListItem: { known: ['position', 'name', 'item'], required: ['position', 'name', 'item'], recommended: [] },
  FAQPage: { known: [...THING, 'mainEntity'], required: ['mainEntity'], recommended: [] },
  Question: {
    known: ['name', 'text', 'acceptedAnswer', 'answerCount'],
    required: ['name', 'acceptedAnswer'],
    recommended: [],
  },
  Answer: { known: ['text', 'url'], required: ['text'], recommended: [] },
  WebSite: { known: [...THING, 'potentialAction', 'publisher'], required: ['name', 'url'], recommended: [] },
  SearchAction: { known: ['target', 'query-input'], required: ['target', 'query-input'], recommended: [] },
  EntryPoint: { known: ['urlTemplate'], required: ['urlTemplate'], recommended: [] },
  Article: {
    known: [
      ...THING,
      'headline',
      'author',
      'datePublished',
      'dateModified',
      'publisher',
      'mainEntityOfPage',
      'articleSection',
      'keywords',
      'wordCount',
      'inLanguage',
    ],
    required: ['headline', 'author', 'datePublished'],
    recommended: ['image', 'dateModified', 'publisher'],
  },
  ItemList: { known: [...THING, 'itemListElement', 'numberOfItems'], required: ['itemListElement'], recommended: [] },
};

/** Properties whose value must be an absolute http(s) URL. */
const URL_PROPERTIES = new Set(['url', 'image', 'logo', 'item', 'urlTemplate', 'availability', 'mainEntityOfPage']);

export interface SchemaProblem {
  path: string;
  message: string;
  /** 'error': required or unknown; 'warning': recommended and missing. */
  level: 'error' | 'warning';
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const present = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/** The problems of one JSON-LD document (a top-level object with @context). */
export function checkJsonLd(doc: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  if (!isObject(doc)) return [{ path: '$', message: 'not an object', level: 'error' }];
  if (doc['@context'] !== 'https://schema.org') {
    problems.push({ path: '$', message: '@context must be https://schema.org', level: 'error' });
  }
  const visit = (node: unknown, path: string) => {
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) visit(item, `${path}[${i}]`);
      return;
    }
    if (!isObject(node)) return;
    const type = node['@type'];
    if (typeof type !== 'string') {
      problems.push({ path, message: 'missing @type', level: 'error' });
      return;
    }
    const rules = SCHEMA_TYPES[type];
    if (!rules) {
      problems.push({ path, message: `unknown @type ${type}`, level: 'error' });
      return;
    }
    for (const key of Object.keys(node)) {
      if (key.startsWith('@')) continue;
      if (!rules.known.includes(key))
        problems.push({ path, message: `${type} has no property ${key}`, level: 'error' });
    }
    for (const key of rules.required) {
      if (!present(node[key])) problems.push({ path, message: `${type} requires ${key}`, level: 'error' });
    }
    for (const key of rules.recommended) {
      if (!present(node[key])) problems.push({ path, message: `${type} should have ${key}`, level: 'warning' });
    }
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('@')) continue;
      if (URL_PROPERTIES.has(key) && typeof value === 'string' && !/^https?:\/\/[^\s]+$/.test(value)) {
        problems.push({ path: `${path}.${key}`, message: `${key} must be an absolute URL`, level: 'error' });
      }
      visit(value, `${path}.${key}`);
    }
    if (type === 'Offer' && typeof node.price === 'string' && !/^\d+(\.\d+)?$/.test(node.price)) {
      problems.push({ path: `${path}.price`, message: 'price must be a number without symbols', level: 'error' });
    }
    if (type === 'Offer' && typeof node.priceCurrency === 'string' && !/^[A-Z]{3}$/.test(node.priceCurrency)) {
      problems.push({ path: `${path}.priceCurrency`, message: 'priceCurrency must be ISO 4217', level: 'error' });
    }
    for (const key of ['datePublished', 'dateModified']) {
      if (
        type === 'Article' &&
        node[key] !== undefined &&
        !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(String(node[key]))
      ) {
        problems.push({ path: `${path}.${key}`, message: `${key} must be an ISO 8601 date`, level: 'error' });
      }
    }
    if (type === 'BreadcrumbList' && Array.isArray(node.itemListElement)) {
      node.itemListElement.forEach((item, i) => {
        if (isObject(item) && item.position !== i + 1) {
          problems.push({
            path: `${path}.itemListElement[${i}]`,
            message: 'positions must count from 1',
            level: 'error',
          });
        }
      });
    }
  };
  visit(doc, '$');
  return problems;
}
