/**
 * The admin console's sections, grouped as the side navigation shows them (components/admin/AdminNav.tsx).
 * The account menu links only the console itself; every admin page is reached from here.
 */
export interface AdminSection {
  href: string;
  label: string;
  /** Active only on this exact path (a parent path of other sections). */
  end?: boolean;
}

export interface AdminGroup {
  label: string;
  sections: AdminSection[];
}

export const ADMIN_GROUPS: AdminGroup[] = [
  {
    label: 'Platform',
    sections: [
      { href: '/admin', label: 'Overview', end: true },
      { href: '/admin/people', label: 'People' },
      { href: '/admin/audit', label: 'Audit log' },
    ],
  },
  {
    label: 'Learning',
    sections: [
      { href: '/admin/courses', label: 'Courses', end: true },
      { href: '/admin/courses/review', label: 'Course reviews' },
      { href: '/admin/courses/categories', label: 'Categories and tags' },
      { href: '/admin/labs', label: 'Lab queue' },
    ],
  },
  {
    label: 'Business',
    sections: [
      { href: '/admin/commerce', label: 'Commerce' },
      { href: '/admin/companies', label: 'Companies' },
    ],
  },
  {
    label: 'Content',
    sections: [
      { href: '/admin/site', label: 'Site content' },
      { href: '/admin/blog', label: 'Blog' },
      { href: '/admin/faq', label: 'FAQ and messages' },
      { href: '/admin/reviews', label: 'Reviews' },
      { href: '/admin/reports', label: 'Reported content' },
    ],
  },
];
