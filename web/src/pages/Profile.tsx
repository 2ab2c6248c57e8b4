import { A } from '@solidjs/router';
import { createEffect, createSignal, on, Show } from 'solid-js';
import { Field, SubmitButton } from '../components/Form.tsx';
import { ErrorMessage, Loading } from '../components/Notices.tsx';
import { RequireAuth } from '../components/RequireAuth.tsx';
import { Upload } from '../components/Upload.tsx';
import { errorMessage } from '../lib/api.ts';
import { useApp } from '../lib/context.ts';
import { currentProfile, initials, loadProfile, setCurrentProfile } from '../lib/profile.ts';
import { createAction, createSubmit } from '../lib/submit.ts';
import { usePageTitle } from '../lib/title.ts';
import { AVATAR_RULES, objectName } from '../lib/upload.ts';
import { ROUTES } from '../routes.ts';
import '../styles/upload.css';

export default function Profile() {
  usePageTitle(() => 'Your profile');
  return (
    <RequireAuth>
      <ProfilePage />
    </RequireAuth>
  );
}

function ProfilePage() {
  const { api, auth, announce } = useApp();
  const userId = () => auth.state.user!.id;
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const [form, setForm] = createSignal({ firstName: '', lastName: '' });
  const [saved, setSaved] = createSignal('');

  // The form starts from the saved profile, once it is here (and again for another user).
  createEffect(
    on(userId, (id) => {
      const fill = (p: { firstName: string; lastName: string }) =>
        setForm({ firstName: p.firstName, lastName: p.lastName });
      const known = currentProfile();
      if (known?.id === id) fill(known);
      loadProfile(api, id).then(
        (p) => {
          fill(p);
          setLoadError(null);
        },
        (err: unknown) => setLoadError(errorMessage(err)),
      );
    }),
  );

  const { submit, busy, error } = createSubmit(
    async () => {
      setSaved('');
      const f = form();
      try {
        const profile = await api.updateProfile({ firstName: f.firstName, lastName: f.lastName });
        setCurrentProfile(profile);
        setSaved('Your name is saved.');
      } catch (err) {
        return errorMessage(err);
      }
    },
    {
      check: () => (form().firstName.trim() ? null : 'Enter your first name.'),
    },
  );

  const setAvatar = async (url: string | null) => {
    const profile = await api.updateProfile({ profileImageUrl: url });
    setCurrentProfile(profile);
    announce(url ? 'Your profile picture is updated.' : 'Your profile picture is removed.');
  };
  const removeAvatar = createAction(() => setAvatar(null));

  return (
    <div class="container profile-page">
      <h1>Your profile</h1>
      <Show when={loadError()}>
        <ErrorMessage message={loadError()} />
      </Show>
      <Show when={currentProfile()?.id === userId() ? currentProfile() : null} fallback={<Loading />}>
        {(profile) => (
          <>
            <section class="profile-section" aria-labelledby="profile-picture-heading">
              <h2 id="profile-picture-heading">Profile picture</h2>
              <div class="profile-avatar-row">
                <Show
                  when={profile().profileImageUrl}
                  fallback={
                    <span class="avatar avatar-initials avatar-large" role="img" aria-label="No avatar yet">
                      {initials(profile().firstName, profile().lastName, profile().email)}
                    </span>
                  }
                >
                  {(url) => <img class="avatar avatar-large" src={url()} alt="Your avatar" width="96" height="96" />}
                </Show>
                <Show when={profile().profileImageUrl}>
                  <button
                    type="button"
                    class="button button-secondary button-small"
                    disabled={removeAvatar.busy()}
                    onClick={() => void removeAvatar.run()}
                  >
                    Remove picture
                  </button>
                </Show>
              </div>
              <ErrorMessage message={removeAvatar.error()} />
              <Upload
                label="Upload a new picture"
                bucket="avatars"
                rules={AVATAR_RULES}
                pathFor={(file) => objectName(userId(), 'avatar', file.type)}
                onUploaded={({ publicUrl }) => setAvatar(publicUrl)}
              />
            </section>

            <section class="profile-section" aria-labelledby="profile-name-heading">
              <h2 id="profile-name-heading">Your name</h2>
              <p class="muted">Signed in as {profile().email}.</p>
              <form onSubmit={submit}>
                <div class="field-row">
                  <Field
                    id="profile-first"
                    label="First name"
                    name="firstName"
                    autocomplete="given-name"
                    required
                    maxLength={100}
                    value={form().firstName}
                    onValue={(v) => setForm({ ...form(), firstName: v })}
                  />
                  <Field
                    id="profile-last"
                    label="Last name"
                    name="lastName"
                    autocomplete="family-name"
                    maxLength={100}
                    value={form().lastName}
                    onValue={(v) => setForm({ ...form(), lastName: v })}
                  />
                </div>
                <ErrorMessage message={error()} />
                <p role="status" class="form-status">
                  {saved()}
                </p>
                <SubmitButton busy={busy()} busyLabel="Saving…">
                  Save name
                </SubmitButton>
              </form>
            </section>

            <section class="profile-section" aria-labelledby="profile-notifications-heading">
              <h2 id="profile-notifications-heading">Notifications</h2>
              <p>
                <A href={ROUTES.notificationSettings}>Choose what shows in the bell and what we email you</A>
              </p>
            </section>
          </>
        )}
      </Show>
    </div>
  );
}
