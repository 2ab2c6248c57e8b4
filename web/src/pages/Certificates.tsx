import { A, createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { CertificateSummary } from '../../../edge/api-types.ts';
import { Async } from '../components/Async.tsx';
import { ErrorMessage } from '../components/Notices.tsx';
import { RequireAuth } from '../components/RequireAuth.tsx';
import { SkeletonBlock } from '../components/Skeleton.tsx';
import { certificatesApi, linkedInAddUrl, shareLinks, verifyUrl } from '../lib/certificates.ts';
import { useApp } from '../lib/context.ts';
import { formatDate } from '../lib/format.ts';
import { settle } from '../lib/queries.ts';
import { SITE_NAME } from '../lib/site.ts';
import { createAction } from '../lib/submit.ts';
import { usePageTitle } from '../lib/title.ts';
import '../styles/certificates.css';

/**
 * The learner's certificates: each with its course, date and verification code; the PDF, the
 * Open Badges credential, the verification link to copy, "Add to LinkedIn" and share links.
 */
export default function CertificatesPage() {
  usePageTitle(() => 'Certificates');
  return (
    <RequireAuth>
      <CertificatesView />
    </RequireAuth>
  );
}

function CertificatesView() {
  const { api } = useApp();
  const certs = certificatesApi(api);
  const [attempt, setAttempt] = createSignal(0);
  const list = createAsync(() => {
    attempt();
    return settle(certs.list());
  });
  return (
    <div class="container section certificates">
      <h1>Certificates</h1>
      <p class="muted">
        Earned by completing a course. Anyone can check one with its code on the <A href="/verify">verification page</A>
        .
      </p>
      <Async
        data={list}
        fallback={<SkeletonBlock height={12} label="Loading your certificates…" />}
        retry={() => setAttempt((n) => n + 1)}
      >
        {(data) => (
          <Show
            when={data().items.length > 0}
            fallback={
              <div class="empty-state">
                <p>You have no certificates yet. Complete a course to earn one.</p>
                <A href="/dashboard" class="button button-primary">
                  Go to my learning
                </A>
              </div>
            }
          >
            <ul class="certificate-list">
              <For each={data().items}>{(cert) => <CertificateCard cert={cert} />}</For>
            </ul>
          </Show>
        )}
      </Async>
    </div>
  );
}

function CertificateCard(props: { cert: CertificateSummary }) {
  const { api } = useApp();
  const certs = certificatesApi(api);
  const c = () => props.cert;
  const origin = () => window.location.origin;
  const link = () => verifyUrl(origin(), c().code);
  const headingId = () => `certificate-${c().id}`;
  const [copied, setCopied] = createSignal('');
  const pdf = createAction(() => certs.downloadPdf(c()));
  const credential = createAction(() => certs.downloadCredential(c()));
  const copy = createAction(async () => {
    setCopied('');
    try {
      await navigator.clipboard.writeText(link());
      setCopied('Verification link copied.');
    } catch {
      return 'Could not copy: select the link and copy it yourself.';
    }
  });
  return (
    <li class="certificate-card">
      <div class="certificate-card-head">
        <h2 id={headingId()}>
          <Show when={c().course.slug} fallback={c().course.title}>
            {(slug) => <A href={`/courses/${slug()}`}>{c().course.title}</A>}
          </Show>
        </h2>
        <Show when={c().revoked}>
          <span class="status-pill certificate-revoked">Revoked</span>
        </Show>
      </div>
      <dl class="certificate-facts">
        <div>
          <dt>Issued</dt>
          <dd>{formatDate(c().issuedAt)}</dd>
        </div>
        <div>
          <dt>Instructor</dt>
          <dd>{c().instructorName || '—'}</dd>
        </div>
        <div>
          <dt>Verification code</dt>
          <dd>
            <code class="certificate-code">{c().code}</code>
          </dd>
        </div>
      </dl>
      <p class="certificate-link">
        <A href={`/verify/${c().code}`}>{link()}</A>
      </p>
      <div class="certificate-actions">
        <button
          type="button"
          class="button button-primary button-small"
          onClick={() => pdf.run()}
          disabled={pdf.busy()}
        >
          {pdf.busy() ? 'Preparing the PDF…' : 'Download PDF'}
        </button>
        <button type="button" class="button button-secondary button-small" onClick={() => copy.run()}>
          Copy verification link
        </button>
        <Show when={!c().revoked}>
          <button
            type="button"
            class="button button-secondary button-small"
            onClick={() => credential.run()}
            disabled={credential.busy()}
          >
            Download Open Badges credential
          </button>
          <a
            class="button button-secondary button-small"
            href={linkedInAddUrl(c(), SITE_NAME, origin())}
            target="_blank"
            rel="noopener noreferrer"
          >
            Add to LinkedIn<span class="sr-only"> (opens in a new tab)</span>
          </a>
        </Show>
      </div>
      <p class="certificate-status" role="status">
        {copied()}
      </p>
      <ErrorMessage message={pdf.error() ?? credential.error() ?? copy.error()} />
      <Show when={!c().revoked}>
        <p class="certificate-share small">
          Share on{' '}
          <For each={shareLinks(c(), origin())}>
            {(s, i) => (
              <>
                {i() > 0 ? ', ' : ''}
                <a href={s.href} target="_blank" rel="noopener noreferrer">
                  {s.label}
                  <span class="sr-only"> (opens in a new tab)</span>
                </a>
              </>
            )}
          </For>
        </p>
      </Show>
    </li>
  );
}
