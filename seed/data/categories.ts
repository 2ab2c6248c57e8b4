import type { CategorySeed } from './types.ts';

/** Catalog categories, in display order. */
export const CATEGORIES: CategorySeed[] = [
  {
    slug: 'web-development',
    name: 'Web Development',
    description:
      'Build for the browser: HTML, CSS, JavaScript, TypeScript and the performance work that makes sites feel fast.',
  },
  {
    slug: 'data-science',
    name: 'Data Science',
    description: 'Turn raw data into decisions with Python, SQL, statistics and machine learning.',
  },
  {
    slug: 'design',
    name: 'Design',
    description: 'Visual and interaction design, and the research that tells you what to design.',
  },
  {
    slug: 'business',
    name: 'Business',
    description: 'Product management, finance and the skills that connect teams to outcomes.',
  },
  {
    slug: 'cloud-devops',
    name: 'Cloud & DevOps',
    description: 'Version control, containers and the platforms that ship and run software.',
  },
];
