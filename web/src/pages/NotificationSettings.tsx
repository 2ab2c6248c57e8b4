import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { DigestFrequency, NotificationPreference, NotificationPreferences } from '../../../edge/api-types.ts';
import { Async } from '../components/Async.tsx';
import { CheckboxField, FormNotice, SelectField } from '../components/admin/Fields.tsx';
import { formErrors } from '../components/admin/form-errors.ts';
import { useList } from '../components/admin/use-list.ts';
import { RequireAuth } from '../components/RequireAuth.tsx';
import { SkeletonBlock } from '../components/Skeleton.tsx';
import { useApp } from '../lib/context.ts';
import { CATEGORY_TEXT, DIGEST_OPTIONS, notificationPrefsApi } from '../lib/notification-prefs-api.ts';
import { createAction } from '../lib/submit.ts';
import { usePageTitle } from '../lib/title.ts';
import { ROUTES } from '../routes.ts';
import '../styles/notification-prefs.css';
import '../styles/upload.css';

/** /account/notifications: per category, the bell and email; the digest; essential account mail only. */
export default function NotificationSettings() {
  usePageTitle(() => 'Notification settings');
  return (
    <RequireAuth>
      <SettingsPage />
    </RequireAuth>
  );
}

function SettingsPage() {
  const { api } = useApp();
  const prefs = notificationPrefsApi(api);
  const data = useList(prefs.get);
  return (
    <div class="container profile-page">
      <p>
        <A href={ROUTES.profile}>Back to your profile</A>
      </p>
      <h1>Notification settings</h1>
      <p class="muted">
        Choose what shows in the bell and what we email you. Sign-in, password and receipt emails are always sent.
      </p>
      <Async
        data={data.data}
        fallback={<SkeletonBlock height={24} label="Loading your notification settings…" />}
        retry={data.reload}
      >
        {(initial) => <SettingsForm initial={initial()} save={prefs.save} />}
      </Async>
    </div>
  );
}

function SettingsForm(props: {
  initial: NotificationPreferences;
  save: (p: NotificationPreferences) => Promise<NotificationPreferences>;
}) {
  const [categories, setCategories] = createSignal<NotificationPreference[]>(props.initial.categories);
  const [digest, setDigest] = createSignal<DigestFrequency>(props.initial.digest);
  const [essentialOnly, setEssentialOnly] = createSignal(props.initial.essentialOnly);
  const [saved, setSaved] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});

  const change = (category: string, patch: Partial<NotificationPreference>) => {
    setSaved(null);
    setCategories((all) => all.map((c) => (c.category === category ? { ...c, ...patch } : c)));
  };

  const save = createAction(
    async () => {
      setSaved(null);
      setFields({});
      const result = await props.save({ categories: categories(), digest: digest(), essentialOnly: essentialOnly() });
      setCategories(result.categories);
      setDigest(result.digest);
      setEssentialOnly(result.essentialOnly);
      setSaved('Your notification settings are saved.');
    },
    (err) => {
      const refused = formErrors(err, ['categories', 'digest', 'essentialOnly']);
      setFields(refused.fields);
      return refused.message;
    },
  );

  return (
    <form
      class="profile-section"
      aria-describedby="notification-settings-error"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <FormNotice id="notification-settings-error" error={save.error()} success={saved()} />
      <div class="table-scroll">
        <table class="prefs-table">
          <caption class="sr-only">Notifications by category: in the bell (in-app) and by email</caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col" id="prefs-col-in-app">
                In-app
              </th>
              <th scope="col" id="prefs-col-email">
                Email
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={categories()}>
              {(c) => {
                const text = CATEGORY_TEXT[c.category];
                const row = `prefs-${c.category}`;
                return (
                  <tr>
                    <th scope="row">
                      <span id={`${row}-label`}>{text.label}</span>
                      <span class="prefs-hint" id={`${row}-hint`}>
                        {text.hint}
                      </span>
                    </th>
                    <td>
                      <input
                        type="checkbox"
                        id={`${row}-in-app`}
                        aria-labelledby={`prefs-col-in-app ${row}-label`}
                        aria-describedby={text.bellFixed ? `${row}-hint` : undefined}
                        checked={text.bellFixed ? true : c.inApp}
                        disabled={text.bellFixed}
                        onChange={(e) => change(c.category, { inApp: e.currentTarget.checked })}
                      />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        id={`${row}-email`}
                        aria-labelledby={`prefs-col-email ${row}-label`}
                        checked={c.email}
                        onChange={(e) => change(c.category, { email: e.currentTarget.checked })}
                      />
                    </td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={fields().categories}>
        <p class="field-error">{fields().categories}</p>
      </Show>
      <SelectField
        id="prefs-digest"
        label="Email digest of unread notifications"
        value={digest()}
        onValue={(v) => {
          setSaved(null);
          setDigest(v as DigestFrequency);
        }}
        options={DIGEST_OPTIONS}
        error={fields().digest}
      />
      <CheckboxField
        id="prefs-essential-only"
        label="Email me nothing but essential account mail"
        hint="Turns off every notification email and the digest. Sign-in, password and receipt emails still arrive."
        checked={essentialOnly()}
        onChecked={(v) => {
          setSaved(null);
          setEssentialOnly(v);
        }}
        error={fields().essentialOnly}
      />
      <button type="submit" class="button" disabled={save.busy()}>
        {save.busy() ? 'Saving…' : 'Save notification settings'}
      </button>
    </form>
  );
}
