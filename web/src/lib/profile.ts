import { createSignal } from 'solid-js';
import type { Profile } from '../../../edge/api-types.ts';
import type { Api } from './api.ts';

/**
 * The signed-in user's profile, shared by the header (name and avatar) and the profile page:
 * a change saved on the page shows in the header at once.
 */
const [current, setCurrent] = createSignal<Profile | null>(null);

export const currentProfile = current;

export function setCurrentProfile(profile: Profile | null): void {
  setCurrent(profile);
}

let loading: { userId: string; promise: Promise<Profile> } | null = null;

/** Loads the profile of `userId` (once while one load is running) and shares it. */
export function loadProfile(api: Api, userId: string): Promise<Profile> {
  if (loading?.userId === userId) return loading.promise;
  const promise = api.profile().then(
    (profile) => {
      if (loading?.promise === promise) loading = null;
      if (profile.id === userId) setCurrent(profile);
      return profile;
    },
    (err: unknown) => {
      if (loading?.promise === promise) loading = null;
      throw err;
    },
  );
  loading = { userId, promise };
  return promise;
}

/** Initials for an avatar placeholder: "AL" for Ada Lovelace, "S" for student@… */
export function initials(firstName: string, lastName: string, email = ''): string {
  const letters = [firstName, lastName]
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => [...s][0]!.toUpperCase());
  if (letters.length) return letters.join('');
  return ([...email.trim()][0] ?? '?').toUpperCase();
}
