import type { PublicConfig } from '../../../edge/api-types.ts';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Whether to offer the dev outbox: only when the server runs it (embedded dev mode) and the page
 * is open on this machine. The outbox holds live password-reset links; a link to it in a public
 * footer would invite anyone who can reach the site to try it.
 */
export function showDevOutbox(config: Pick<PublicConfig, 'devOutbox'>, hostname: string): boolean {
  return config.devOutbox === true && LOCAL_HOSTS.has(hostname.toLowerCase());
}
