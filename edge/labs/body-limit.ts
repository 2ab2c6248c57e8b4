/**
 * Request bodies that carry code: a learner's program (up to 100,000 characters, so up to
 * ~400 KB of UTF-8 at worst, though code is mostly ASCII) or an instructor's lab texts. These
 * routes, and only these, get LAB_BODY_BYTES instead of the API-wide limit (edge/app.ts).
 */
export const LAB_BODY_BYTES = 256 * 1024;

const UUID = '[0-9a-fA-F-]{36}';
const LARGE_BODY_ROUTES: [string, RegExp][] = [
  ['POST', new RegExp(`^/api/labs/${UUID}/(runs|submissions)/?$`)],
  ['PUT', new RegExp(`^/api/labs/${UUID}/draft/?$`)],
  ['POST', new RegExp(`^/api/teach/courses/${UUID}/labs/?$`)],
  ['PATCH', new RegExp(`^/api/teach/labs/${UUID}/?$`)],
  ['POST', new RegExp(`^/api/teach/labs/${UUID}/check/?$`)],
];

/** Whether a request may carry a lab-sized body (method and path, as the API sees them). */
export function isLabCodeRoute(method: string, path: string): boolean {
  return LARGE_BODY_ROUTES.some(([m, re]) => m === method && re.test(path));
}
