import { describe, expect, it } from 'vitest';
import { allowedAvatarUrl } from './avatar-url.ts';

const uid = '00000000-0000-4000-8000-000000000001';
const other = '00000000-0000-4000-8000-000000000002';
const project = 'http://localhost:8787';
const own = `${project}/storage/v1/object/public/avatars/${uid}`;

describe('allowedAvatarUrl', () => {
  it("accepts this project's public avatar URL in the caller's folder, with or without the origin", () => {
    for (const url of [
      `${own}/avatar.png`,
      `${own}/avatar-1732365000.webp`,
      `${own}/2026/me_1.jpg`,
      `/storage/v1/object/public/avatars/${uid}/avatar.png`,
    ]) {
      expect(allowedAvatarUrl(url, uid, project), url).toBe(url);
    }
    expect(allowedAvatarUrl(`${own}/a.png`, uid, `${project}/`)).toBe(`${own}/a.png`);
  });

  it("refuses other users' folders, other buckets, other origins and tricks", () => {
    for (const url of [
      `${project}/storage/v1/object/public/avatars/${other}/avatar.png`,
      `${project}/storage/v1/object/public/course-media/${uid}/avatar.png`,
      `${project}/storage/v1/object/authenticated/avatars/${uid}/avatar.png`,
      `https://evil.example/storage/v1/object/public/avatars/${uid}/avatar.png`,
      `http://localhost:8787.evil.example/storage/v1/object/public/avatars/${uid}/a.png`,
      `//evil.example/storage/v1/object/public/avatars/${uid}/a.png`,
      `${own}/`,
      `${own}`,
      `${own}/../${other}/a.png`,
      `${own}/./a.png`,
      `${own}/.hidden`,
      `${own}/a.png?x=1`,
      `${own}/a.png#x`,
      `${own}/a%2F..%2Fb.png`,
      `${own}/a b.png`,
      `${own}//a.png`,
      `${own}/a\\b.png`,
      `javascript:alert(1)//${own}/a.png`,
      `${own}/${'a'.repeat(201)}`,
      '',
    ]) {
      expect(allowedAvatarUrl(url, uid, project), url).toBeNull();
    }
  });
});
