import { createAsync, useNavigate, useParams } from '@solidjs/router';
import { createSignal, Match, Show, Suspense, Switch } from 'solid-js';
import type { CertificateVerification } from '../../../edge/api-types.ts';
import { ErrorMessage, ErrorNotice } from '../components/Notices.tsx';
import { SkeletonBlock } from '../components/Skeleton.tsx';
import { isApiError } from '../lib/api.ts';
import { CODE_PATTERN, certificatesApi, normaliseCode } from '../lib/certificates.ts';
import { useApp } from '../lib/context.ts';
import { formatDate } from '../lib/format.ts';
import { type Result, settle } from '../lib/queries.ts';
import { PageTitle } from '../lib/title.ts';
import '../styles/certificates.css';

/**
 * The public verification page, /verify/:code (a certificate's QR code leads here): Valid,
 * Revoked or Not found, with the minimal data the API gives (learner, course, date); and a form
 * to check another code.
 */
export default function VerifyPage() {
  const params = useParams<{ code?: string }>();
  const code = () => (params.code ? normaliseCode(decodeURIComponent(params.code)) : '');
  return (
    <div class="container section verify-page">
      <h1>Verify a certificate</h1>
      <Show when={code()} fallback={<PageTitle text="Verify a certificate" />}>
        {(c) => <VerifyResult code={c()} />}
      </Show>
      <CodeForm initial={code()} />
    </div>
  );
}

function VerifyResult(props: { code: string }) {
  const { api } = useApp();
  const certs = certificatesApi(api);
  const [attempt, setAttempt] = createSignal(0);
  const answer = createAsync<Result<CertificateVerification>>(() => {
    attempt();
    return settle(certs.verify(props.code));
  });
  const failed = () => {
    const r = answer();
    return r && !r.ok ? r.error : undefined;
  };
  const found = () => {
    const r = answer();
    return r?.ok ? r.value : undefined;
  };
  return (
    <Suspense fallback={<SkeletonBlock height={8} label="Checking the code…" />}>
      <Switch>
        <Match when={failed() && isApiError(failed(), 'not_found')}>
          <PageTitle text="Certificate not found" />
          <section class="verify-result verify-not-found" aria-labelledby="verify-status">
            <h2 id="verify-status">Not found</h2>
            <p>
              No certificate has the code <code class="certificate-code">{props.code}</code>. Check it against the
              certificate: it has six groups of four letters and digits.
            </p>
          </section>
        </Match>
        <Match when={failed()}>
          {(error) => (
            <>
              <PageTitle text="Verify a certificate" />
              <ErrorNotice error={error()} retry={() => setAttempt((n) => n + 1)} />
            </>
          )}
        </Match>
        <Match when={found()}>
          {(v) => (
            <section
              class={`verify-result ${v().valid ? 'verify-valid' : 'verify-revoked'}`}
              aria-labelledby="verify-status"
            >
              <PageTitle text={v().valid ? 'Valid certificate' : 'Revoked certificate'} />
              <h2 id="verify-status">{v().valid ? 'Valid' : 'Revoked'}</h2>
              <p>
                {v().valid
                  ? 'This certificate is genuine and in force.'
                  : 'This certificate was issued but has since been revoked: it is no longer valid.'}
              </p>
              <dl class="certificate-facts">
                <div>
                  <dt>Learner</dt>
                  <dd>{v().learner}</dd>
                </div>
                <div>
                  <dt>Course</dt>
                  <dd>{v().course}</dd>
                </div>
                <div>
                  <dt>Issued</dt>
                  <dd>{formatDate(v().issuedAt)}</dd>
                </div>
                <div>
                  <dt>Code</dt>
                  <dd>
                    <code class="certificate-code">{props.code}</code>
                  </dd>
                </div>
              </dl>
            </section>
          )}
        </Match>
      </Switch>
    </Suspense>
  );
}

function CodeForm(props: { initial: string }) {
  const navigate = useNavigate();
  const [value, setValue] = createSignal(props.initial);
  const [error, setError] = createSignal<string | null>(null);
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const code = normaliseCode(value());
    if (!CODE_PATTERN.test(code)) {
      setError(
        'Enter the code as printed: six groups of four letters and digits, such as 3F9A-0C1D-77E2-B4A8-19C0-5D6E.',
      );
      return;
    }
    setError(null);
    navigate(`/verify/${code}`);
  };
  return (
    <form class="verify-form" onSubmit={onSubmit} novalidate aria-labelledby="verify-form-title">
      <h2 id="verify-form-title">Check a code</h2>
      <div class="field">
        <label for="verify-code">Verification code</label>
        <input
          id="verify-code"
          name="code"
          autocomplete="off"
          spellcheck={false}
          placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
          value={value()}
          onInput={(e) => setValue(e.currentTarget.value)}
          aria-invalid={error() ? 'true' : undefined}
          aria-describedby={error() ? 'verify-code-error' : undefined}
        />
      </div>
      <ErrorMessage message={error()} id="verify-code-error" />
      <button type="submit" class="button button-primary">
        Verify
      </button>
    </form>
  );
}
