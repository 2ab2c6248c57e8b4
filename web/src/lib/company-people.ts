import type { CompanyMemberQueryInput, CompanyMemberRow, CompanyMemberStatus } from '../../../edge/api-types.ts';

/**
 * The People table's state (search, filters, sort, page) as it lives in the URL query, and back
 * to the members query the API takes (GET /api/companies/:id/members). Values the URL may hold but
 * the API would refuse are dropped, so a hand-edited address still shows a page.
 */

export const MEMBER_SORTS = ['name', 'email', 'group', 'progress', 'lastActivity', 'status'] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];
export const MEMBER_STATUSES = ['active', 'invited', 'expired', 'removed'] as const;
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE = 1000;
const MAX_Q = 200;

export const STATUS_LABELS: Record<CompanyMemberStatus, string> = {
  active: 'Active',
  invited: 'Invited',
  expired: 'Invitation expired',
  removed: 'Removed',
};

export interface PeopleState {
  q: string;
  /** A group id, 'none' (no group) or '' (any). */
  group: string;
  status: CompanyMemberStatus | '';
  sort: MemberSort;
  dir: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** The URL query keys of the table (anything else in the query, such as `company`, is left alone). */
export type PeopleParams = Partial<Record<'q' | 'group' | 'status' | 'sort' | 'dir' | 'page' | 'pageSize', string>>;

export const DEFAULT_STATE: PeopleState = {
  q: '',
  group: '',
  status: '',
  sort: 'name',
  dir: 'asc',
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

function positive(v: string | undefined, max: number): number | null {
  if (!v || !/^\d{1,7}$/.test(v)) return null;
  const n = Number(v);
  return n >= 1 && n <= max ? n : null;
}

/** The table's state from the URL query; unknown or out-of-range values fall back to the defaults. */
export function stateFromParams(params: Record<string, string | string[] | undefined>): PeopleState {
  const q = (one(params.q) ?? '').trim().slice(0, MAX_Q);
  const group = one(params.group) ?? '';
  const status = one(params.status) ?? '';
  const sort = one(params.sort) ?? '';
  const size = positive(one(params.pageSize), 200);
  return {
    q,
    group: group === 'none' || UUID.test(group) ? group.toLowerCase() : '',
    status: (MEMBER_STATUSES as readonly string[]).includes(status) ? (status as CompanyMemberStatus) : '',
    sort: (MEMBER_SORTS as readonly string[]).includes(sort) ? (sort as MemberSort) : DEFAULT_STATE.sort,
    dir: one(params.dir) === 'desc' ? 'desc' : 'asc',
    page: positive(one(params.page), MAX_PAGE) ?? 1,
    pageSize: size ?? DEFAULT_PAGE_SIZE,
  };
}

/**
 * The URL query for a change of state: every table key is named, defaults as undefined so the
 * router removes them (the address stays short and `company` stays as it is).
 */
export function paramsFromState(state: PeopleState): PeopleParams {
  const d = DEFAULT_STATE;
  return {
    q: state.q.trim() || undefined,
    group: state.group || undefined,
    status: state.status || undefined,
    sort: state.sort === d.sort ? undefined : state.sort,
    dir: state.dir === d.dir ? undefined : state.dir,
    page: state.page === 1 ? undefined : String(state.page),
    pageSize: state.pageSize === d.pageSize ? undefined : String(state.pageSize),
  };
}

/** The members query for the API. */
export function memberQuery(state: PeopleState): CompanyMemberQueryInput {
  return {
    q: state.q || undefined,
    group: state.group || undefined,
    status: state.status || undefined,
    sort: state.sort,
    dir: state.dir,
    page: state.page,
    pageSize: state.pageSize,
  };
}

/**
 * A change of filters or search goes back to page 1; a change of page keeps the rest. `patch` is
 * applied on top of `state`.
 */
export function nextState(state: PeopleState, patch: Partial<PeopleState>): PeopleState {
  const filtersChanged =
    ('q' in patch && patch.q !== state.q) ||
    ('group' in patch && patch.group !== state.group) ||
    ('status' in patch && patch.status !== state.status) ||
    ('pageSize' in patch && patch.pageSize !== state.pageSize) ||
    ('sort' in patch && patch.sort !== state.sort) ||
    ('dir' in patch && patch.dir !== state.dir);
  return { ...state, ...patch, page: patch.page ?? (filtersChanged ? 1 : state.page) };
}

/** Clicking a column header: the same column flips its direction, another starts ascending. */
export function toggleSort(state: PeopleState, sort: MemberSort): Pick<PeopleState, 'sort' | 'dir'> {
  if (state.sort === sort) return { sort, dir: state.dir === 'asc' ? 'desc' : 'asc' };
  return { sort, dir: 'asc' };
}

export function ariaSort(state: PeopleState, sort: MemberSort): 'ascending' | 'descending' | undefined {
  if (state.sort !== sort) return undefined;
  return state.dir === 'asc' ? 'ascending' : 'descending';
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}

/** Whether any search or filter narrows the list. */
export function isFiltered(state: PeopleState): boolean {
  return state.q !== '' || state.group !== '' || state.status !== '';
}

/** Adds `key=value` to a path that may already have a query (`href()` adds `?company=` sometimes). */
export function withParam(path: string, key: string, value: string): string {
  const [base = '', hash] = path.split('#', 2);
  const sep = base.includes('?') ? '&' : '?';
  const out = `${base}${sep}${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
  return hash === undefined ? out : `${out}#${hash}`;
}

/** The name to show: the member's name, or their email when they have none. */
export function displayName(row: Pick<CompanyMemberRow, 'name' | 'email'>): string {
  return row.name.trim() || row.email;
}

/** Whether a row can be selected (moved, assigned): active and removed members are people with an account. */
export function selectable(row: Pick<CompanyMemberRow, 'kind' | 'status'>): boolean {
  return row.kind === 'member' && row.status === 'active';
}

/** The selection after toggling "select all on this page": all of the page's ids in, or all out. */
export function toggleAll(selected: readonly string[], pageIds: readonly string[], on: boolean): string[] {
  if (on) return [...selected, ...pageIds.filter((id) => !selected.includes(id))];
  return selected.filter((id) => !pageIds.includes(id));
}
