import { errorMessage } from '../lib/api.ts';
import { SITE_NAME } from '../lib/site.ts';

/** Shown when the app cannot start (the config endpoint is unreachable). */
export function BootError(props: { error: unknown }) {
  document.title = `Unavailable · ${SITE_NAME}`;
  return (
    <main id="main" class="boot-error container">
      <h1>{SITE_NAME} could not start</h1>
      <div role="alert">
        <p>{errorMessage(props.error)}</p>
      </div>
      <button type="button" class="button button-primary" onClick={() => location.reload()}>
        Reload the page
      </button>
    </main>
  );
}
