import { describe, expect, it } from 'vitest';
import { companyMemberQuery } from '../../../edge/contract/companies.ts';
import { memberQueryString } from './company-api.ts';
import {
  ariaSort,
  DEFAULT_STATE,
  displayName,
  isFiltered,
  memberQuery,
  nextState,
  pageCount,
  paramsFromState,
  selectable,
  stateFromParams,
  toggleAll,
  toggleSort,
  withParam,
} from './company-people.ts';

const GROUP = '0b9c1f7e-3d7a-4a55-9a1e-2f1e7c9d8b10';

describe("the People table's state in the URL", () => {
  it('reads every key, and falls back to the defaults for what is missing or not valid', () => {
    expect(stateFromParams({})).toEqual(DEFAULT_STATE);
    expect(
      stateFromParams({
        q: '  lee ',
        group: GROUP.toUpperCase(),
        status: 'invited',
        sort: 'lastActivity',
        dir: 'desc',
        page: '3',
        pageSize: '10',
        company: 'x',
      }),
    ).toEqual({ q: 'lee', group: GROUP, status: 'invited', sort: 'lastActivity', dir: 'desc', page: 3, pageSize: 10 });
    expect(
      stateFromParams({ group: 'sales', status: 'gone', sort: 'salary', dir: 'up', page: '0', pageSize: '5000' }),
    ).toEqual(DEFAULT_STATE);
    expect(stateFromParams({ page: '-2' }).page).toBe(1);
    expect(stateFromParams({ page: '1.5' }).page).toBe(1);
    expect(stateFromParams({ page: '1001' }).page).toBe(1);
    expect(stateFromParams({ group: 'none' }).group).toBe('none');
    expect(stateFromParams({ q: 'x'.repeat(300) }).q).toHaveLength(200);
    expect(stateFromParams({ sort: ['email', 'name'] }).sort).toBe('email');
  });

  it('writes defaults as undefined so the router drops them, and round-trips the rest', () => {
    expect(paramsFromState(DEFAULT_STATE)).toEqual({
      q: undefined,
      group: undefined,
      status: undefined,
      sort: undefined,
      dir: undefined,
      page: undefined,
      pageSize: undefined,
    });
    const state = {
      q: 'lee',
      group: 'none',
      status: 'active',
      sort: 'email',
      dir: 'desc',
      page: 2,
      pageSize: 10,
    } as const;
    const params = paramsFromState(state);
    expect(params).toEqual({
      q: 'lee',
      group: 'none',
      status: 'active',
      sort: 'email',
      dir: 'desc',
      page: '2',
      pageSize: '10',
    });
    expect(stateFromParams(params)).toEqual(state);
  });

  it('gives the API a query its contract accepts, in the query string the API client sends', () => {
    const state = stateFromParams({ q: 'a&b', group: 'none', status: 'expired', sort: 'progress', dir: 'desc' });
    const query = memberQuery(state);
    expect(companyMemberQuery.parse(query)).toEqual({
      q: 'a&b',
      group: 'none',
      status: 'expired',
      sort: 'progress',
      dir: 'desc',
      page: 1,
      pageSize: 25,
    });
    expect(memberQueryString(memberQuery(DEFAULT_STATE))).toBe('?sort=name&dir=asc&page=1&pageSize=25');
    expect(memberQueryString(query)).toContain('q=a%26b&group=none&status=expired');
  });

  it('goes back to page 1 when the search, a filter, the sort or the page size changes', () => {
    const on3 = { ...DEFAULT_STATE, page: 3 };
    expect(nextState(on3, { q: 'x' }).page).toBe(1);
    expect(nextState(on3, { group: 'none' }).page).toBe(1);
    expect(nextState(on3, { status: 'removed' }).page).toBe(1);
    expect(nextState(on3, { pageSize: 10 }).page).toBe(1);
    expect(nextState(on3, { sort: 'email', dir: 'asc' }).page).toBe(1);
    expect(nextState(on3, { q: '' }).page).toBe(3);
    expect(nextState(on3, { page: 4 }).page).toBe(4);
  });

  it('sorts by a header: the same column flips, another starts ascending; aria-sort follows', () => {
    expect(toggleSort(DEFAULT_STATE, 'name')).toEqual({ sort: 'name', dir: 'desc' });
    expect(toggleSort({ ...DEFAULT_STATE, dir: 'desc' }, 'name')).toEqual({ sort: 'name', dir: 'asc' });
    expect(toggleSort({ ...DEFAULT_STATE, dir: 'desc' }, 'email')).toEqual({ sort: 'email', dir: 'asc' });
    expect(ariaSort(DEFAULT_STATE, 'name')).toBe('ascending');
    expect(ariaSort({ ...DEFAULT_STATE, dir: 'desc' }, 'name')).toBe('descending');
    expect(ariaSort(DEFAULT_STATE, 'email')).toBeUndefined();
  });

  it('counts pages and tells a filtered list from the whole one', () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(25, 25)).toBe(1);
    expect(pageCount(26, 25)).toBe(2);
    expect(isFiltered(DEFAULT_STATE)).toBe(false);
    expect(isFiltered({ ...DEFAULT_STATE, status: 'active' })).toBe(true);
    expect(isFiltered({ ...DEFAULT_STATE, sort: 'email', page: 2 })).toBe(false);
  });
});

describe('links and selection', () => {
  it('adds a parameter to a path with or without a query', () => {
    expect(withParam('/company/people', 'group', GROUP)).toBe(`/company/people?group=${GROUP}`);
    expect(withParam('/company/people?company=c1', 'group', 'none')).toBe('/company/people?company=c1&group=none');
    expect(withParam('/company/assignments', 'users', 'a,b')).toBe('/company/assignments?users=a%2Cb');
  });

  it('names a person by name, else by email; only active members can be selected', () => {
    expect(displayName({ name: ' ', email: 'a@b.test' })).toBe('a@b.test');
    expect(displayName({ name: 'Jamie Lee', email: 'a@b.test' })).toBe('Jamie Lee');
    expect(selectable({ kind: 'member', status: 'active' })).toBe(true);
    expect(selectable({ kind: 'member', status: 'removed' })).toBe(false);
    expect(selectable({ kind: 'invitation', status: 'invited' })).toBe(false);
  });

  it('selects or clears every row of the page, keeping other pages', () => {
    expect(toggleAll(['x', 'a'], ['a', 'b'], true)).toEqual(['x', 'a', 'b']);
    expect(toggleAll(['x', 'a', 'b'], ['a', 'b'], false)).toEqual(['x']);
  });
});
