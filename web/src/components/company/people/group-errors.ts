import { errorMessage, isApiError } from '../../../lib/api.ts';

/** What to say when a group name is refused (409 group_exists, 422 invalid_group_name, 400). */
export function groupNameError(err: unknown, name: string): string {
  if (isApiError(err, 'group_exists')) return `A group named “${name}” already exists. Choose another name.`;
  if (isApiError(err, 'invalid_group_name') || isApiError(err, 'bad_request')) {
    return 'A group name needs 1 to 100 characters.';
  }
  return errorMessage(err);
}
