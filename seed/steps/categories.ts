import type { Sql } from '../../edge/db/port.ts';
import { CATEGORIES } from '../data/index.ts';
import { ids } from '../ids.ts';
import type { SeedStep } from './context.ts';

/** The demo categories, restored to their seeded text; the scale fixture reuses them too. */
export async function writeDemoCategories(sql: Sql): Promise<void> {
  const rows = CATEGORIES.map((c, i) => ({
    id: ids.category(c.slug),
    slug: c.slug,
    name: c.name,
    description: c.description,
    position: i + 1,
  }));
  // A category a user already created under a demo slug is reused as it is.
  await sql.query(
    `insert into public.categories (id, slug, name, description, position)
     select id, slug, name, description, position
     from jsonb_to_recordset($1::jsonb) as x(id uuid, slug text, name text, description text, position int)
     on conflict (slug) do update
       set name = excluded.name, description = excluded.description, position = excluded.position
       where categories.id = excluded.id
         and (categories.name, categories.description, categories.position)
             is distinct from (excluded.name, excluded.description, excluded.position)`,
    [JSON.stringify(rows)],
  );
}

export const seedCategories: SeedStep = (sql) => writeDemoCategories(sql);
